import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch, type CriterionResult, type StandardResult } from '../../standards/index.ts';
import { randomProfiles } from '../../standards/testing/random-profiles.ts';
import { blockingCriteria, countedBlocking } from './explain.ts';

const criterion = (id: string, status: CriterionResult['status'], group?: { any_of: string; path?: string }): CriterionResult => ({
  id, status, value: null, threshold: null, gap: status === 'unmet' ? 1 : null, unit: null, source: '', name: id, quality: 'R', inputs: [],
  ...(group ?? {}),
});
const result = (criteria: CriterionResult[]): StandardResult => ({ version: 'v', status: 'not_qualified', score: null, criteria, missing: [] });
const ids = (list: CriterionResult[]) => list.map((c) => c.id);

describe('候选企业的未达标说明与未达标项数一致', () => {
  it('备选条件组：全部途径未达标时只列最接近的途径；有途径待补数据时列待补数据项而非其他途径的未达标项', () => {
    const allUnmet = countedBlocking(result([
      criterion('A', 'unmet'),
      criterion('G1', 'unmet', { any_of: 'g', path: 'p1' }), criterion('G2', 'unmet', { any_of: 'g', path: 'p1' }),
      criterion('G3', 'unmet', { any_of: 'g', path: 'p2' }), criterion('G4', 'met', { any_of: 'g', path: 'p2' }),
      criterion('G5', 'unmet', { any_of: 'g', path: 'p3' }),
    ]));
    expect(ids(allUnmet.unmet)).toEqual(['A', 'G3']);

    const oneUnknown = countedBlocking(result([
      criterion('H1', 'unmet', { any_of: 'h' }), criterion('H2', 'unknown', { any_of: 'h' }), criterion('B', 'manual'),
    ]));
    expect(ids(oneUnknown.unmet)).toEqual([]);
    expect(ids(oneUnknown.unknown)).toEqual(['H2']);
    expect(ids(oneUnknown.manual)).toEqual(['B']);

    // For the least-effort planner every path stays open; a met criterion on an unmet path does not make the group met.
    expect(ids(blockingCriteria(result([criterion('A', 'unmet'),
      criterion('G1', 'unmet', { any_of: 'g', path: 'p1' }), criterion('G3', 'unmet', { any_of: 'g', path: 'p2' }), criterion('G4', 'met', { any_of: 'g', path: 'p2' })])).unmet)).toEqual(['A', 'G1', 'G3']);

    const met = countedBlocking(result([criterion('K1', 'unmet', { any_of: 'k' }), criterion('K2', 'met', { any_of: 'k' })]));
    expect(met).toEqual({ unmet: [], unknown: [], manual: [] });
  });

  it('随机画像：每个标准列出的未达标项（备选组计一项）正是批量评价的未达标项数', () => {
    const profiles = randomProfiles(1500, { seed: 77, unknownRate: 0.2 });
    const options = { asOf: '2026-06-30' };
    const batch = evaluateBatch(profiles, options);
    const full = evaluate(profiles, options);
    let groupsSeen = 0;
    full.results.forEach((item, i) => {
      batch.standards.forEach((standard, k) => {
        const unmet = countedBlocking(item.standards[standard]!).unmet;
        const groups = new Set(unmet.filter((c) => c.any_of).map((c) => c.any_of));
        groupsSeen += groups.size;
        expect(unmet.filter((c) => !c.any_of).length + groups.size, `#${i} ${standard}`).toBe(batch.unmet[i * batch.standards.length + k]);
      });
    });
    expect(groupsSeen).toBeGreaterThan(100);
  });
});
