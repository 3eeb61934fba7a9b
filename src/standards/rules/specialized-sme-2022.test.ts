import { describe, expect, it } from 'vitest';
import { patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y24, y25 } from '../testing/table.ts';

/** 01 §1(b), decided before 2026-04-01. Edges: a value on a shared limit scores in the higher band. */
const cases: CriterionCase[] = [
  { id: 'M-1', note: '截至上年末恰满 2 年', change: { segment_start_date: '2024-01-01' }, status: 'met' },
  { id: 'M-1', note: '差一天满 2 年', change: { segment_start_date: '2024-01-02' }, status: 'unmet' },
  { id: 'M-2a', note: '研发费用恰为 100 万元', change: y25({ rd_expense: 100, operating_revenue: 3000, main_business_revenue: 2900 }), status: 'met' },
  { id: 'M-2a', note: '99.9 万元', change: y25({ rd_expense: 99.9 }), status: 'unmet' },
  { id: 'M-2b', note: '研发占比恰为 3%', change: y25({ rd_expense: 300 }), status: 'met' },
  { id: 'M-2b', note: '2.99%', change: y25({ rd_expense: 299 }), status: 'unmet' },
  { id: 'M-3', note: '营业收入恰为 1000 万元', change: y25({ operating_revenue: 1000, main_business_revenue: 950, rd_expense: 100 }), status: 'met' },
  { id: 'M-3', note: '999 万元', change: y25({ operating_revenue: 999 }), status: 'unmet' },
  { id: 'M-3 alt', note: '近两年股权融资 2000 万元', change: { equity_financing: [{ date: '2025-01-01', amount: 2000, qualified_investor: true }] }, status: 'met' },
  { id: 'M-3 alt', note: '融资在两年窗口之外', change: { equity_financing: [{ date: '2024-03-30', amount: 5000, qualified_investor: true }] }, status: 'unmet' },
  { id: 'P-1', note: '主营占比恰为 80% → 5', change: y25({ main_business_revenue: 8000 }), status: 'met', points: 5 },
  { id: 'P-1', note: '79.99% → 3', change: y25({ main_business_revenue: 7999 }), status: 'met', points: 3 },
  { id: 'P-2', note: '两年平均增长恰为 10% → 10', change: { years: { '2023': { main_business_revenue: 10000 }, '2024': { main_business_revenue: 11000 }, '2025': { main_business_revenue: 12100 } } }, status: 'met', points: 10 },
  { id: 'P-2', note: '平均增长 0% → 2（0 为下限，含）', change: { years: { '2023': { main_business_revenue: 9000 }, '2024': { main_business_revenue: 9000 }, '2025': { main_business_revenue: 9000 } } }, status: 'met', points: 2 },
  { id: 'P-2', note: '负增长 → 0', change: { years: { '2023': { main_business_revenue: 9000 }, '2024': { main_business_revenue: 9000 }, '2025': { main_business_revenue: 8999 } } }, status: 'met', points: 0 },
  { id: 'P-3', note: '满 10 年 → 5', change: {}, status: 'met', points: 5 },
  { id: 'P-3', note: '恰满 4 年 → 2', change: { segment_start_date: '2022-01-01' }, status: 'met', points: 2 },
  { id: 'P-3', note: '差一天满 4 年 → 1', change: { segment_start_date: '2022-01-02' }, status: 'met', points: 1 },
  { id: 'P-4', note: '补短板成果 → 5', change: {}, status: 'met', points: 5 },
  { id: 'P-4', note: '仅工业六基 → 3', change: { main_product: { flags: { gap_filling_results: false } } }, status: 'met', points: 3 },
  { id: 'P-4', note: '均不属于 → 0', change: { main_product: { six_base_field: false, flags: { gap_filling_results: false, supplies_chain_leader: false } } }, status: 'met', points: 0 },
  { id: 'F-1', note: '数字化三级 → 5', change: {}, status: 'met', points: 5 },
  { id: 'F-1', note: '二级 → 3', change: { digital_level: 2 }, status: 'met', points: 3 },
  { id: 'F-2', note: '三项 → 5（封顶）', change: {}, status: 'met', points: 5 },
  { id: 'F-2', note: '一项 → 3', change: { quality: { own_brand: false, standard_participation: false } }, status: 'met', points: 3 },
  { id: 'F-3', note: '净利率恰为 10% → 10', change: y25({ net_profit: 1000 }), status: 'met', points: 10 },
  { id: 'F-3', note: '9.99% → 8', change: y25({ net_profit: 999 }), status: 'met', points: 8 },
  { id: 'F-4', note: '资产负债率恰为 50% → 5', change: y25({ total_liabilities: 5000 }), status: 'met', points: 5 },
  { id: 'F-4', note: '70.01% → 0', change: y25({ total_liabilities: 7001 }), status: 'met', points: 0 },
  { id: 'CQ-S-1', note: '特色化无评分 → 待人工', change: {}, status: 'manual' },
  { id: 'CQ-S-1', note: '录入专家评分 12', change: { reviewer_scores: { 'CQ-S-1': 12 } }, status: 'met', points: 12 },
  { id: 'I-1', note: 'Ⅰ类高价值 → 10', change: {}, status: 'met', points: 10 },
  { id: 'I-2', note: '金额 500 万元 → 10', change: y25({ rd_expense: 500, operating_revenue: 50000, main_business_revenue: 48000 }), status: 'met', points: 10 },
  { id: 'I-2', note: '占比 4%（金额 200 万元 → 4）取高档 → 4', change: y25({ rd_expense: 200, operating_revenue: 5000, main_business_revenue: 4800 }), status: 'met', points: 4 },
  { id: 'I-3', note: '研发人员恰为 20% → 5', change: y25({ rd_staff: 36 }), status: 'met', points: 5 },
  { id: 'I-3', note: '19.4% → 3', change: y25({ rd_staff: 35 }), status: 'met', points: 3 },
  { id: 'I-4', note: '省级 → 8', change: {}, status: 'met', points: 8 },
  { id: 'I-4', note: '市级 → 4', change: { rd_institutions: [{ level: 'city' }] }, status: 'met', points: 4 },
  { id: 'specialized_sme:score', note: '高分（特色化按 0 分也 ≥60）', change: {}, status: 'met' },
  { id: 'specialized_sme:score', note: '得分上限不足 60', change: { ip_items: [], rd_institutions: [], digital_level: 1, quality: { qms_cert: false, own_brand: false, standard_participation: false }, main_product: { six_base_field: false, flags: { gap_filling_results: false, supplies_chain_leader: false } }, ...y25({ net_profit: 0, total_liabilities: 8000, rd_staff: 1, main_business_revenue: 5000 }) }, status: 'unmet' },
  { id: 'DQ-A', note: '省级奖励排名第三', change: { science_awards: [{ level: 'provincial', date: '2024-05-01', rank: 3 }] }, status: 'met' },
  { id: 'DQ-A', note: '省级奖励排名第四', change: { science_awards: [{ level: 'provincial', date: '2024-05-01', rank: 4 }] }, status: 'unmet' },
  { id: 'DQ-A', note: '国家级奖励排名第五', change: { science_awards: [{ level: 'national', date: '2024-05-01', rank: 5 }] }, status: 'met' },
  { id: 'DQ-B', note: '近两年研发年均恰为 1000 万元', change: { ...y24({ rd_expense: 900 }), ...{ years: { '2024': { rd_expense: 900 }, '2025': { rd_expense: 1100 } } } }, status: 'met' },
  { id: 'DQ-B', note: '年均 750 万元', change: {}, status: 'unmet' },
  { id: 'DQ-C', note: '近两年融资 6000 万元', change: { equity_financing: [{ date: '2025-01-01', amount: 6000, qualified_investor: true }] }, status: 'met' },
  { id: 'DQ-C', note: '5999 万元', change: { equity_financing: [{ date: '2025-01-01', amount: 5999, qualified_investor: true }] }, status: 'unmet' },
  { id: 'DQ-D', note: '创客中国 500 强（2024）', change: { chuangke_rank: { group: 'top500', year: 2024 } }, status: 'met' },
  { id: 'DQ-D', note: '2022 年入围，超过三年', change: { chuangke_rank: { group: 'top500', year: 2022 } }, status: 'unmet' },
];

describe('专精特新中小企业（2022，63号附件2）', () => {
  criterionTable('specialized_sme', cases, { asOf: '2026-03-31' });

  it('版本：2026-03-31 按 2022 年标准，2026-04-01 起新申请按 2026 年标准', () => {
    expect(standardResult(strongProfile(), 'specialized_sme', { asOf: '2026-03-31' }).version).toBe('2022');
    expect(standardResult(strongProfile(), 'specialized_sme', { asOf: '2026-04-01' }).version).toBe('2026');
  });

  it('2026 年复核 2022 年授予的称号：按 2022 年标准，并标注 [U]', () => {
    const result = standardResult(strongProfile(), 'specialized_sme', { asOf: '2026-06-30', application: 're_review' });
    expect(result.version).toBe('2022');
    expect(result.version_quality).toBe('U');
  });

  it('复核 2026 年新办法授予的称号：按 2026 年标准', () => {
    const profile = patch(strongProfile(), { qualifications: [{ title: 'specialized_sme', issue_date: '2026-05-01', expiry_date: '2029-05-01' }] });
    expect(standardResult(profile, 'specialized_sme', { asOf: '2029-03-01', application: 're_review' }).version).toBe('2026');
  });
});
