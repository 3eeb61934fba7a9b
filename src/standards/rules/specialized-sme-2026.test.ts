import { describe, expect, it } from 'vitest';
import { patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y24, y25 } from '../testing/table.ts';

/** 01b §2, new applications from 2026-04-01. */
const cases: CriterionCase[] = [
  { id: 'N-1', note: '有效的创新型称号', change: {}, status: 'met' },
  { id: 'N-1', note: '创新型已过期', change: { qualifications: [{ title: 'innovative_sme', issue_date: '2022-09-01', expiry_date: '2025-09-01' }] }, status: 'unmet' },
  { id: 'N-1', note: '称号清单未知', change: { qualifications: null }, status: 'unknown' },
  { id: 'N-2', note: '截至上年末恰满 3 年', change: { segment_start_date: '2023-01-01' }, status: 'met' },
  { id: 'N-2', note: '不满 3 年', change: { segment_start_date: '2023-06-01' }, status: 'unmet' },
  { id: 'N-3', note: '营业收入恰为 1500 万元', change: y25({ operating_revenue: 1500, main_business_revenue: 1450, rd_expense: 100 }), status: 'met' },
  { id: 'N-3', note: '1499 万元', change: y25({ operating_revenue: 1499 }), status: 'unmet' },
  { id: 'N-3 alt', note: '近两年融资 2000 万元', change: { equity_financing: [{ date: '2024-07-01', amount: 2000, qualified_investor: true }] }, status: 'met' },
  { id: 'N-3 alt', note: '无融资', change: {}, status: 'unmet' },
  { id: 'N-4', note: '主营占比恰为 80%', change: y25({ main_business_revenue: 8000 }), status: 'met' },
  { id: 'N-4', note: '79.99%', change: y25({ main_business_revenue: 7999 }), status: 'unmet' },
  { id: 'N-5', note: '资产负债率恰为 80%', change: y25({ total_liabilities: 8000 }), status: 'met' },
  { id: 'N-5', note: '80.01%', change: y25({ total_liabilities: 8001 }), status: 'unmet' },
  { id: 'N-6a', note: '两年均 ≥100 万元', change: {}, status: 'met' },
  { id: 'N-6a', note: 'Y-2 年 99 万元', change: y24({ rd_expense: 99 }), status: 'unmet' },
  { id: 'N-6b', note: '两年占比均 ≥3%', change: {}, status: 'met' },
  { id: 'N-6b', note: 'Y-2 年 2.99%', change: y24({ operating_revenue: 10000, rd_expense: 299 }), status: 'unmet' },
  { id: 'N-6b', note: 'Y-2 年研发未知', change: y24({ rd_expense: null }), status: 'unknown' },
  { id: 'N-7', note: '已实施的Ⅰ类知识产权', change: {}, status: 'met' },
  { id: 'N-7', note: '无知识产权', change: { ip_items: [] }, status: 'unmet' },
  { id: 'N-7 exempt', note: '省级研发机构', change: {}, status: 'met' },
  { id: 'N-7 exempt', note: '无机构、无奖励', change: { rd_institutions: [] }, status: 'unmet' },
  { id: 'N-8', note: '无评审意见 → 人工', change: {}, status: 'manual' },
  { id: 'N-8', note: '评审认定', change: { reviewer_judgements: { 'N-8': true } }, status: 'met' },
  { id: 'N-8', note: '评审否定', change: { reviewer_judgements: { 'N-8': false } }, status: 'unmet' },
  { id: 'N-9', note: '当年评价得分恰为 50', change: { years: { '2026': { platform_srdi_score: 50 } } }, status: 'met' },
  { id: 'N-9', note: '49.9 分', change: { years: { '2026': { platform_srdi_score: 49.9 } } }, status: 'unmet' },
  { id: 'N-9', note: '复核：当年 40、上年 55 → 达到', change: { years: { '2029': { platform_srdi_score: 40 }, '2028': { platform_srdi_score: 55 } }, qualifications: [{ title: 'specialized_sme', issue_date: '2026-05-01', expiry_date: '2029-05-01' }, { title: 'innovative_sme', issue_date: '2028-01-01', expiry_date: '2031-01-01' }] }, status: 'met', options: { asOf: '2029-04-15', application: 're_review' } },
];

describe('专精特新中小企业（2026，2号附件1）', () => {
  criterionTable('specialized_sme', cases, { asOf: '2026-06-30' });

  it('N-3 与 N-3 alt 同属 any_of 组；收入不足但融资达标 → 组满足', () => {
    const profile = patch(strongProfile(), { ...y25({ operating_revenue: 1200, main_business_revenue: 1150, rd_expense: 100 }), equity_financing: [{ date: '2025-02-01', amount: 2500, qualified_investor: true }], reviewer_judgements: { 'N-8': true } });
    const result = standardResult(profile, 'specialized_sme');
    expect(result.criteria.filter((c) => c.any_of === 'N-3').map((c) => c.status)).toEqual(['unmet', 'met']);
    expect(result.status).toBe('qualified');
  });

  it('N-8 无评审意见时整体为 manual_review', () => {
    expect(standardResult(strongProfile(), 'specialized_sme').status).toBe('manual_review');
  });
});
