import { describe, expect, it } from 'vitest';
import { patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y24, y25 } from '../testing/table.ts';

const utility = { type: 'utility', class: 'II', grant_date: '2020-01-01', valid_until: '2030-01-01', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true };
const invention = { type: 'invention', class: 'I', grant_date: '2019-01-01', valid_until: '2039-01-01', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true, high_value: false };

/** 01 §1(a), edges: a value on a shared limit scores in the higher band. */
const cases: CriterionCase[] = [
  { id: 'IN-1', note: 'Ⅰ类高价值 → 20', change: {}, status: 'met', points: 20 },
  { id: 'IN-1', note: '自主研发Ⅰ类 → 15', change: { ip_items: [invention] }, status: 'met', points: 15 },
  { id: 'IN-1', note: '受让的Ⅰ类（受让满一年）→ 10', change: { ip_items: [{ ...invention, acquisition: 'transferred', transfer_in_date: '2023-01-01' }] }, status: 'met', points: 10 },
  { id: 'IN-1', note: '受让不满一年的Ⅰ类不计，仅Ⅱ类 → 5', change: { ip_items: [{ ...invention, acquisition: 'transferred', transfer_in_date: '2026-01-01' }, utility] }, status: 'met', points: 5 },
  { id: 'IN-1', note: '授权不满 2 年的实用新型不计 → 0', change: { ip_items: [{ ...utility, grant_date: '2025-01-01' }] }, status: 'met', points: 0 },
  { id: 'IN-1', note: '知识产权清单未知', change: { ip_items: null }, status: 'unknown' },
  { id: 'IN-2', note: '研发占比恰为 5% → 20', change: y25({ rd_expense: 500 }), status: 'met', points: 20 },
  { id: 'IN-2', note: '4.99% → 15', change: y25({ rd_expense: 499 }), status: 'met', points: 15 },
  { id: 'IN-2', note: '恰为 3% → 15', change: y25({ rd_expense: 300 }), status: 'met', points: 15 },
  { id: 'IN-2', note: '0.99% → 0', change: y25({ rd_expense: 99 }), status: 'met', points: 0 },
  { id: 'IN-2', note: '研发费用未知', change: y25({ rd_expense: null }), status: 'unknown' },
  { id: 'GR-1', note: '增长恰为 15% → 20', change: { years: { '2024': { main_business_revenue: 8000 }, '2025': { main_business_revenue: 9200 } } }, status: 'met', points: 20 },
  { id: 'GR-1', note: '增长 14.99% → 15', change: { years: { '2024': { main_business_revenue: 10000 }, '2025': { main_business_revenue: 11499 } } }, status: 'met', points: 15 },
  { id: 'GR-1', note: '负增长 → 0', change: y24({ main_business_revenue: 9600 }), status: 'met', points: 0 },
  { id: 'GR-2', note: '资产负债率恰为 55% → 10', change: y25({ total_liabilities: 5500 }), status: 'met', points: 10 },
  { id: 'GR-2', note: '55.01% → 5', change: y25({ total_liabilities: 5501 }), status: 'met', points: 5 },
  { id: 'GR-2', note: '恰为 75% → 5', change: y25({ total_liabilities: 7500 }), status: 'met', points: 5 },
  { id: 'GR-2', note: '75.01% → 0', change: y25({ total_liabilities: 7501 }), status: 'met', points: 0 },
  { id: 'SP-1', note: '属于战略性新兴产业 → 10', change: {}, status: 'met', points: 10 },
  { id: 'SP-1', note: '其他领域 → 5', change: { main_product: { in_sei_catalogue: false } }, status: 'met', points: 5 },
  { id: 'SP-2', note: '主营占比恰为 70% → 20', change: y25({ main_business_revenue: 7000 }), status: 'met', points: 20 },
  { id: 'SP-2', note: '69.99% → 15', change: y25({ main_business_revenue: 6999 }), status: 'met', points: 15 },
  { id: 'SP-2', note: '49.99% → 0', change: y25({ main_business_revenue: 4999 }), status: 'met', points: 0 },
  { id: 'innovative_sme:score', note: '高分', change: {}, status: 'met' },
  { id: 'innovative_sme:score', note: '创新能力 15 < 20（总分仍可 ≥60）', change: { ip_items: [], ...y25({ rd_expense: 300 }) }, status: 'unmet' },
  { id: 'DQ-1', note: '近三年省级科技奖励', change: { science_awards: [{ level: 'provincial', date: '2024-05-01', rank: 5 }] }, status: 'met' },
  { id: 'DQ-1', note: '市级奖励不算', change: { science_awards: [{ level: 'city', date: '2024-05-01', rank: 1 }] }, status: 'unmet' },
  { id: 'DQ-1', note: '超过三年', change: { science_awards: [{ level: 'national', date: '2023-03-30', rank: 1 }] }, status: 'unmet' },
  { id: 'DQ-2', note: '有效期内高新技术企业', change: { qualifications: [{ title: 'high_tech', issue_date: '2024-01-01', expiry_date: '2027-01-01' }] }, status: 'met' },
  { id: 'DQ-2', note: '高新技术企业已过期', change: { qualifications: [{ title: 'high_tech', issue_date: '2022-01-01', expiry_date: '2025-01-01' }] }, status: 'unmet' },
  { id: 'DQ-3', note: '省级企业技术中心', change: {}, status: 'met' },
  { id: 'DQ-3', note: '仅市级研发机构', change: { rd_institutions: [{ level: 'city', recognized_date: '2020-01-01' }] }, status: 'unmet' },
  { id: 'DQ-4', note: '近三年合格机构投资者实缴 500 万元', change: { equity_financing: [{ date: '2024-01-01', amount: 500, qualified_investor: true }] }, status: 'met' },
  { id: 'DQ-4', note: '499 万元', change: { equity_financing: [{ date: '2024-01-01', amount: 499, qualified_investor: true }] }, status: 'unmet' },
  { id: 'DQ-4', note: '投资者是否合格未知', change: { equity_financing: [{ date: '2024-01-01', amount: 800, qualified_investor: null }] }, status: 'unknown' },
];

describe('创新型中小企业（2022，63号附件1）', () => {
  criterionTable('innovative_sme', cases, { asOf: '2026-03-31' });

  it('得分不足但直通条件成立时，得分项不使标准不合格（any_of）', () => {
    const profile = patch(strongProfile(), { ip_items: [], ...y25({ rd_expense: 300 }) });
    const result = standardResult(profile, 'innovative_sme');
    expect(result.criteria.find((c) => c.id === 'innovative_sme:score')?.status).toBe('unmet');
    expect(result.criteria.find((c) => c.id === 'DQ-3')?.any_of).toBe('innovative_sme:route');
    expect(result.status).toBe('qualified');
  });

  it('得分与直通均不成立 → not_qualified，score 为各项之和', () => {
    const profile = patch(strongProfile(), { ip_items: [], rd_institutions: [], ...y25({ rd_expense: 300 }) });
    const result = standardResult(profile, 'innovative_sme');
    expect(result.status).toBe('not_qualified');
    expect(result.score).toBe(0 + 15 + 20 + 10 + 10 + 20);
  });
});
