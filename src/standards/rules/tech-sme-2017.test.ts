import { describe, expect, it } from 'vitest';
import { patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y25 } from '../testing/table.ts';

/** 03: T-1…T-4 and 60 points with a non-zero S&T-staff score, or a direct condition. Lower band limits inclusive. */
const cases: CriterionCase[] = [
  { id: 'T-1', note: '居民企业、查账征收、能归集研发费用', change: {}, status: 'met' },
  { id: 'T-1', note: '核定征收', change: { tax_collection_method: 'deemed' }, status: 'unmet' },
  { id: 'T-2a', note: '职工恰为 500 人', change: y25({ employees_total: 500 }), status: 'met' },
  { id: 'T-2a', note: '501 人', change: y25({ employees_total: 501 }), status: 'unmet' },
  { id: 'T-2b', note: '销售收入恰为 2 亿元', change: y25({ sales_revenue: 20000 }), status: 'met' },
  { id: 'T-2b', note: '20001 万元', change: y25({ sales_revenue: 20001 }), status: 'unmet' },
  { id: 'T-2c', note: '资产恰为 2 亿元', change: y25({ total_assets: 20000 }), status: 'met' },
  { id: 'T-2c', note: '20001 万元', change: y25({ total_assets: 20001 }), status: 'unmet' },
  { id: 'T-3', note: '制造业', change: {}, status: 'met' },
  { id: 'T-3', note: '批发业（不适用加计扣除）', change: { industry_code: '5131' }, status: 'unmet' },
  { id: 'T-3', note: '2022 年指引前不查行业', change: { industry_code: '5131' }, status: 'met', options: { asOf: '2021-06-30' } },
  { id: 'T-4', note: '无不良记录', change: {}, status: 'met' },
  { id: 'T-4', note: '科研严重失信', change: { compliance: { research_misconduct: true } }, status: 'unmet' },
  { id: 'T-4', note: '上年度事故', change: { compliance: { major_incidents: [{ date: '2025-02-01' }] } }, status: 'unmet' },
  { id: 'TS-1', note: '科技人员恰为 30% → 20', change: y25({ sci_tech_staff: 54 }), status: 'met', points: 20 },
  { id: 'TS-1', note: '29.4% → 16', change: y25({ sci_tech_staff: 53 }), status: 'met', points: 16 },
  { id: 'TS-1', note: '9.4% → 0', change: y25({ sci_tech_staff: 17 }), status: 'met', points: 0 },
  { id: 'TS-2', note: '研发占销售收入恰为 6% → 50', change: y25({ rd_expense: 600, total_cost_expense: 100000 }), status: 'met', points: 50 },
  { id: 'TS-2', note: '5.99% → 40', change: y25({ rd_expense: 599, total_cost_expense: 100000 }), status: 'met', points: 40 },
  { id: 'TS-2', note: '占成本费用恰为 30% → 50（取高）', change: y25({ rd_expense: 300, total_cost_expense: 1000 }), status: 'met', points: 50 },
  { id: 'TS-3', note: 'Ⅰ类 → 30', change: {}, status: 'met', points: 30 },
  { id: 'TS-3', note: '4 项Ⅱ类 → 24', change: { ip_items: Array(4).fill({ type: 'software', class: 'II', status: 'valid', related_to_main_product: true }) }, status: 'met', points: 24 },
  { id: 'tech_sme:score', note: '高分', change: {}, status: 'met' },
  { id: 'tech_sme:score', note: '科技人员得 0 分 → 不通过', change: y25({ sci_tech_staff: 17 }), status: 'unmet' },
  { id: 'TD-1', note: '有效高新证书', change: { qualifications: [{ title: 'high_tech', issue_date: '2024-01-01', expiry_date: '2027-01-01' }] }, status: 'met' },
  { id: 'TD-1', note: '无', change: {}, status: 'unmet' },
  { id: 'TD-2', note: '近五年国家级奖励排名第三', change: { science_awards: [{ level: 'national', date: '2021-07-01', rank: 3 }] }, status: 'met' },
  { id: 'TD-2', note: '超过五年', change: { science_awards: [{ level: 'national', date: '2021-06-29', rank: 1 }] }, status: 'unmet' },
  { id: 'TD-3', note: '省级研发机构', change: {}, status: 'met' },
  { id: 'TD-3', note: '无', change: { rd_institutions: [] }, status: 'unmet' },
  { id: 'TD-4', note: '主导制定行业标准', change: { standards: [{ level: 'industry', role: 'lead', date: '2023-01-01' }] }, status: 'met' },
  { id: 'TD-4', note: '仅参与', change: {}, status: 'unmet' },
];

describe('科技型中小企业（2017 办法，2022 指引）', () => {
  criterionTable('tech_sme', cases, { asOf: '2026-06-30' });

  it('得分不足、直通条件成立 → qualified', () => {
    const profile = patch(strongProfile(), y25({ sci_tech_staff: 17 }));
    expect(standardResult(profile, 'tech_sme').status).toBe('qualified');
  });
});
