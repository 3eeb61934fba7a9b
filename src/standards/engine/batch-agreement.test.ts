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
});
