import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/engine.ts';
import { strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable } from '../testing/table.ts';

const cases: CriterionCase[] = [
  { id: 'T1-1', note: '有效科技型登记编号', change: { qualifications: [{ title: 'tech_sme', issue_date: '2026-05-01', expiry_date: '2027-05-01' }] }, status: 'met' },
  { id: 'T1-1', note: '无', change: {}, status: 'unmet' },
  { id: 'T1-1 alt', note: '有效创新型称号', change: {}, status: 'met' },
  { id: 'T1-1 alt', note: '创新型已过期', change: { qualifications: [{ title: 'innovative_sme', issue_date: '2022-01-01', expiry_date: '2025-01-01' }] }, status: 'unmet' },
  { id: 'T1-2', note: '按科技型评价合格', change: {}, status: 'met' },
  { id: 'T1-2', note: '规模超限', change: { years: { '2025': { employees_total: 600 } } }, status: 'unmet' },
  { id: 'T1-2 alt', note: '按创新型评价合格', change: {}, status: 'met' },
  { id: 'T1-2 alt', note: '不合格（失信）', change: { compliance: { serious_dishonesty: true } }, status: 'unmet' },
];

describe('科技和创新型中小企业（2026 第一层级）', () => {
  criterionTable('tech_innovative_sme', cases, { asOf: '2026-06-30' });

  it('2026-04-01 之前不存在，不出现在结果中', () => {
    expect(evaluate([strongProfile()], { asOf: '2026-03-31' }).results[0].standards.tech_innovative_sme).toBeUndefined();
    expect(evaluate([strongProfile()], { asOf: '2026-04-01' }).results[0].standards.tech_innovative_sme?.version).toBe('2026');
  });
});
