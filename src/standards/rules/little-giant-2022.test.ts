import { describe, expect, it } from 'vitest';
import { patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y24, y25 } from '../testing/table.ts';

/** 01 §1(c), decided before 2026-04-01 and for 2026 re-reviews. */
const cases: CriterionCase[] = [
  { id: 'XG-1', note: '满 3 年', change: {}, status: 'met' },
  { id: 'XG-1', note: '差一天满 3 年', change: { segment_start_date: '2023-01-02' }, status: 'unmet' },
  { id: 'XG-2', note: '主营占比恰为 70%', change: y25({ main_business_revenue: 7000 }), status: 'met' },
  { id: 'XG-2', note: '69.99%', change: y25({ main_business_revenue: 6999 }), status: 'unmet' },
  { id: 'XG-3', note: '两年平均增长 ≥5%', change: {}, status: 'met' },
  { id: 'XG-3', note: '平均增长 4.99%', change: { years: { '2023': { main_business_revenue: 10000 }, '2024': { main_business_revenue: 10000 }, '2025': { main_business_revenue: 10998 } } }, status: 'unmet' },
  { id: 'XG-4', note: '核心业务信息化', change: {}, status: 'met' },
  { id: 'XG-4', note: '无', change: { quality: { info_system_core_business: false } }, status: 'unmet' },
  { id: 'XG-5', note: '管理体系认证', change: {}, status: 'met' },
  { id: 'XG-5', note: '均无', change: { quality: { mgmt_system_cert: false, developed_market_product_cert: false } }, status: 'unmet' },
  { id: 'XG-6', note: '资产负债率恰为 70%', change: y25({ total_liabilities: 7000 }), status: 'met' },
  { id: 'XG-6', note: '70.01%', change: y25({ total_liabilities: 7001 }), status: 'unmet' },
  { id: 'XG-7', note: '市场占有率恰为 10%', change: { market: { share_pct: 10 } }, status: 'met' },
  { id: 'XG-7', note: '9.9%', change: { market: { share_pct: 9.9 } }, status: 'unmet' },
  { id: 'XG-8', note: '自主品牌', change: {}, status: 'met' },
  { id: 'XG-8', note: '无自主品牌', change: { quality: { own_brand: false } }, status: 'unmet' },
  { id: 'XG-9a', note: '收入 1 亿元，两年研发占比 ≥3%', change: {}, status: 'met' },
  { id: 'XG-9a', note: '收入 5000 万–1 亿元，占比 5.99% < 6%', change: { years: { '2024': { operating_revenue: 8000, rd_expense: 480 }, '2025': { operating_revenue: 9000, main_business_revenue: 8600, rd_expense: 539 } } }, status: 'unmet' },
  { id: 'XG-9a', note: '收入不足 5000 万元，融资、研发、人员三项齐备', change: { years: { '2024': { operating_revenue: 4000, rd_expense: 1500 }, '2025': { operating_revenue: 4500, main_business_revenue: 4300, rd_expense: 1500, rd_staff: 90 } }, equity_financing: [{ date: '2025-01-01', amount: 8000, qualified_investor: true }] }, status: 'met' },
  { id: 'XG-9b', note: '有研发机构', change: {}, status: 'met' },
  { id: 'XG-9b', note: '无研发机构', change: { rd_institutions: [] }, status: 'unmet' },
  { id: 'XG-9c', note: '5 项已实施Ⅰ类', change: {}, status: 'met' },
  { id: 'XG-9c', note: '仅 1 项', change: { ip_items: [{ type: 'invention', class: 'I', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true }] }, status: 'unmet' },
  { id: 'XG-9d', note: '国家级奖励排名第三', change: { science_awards: [{ level: 'national', date: '2024-01-01', rank: 3 }] }, status: 'met' },
  { id: 'XG-9d', note: '国家级奖励排名第四', change: { science_awards: [{ level: 'national', date: '2024-01-01', rank: 4 }] }, status: 'unmet' },
  { id: 'XG-9e', note: '创客中国 50 强', change: { chuangke_rank: { group: 'top50', year: 2025 } }, status: 'met' },
  { id: 'XG-9e', note: '仅 500 强', change: { chuangke_rank: { group: 'top500', year: 2025 } }, status: 'unmet' },
  { id: 'XG-10', note: '链：待人工', change: {}, status: 'manual' },
  { id: 'XG-10', note: '自述不在关键环节', change: { main_product: { chain_key_link: false } }, status: 'unmet' },
  { id: 'XG-10', note: '评审认定', change: { reviewer_judgements: { 'XG-10': true } }, status: 'met' },
  { id: 'XG-11', note: '品：评审否定', change: { reviewer_judgements: { 'XG-11': false } }, status: 'unmet' },
  { id: 'XG-11', note: '品：评审认定', change: { reviewer_judgements: { 'XG-11': true } }, status: 'met' },
];

describe('专精特新“小巨人”（2022，63号附件3）', () => {
  criterionTable('little_giant', cases, { asOf: '2026-03-31' });

  it('XG-9 一般路径 a+b+c 与直通路径同组；一般路径缺一项时直通路径可满足', () => {
    const profile = patch(strongProfile(), { rd_institutions: [], science_awards: [{ level: 'national', date: '2024-01-01', rank: 1 }], reviewer_judgements: { 'XG-10': true, 'XG-11': true } });
    const result = standardResult(profile, 'little_giant', { asOf: '2026-03-31' });
    expect(result.criteria.find((c) => c.id === 'XG-9b')?.status).toBe('unmet');
    expect(result.status).toBe('qualified');
  });

  it('2026 年复核按 2022 年标准（117号）', () => {
    const result = standardResult(strongProfile(), 'little_giant', { asOf: '2026-06-30', application: 're_review' });
    expect(result.version).toBe('2022');
    expect(result.version_quality).toBe('S');
  });

  it('2026-04-01 起新申请按 2026 年标准', () => {
    expect(standardResult(strongProfile(), 'little_giant', { asOf: '2026-04-01' }).version).toBe('2026');
    expect(standardResult(patch(strongProfile(), y24({})), 'little_giant', { asOf: '2026-03-31' }).version).toBe('2022');
  });
});
