import { describe, expect, it } from 'vitest';
import { standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y24, y25 } from '../testing/table.ts';

const ownInvention = { type: 'invention', class: 'I', status: 'valid', acquisition: 'self', holder_rank: 1, related_to_main_product: true, in_use: true };

/** 01b §3, new applications from 2026-04-01. */
const cases: CriterionCase[] = [
  { id: 'X-1a', note: '有效的省级专精特新', change: {}, status: 'met' },
  { id: 'X-1a', note: '无', change: { qualifications: [] }, status: 'unmet' },
  { id: 'X-1b', note: '满 3 年', change: {}, status: 'met' },
  { id: 'X-1b', note: '不满 3 年', change: { segment_start_date: '2024-01-01' }, status: 'unmet' },
  { id: 'X-2a', note: '营业收入恰为 5000 万元', change: y25({ operating_revenue: 5000, main_business_revenue: 4600 }), status: 'met' },
  { id: 'X-2a', note: '4999 万元', change: y25({ operating_revenue: 4999 }), status: 'unmet' },
  { id: 'X-2b', note: '主营占比恰为 90%', change: y25({ main_business_revenue: 9000 }), status: 'met' },
  { id: 'X-2b', note: '89.99%', change: y25({ main_business_revenue: 8999 }), status: 'unmet' },
  { id: 'X-2c', note: '复合增长 ≥5%', change: {}, status: 'met' },
  { id: 'X-2c', note: '收入持平', change: { years: { '2023': { operating_revenue: 10000 } } }, status: 'unmet' },
  { id: 'X-2c', note: '复核不查', change: { years: { '2023': { operating_revenue: 10000 } } }, status: 'not_applicable', options: { asOf: '2029-06-30', application: 're_review' } },
  { id: 'X-2d', note: '资产负债率恰为 75%', change: y25({ total_liabilities: 7500 }), status: 'met' },
  { id: 'X-2d', note: '75.01%', change: y25({ total_liabilities: 7501 }), status: 'unmet' },
  { id: 'X-3a', note: '两年研发合计恰为 1200 万元', change: { years: { '2024': { rd_expense: 600 }, '2025': { rd_expense: 600 } } }, status: 'met' },
  { id: 'X-3a', note: '1199 万元', change: { years: { '2024': { rd_expense: 600 }, '2025': { rd_expense: 599 } } }, status: 'unmet' },
  { id: 'X-3b', note: '两年占比均 ≥3%', change: {}, status: 'met' },
  { id: 'X-3b', note: 'Y-2 年 2.9%', change: y24({ operating_revenue: 10000, rd_expense: 290 }), status: 'unmet' },
  { id: 'X-4', note: '5 项自有已实施Ⅰ类', change: {}, status: 'met' },
  { id: 'X-4', note: '3 项', change: { ip_items: [ownInvention, ownInvention, ownInvention] }, status: 'unmet' },
  { id: 'X-4', note: '4 项中 1 项受让，不计', change: { ip_items: [ownInvention, ownInvention, ownInvention, { ...ownInvention, acquisition: 'transferred' }] }, status: 'unmet' },
  { id: 'X-4 exempt', note: '国家级奖励排名第二', change: { science_awards: [{ level: 'national', date: '2025-01-01', rank: 2 }] }, status: 'met' },
  { id: 'X-4 exempt', note: '省级奖励不免除', change: { science_awards: [{ level: 'provincial', date: '2025-01-01', rank: 1 }] }, status: 'unmet' },
  { id: 'X-5', note: '占有率恰为 10%', change: { market: { share_pct: 10 } }, status: 'met' },
  { id: 'X-5', note: '9.99%', change: { market: { share_pct: 9.99 } }, status: 'unmet' },
  { id: 'X-5 alt', note: '国内排名第三', change: { market: { rank_domestic: 3 } }, status: 'met' },
  { id: 'X-5 alt', note: '国内排名第四', change: { market: { rank_domestic: 4 } }, status: 'unmet' },
  { id: 'X-6', note: '待人工', change: {}, status: 'manual' },
  { id: 'X-6', note: '评审认定', change: { reviewer_judgements: { 'X-6': true } }, status: 'met' },
  { id: 'X-6', note: '不在关键环节', change: { main_product: { chain_key_link: false } }, status: 'unmet' },
  { id: 'X-7', note: '得分恰为 60', change: { years: { '2026': { platform_srdi_score: 60 } } }, status: 'met' },
  { id: 'X-7', note: '59.9', change: { years: { '2026': { platform_srdi_score: 59.9 } } }, status: 'unmet' },
  { id: 'X-7', note: '当年得分未知', change: { years: { '2026': { platform_srdi_score: null } } }, status: 'unknown' },
];

describe('专精特新“小巨人”（2026，2号附件2）', () => {
  criterionTable('little_giant', cases, { asOf: '2026-06-30' });

  it('X-4 未满足但国家级奖励免除 → 组满足，不致不合格', () => {
    const result = standardResult(
      { ...strongProfile(), ip_items: [], science_awards: [{ level: 'national', date: '2025-01-01', rank: 1 }], reviewer_judgements: { 'X-6': true } },
      'little_giant',
    );
    expect(result.status).toBe('qualified');
  });
});
