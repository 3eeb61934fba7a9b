import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch } from './engine.ts';
import type { CriterionResult, GapSummary } from './compile.ts';
import { randomProfiles } from '../testing/random-profiles.ts';

const AS_OF = '2026-06-30';

/** Member statuses folded the way the contract does: not_applicable counts as met; unmet outranks unknown and manual. */
function pathStatus(members: readonly CriterionResult[]): string {
  if (members.some((c) => c.status === 'unmet')) return 'unmet';
  if (members.some((c) => c.status === 'unknown')) return 'unknown';
  return members.some((c) => c.status === 'manual') ? 'manual' : 'met';
}

/** What the batch must report for one explained standard: unmet count, gaps of unmet single criteria, and unmet any_of groups. */
function expected(criteria: readonly CriterionResult[]) {
  const members = criteria.filter((c) => c.scorecard === undefined);
  let unmet = 0;
  const singleGaps: GapSummary[] = [];
  const groups = new Map<string, Map<string, CriterionResult[]>>();
  for (const c of members) {
    if (c.any_of === undefined) {
      if (c.status !== 'unmet') continue;
      unmet++;
      if (c.gap !== null) singleGaps.push({ id: c.id, gap: c.gap, unit: c.unit });
      continue;
    }
    let paths = groups.get(c.any_of);
    if (!paths) groups.set(c.any_of, (paths = new Map()));
    const key = c.path ?? c.id;
    paths.set(key, [...(paths.get(key) ?? []), c]);
  }
  const unmetGroups: CriterionResult[][][] = [];
  for (const paths of groups.values()) {
    const statuses = [...paths.values()].map(pathStatus);
    if (!statuses.includes('met') && statuses.every((s) => s === 'unmet')) {
      unmet++;
      unmetGroups.push([...paths.values()]);
    }
  }
  return { unmet, singleGaps, unmetGroups };
}

describe('批量快速路径与完整解释一致', () => {
  it('20000 个随机画像（含未知值，两种申请类型）：状态、得分、版本、未满足项数与差距值一致', () => {
    let compared = 0, withGaps = 0, withUnknowns = 0;
    for (const [seed, unknownRate, application] of [[21, 0.08, 'new'], [22, 0.35, 'new'], [23, 0.08, 're_review'], [24, 0.35, 're_review']] as const) {
      const profiles = randomProfiles(5000, { seed, unknownRate });
      const batch = evaluateBatch(profiles, { asOf: AS_OF, application });
      const full = evaluate(profiles, { asOf: AS_OF, application });
      expect(batch.count).toBe(profiles.length);
      full.results.forEach((result, i) => {
        expect(batch.sizeClassOf(i)).toBe(result.size_class);
        batch.standards.forEach((standard, k) => {
          const explained = result.standards[standard]!;
          const where = `${application} #${i} ${standard}`;
          expect(batch.statusOf(i, k), where).toBe(explained.status);
          expect(batch.scoreOf(i, k), where).toBe(explained.score);
          expect(batch.versionOf(i, k), where).toBe(explained.version);
          const want = expected(explained.criteria);
          expect(batch.unmet[i * batch.standards.length + k], where).toBe(want.unmet);
          const gaps = batch.gapsOf(i, k);
          expect(gaps.slice(0, want.singleGaps.length), where).toEqual(want.singleGaps);
          // An unmet any_of group reports the gaps of one path (its closest): all of that path's unmet numeric members.
          const groupGaps = gaps.slice(want.singleGaps.length);
          const byId = new Map(explained.criteria.filter((c) => c.scorecard === undefined).map((c) => [c.id, c]));
          for (const gap of groupGaps) {
            const c = byId.get(gap.id)!;
            expect(c.any_of, where).toBeDefined();
            expect({ id: c.id, gap: c.gap, unit: c.unit }, where).toEqual(gap);
          }
          const reported = new Set(groupGaps.map((g) => g.id));
          for (const paths of want.unmetGroups) {
            const chosen = paths.filter((path) => path.some((c) => reported.has(c.id)));
            expect(chosen.length, where).toBeLessThanOrEqual(1);
            if (chosen.length === 1) for (const c of chosen[0]) expect(reported.has(c.id), where).toBe(c.status === 'unmet' && c.gap !== null);
          }
          expect(batch.record(i, k).gaps, where).toEqual(gaps);
          if (gaps.length > 0) withGaps++;
          if (explained.status === 'insufficient_data') withUnknowns++;
          compared++;
        });
      });
      // The record-per-profile view agrees with the columns.
      expect(batch.results[7].standards[3]).toEqual(batch.record(7, 3));
      expect(batch.results[7].credit_code).toBe(profiles[7].credit_code);
    }
    expect(compared).toBe(20000 * 11);
    expect(withGaps).toBeGreaterThan(10000);
    expect(withUnknowns).toBeGreaterThan(1000);
  }, 120_000);
  it('每批结果各自独立：后一批不改写前一批，逐个画像的小批（差距数组需扩容）与整批一致', () => {
    const first = randomProfiles(3000, { seed: 31 });
    const second = randomProfiles(3000, { seed: 32, unknownRate: 0.3 });
    const a = evaluateBatch(first, { asOf: AS_OF });
    const before = JSON.stringify(a);
    const b = evaluateBatch(second, { asOf: AS_OF, application: 're_review' });
    evaluateBatch(first.slice(0, 10), { asOf: '2025-06-30' });
    expect(JSON.stringify(a)).toBe(before);
    expect(JSON.stringify(b)).toBe(JSON.stringify(evaluateBatch(second, { asOf: AS_OF, application: 're_review' })));
    // One profile per batch gives what the whole batch gave.
    for (let i = 0; i < 300; i++) {
      expect(JSON.stringify(evaluateBatch([second[i]], { asOf: AS_OF, application: 're_review' }).results[0]), `#${i}`).toBe(JSON.stringify(b.results[i]));
    }
    // Profiles far from every standard outgrow the gap store a batch starts with (two gaps a cell): it grows mid-batch
    // and the result keeps the grown store.
    const weak = structuredClone(first[0]);
    for (const year of Object.values(weak.years ?? {})) for (const field of Object.keys(year!)) (year as Record<string, number>)[field] = 1;
    const three = evaluateBatch([weak, first[1], weak], { asOf: AS_OF });
    expect(three.gapValue.length).toBeGreaterThan(2 * 3 * three.standards.length);
    const alone = evaluateBatch([weak], { asOf: AS_OF });
    expect(alone.gapCount).toBeGreaterThan(0);
    three.standards.forEach((_, k) => {
      expect(three.gapsOf(0, k)).toEqual(alone.gapsOf(0, k));
      expect(three.gapsOf(2, k)).toEqual(alone.gapsOf(0, k));
    });
  });
});
