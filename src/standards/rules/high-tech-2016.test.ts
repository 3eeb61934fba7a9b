import { describe, expect, it } from 'vitest';
import { criterion, patch, standardResult, strongProfile, type CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y25 } from '../testing/table.ts';

/** Three converted results a year (13–18 points); growth of the strong profile is ~17.9% (5–6 points each). */
const transfers = [2023, 2024, 2025].flatMap((year) => [1, 2, 3].map((n) => ({ name: `成果${year}-${n}`, year })));

/** Reviewer points: IP capped at 30, transfers 13, growth 6 + 6, plus `management` for R&D management (0–20). */
function scored(management: number) {
  return { science_transfers: transfers, reviewer_scores: { 'K-1': 8, 'K-2': 8, 'K-3': 8, 'K-4': 6, 'K-5': 2, 'H-7.2': 13, 'H-7.3': management, 'H-7.4a': 6, 'H-7.4b': 6 } };
}

/** 02: all eight conditions; the score must be strictly above 70. */
const cases: CriterionCase[] = [
  { id: 'H-1', note: '注册恰满 365 日', change: { registration_date: '2025-06-30' }, status: 'met' },
  { id: 'H-1', note: '364 日', change: { registration_date: '2025-07-01' }, status: 'unmet' },
  { id: 'H-2', note: '有知识产权', change: {}, status: 'met' },
  { id: 'H-2', note: '无知识产权', change: { ip_items: [] }, status: 'unmet' },
  { id: 'H-3', note: '领域待人工确认', change: {}, status: 'manual' },
  { id: 'H-3', note: '评审认定', change: { reviewer_judgements: { 'H-3': true } }, status: 'met' },
  { id: 'H-3', note: '评审否定', change: { reviewer_judgements: { 'H-3': false } }, status: 'unmet' },
  { id: 'H-4', note: '科技人员恰为 10%', change: y25({ sci_tech_staff: 18 }), status: 'met' },
  { id: 'H-4', note: '9.4%', change: y25({ sci_tech_staff: 17 }), status: 'unmet' },
  { id: 'H-5', note: '销售收入 ≤5000 万元需 5%：恰为 5%', change: { years: { '2023': { sales_revenue: 4000, rd_expense: 200 }, '2024': { sales_revenue: 4500, rd_expense: 225 }, '2025': { sales_revenue: 5000, rd_expense: 250 } } }, status: 'met' },
  { id: 'H-5', note: '销售收入 ≤5000 万元：4.99%', change: { years: { '2023': { sales_revenue: 4000, rd_expense: 200 }, '2024': { sales_revenue: 4500, rd_expense: 225 }, '2025': { sales_revenue: 5000, rd_expense: 249.35 } } }, status: 'unmet' },
  { id: 'H-5', note: '销售收入 >2 亿元需 3%：3%', change: { years: { '2023': { sales_revenue: 30000, rd_expense: 900 }, '2024': { sales_revenue: 30000, rd_expense: 900 }, '2025': { sales_revenue: 30000, rd_expense: 900 } } }, status: 'met' },
  { id: 'H-5b', note: '境内研发恰为 60%', change: { years: { '2023': { rd_expense_domestic: 360 }, '2024': { rd_expense_domestic: 420 }, '2025': { rd_expense_domestic: 480 } } }, status: 'met' },
  { id: 'H-5b', note: '境内研发不足 60%', change: { years: { '2023': { rd_expense_domestic: 300 }, '2024': { rd_expense_domestic: 300 }, '2025': { rd_expense_domestic: 300 } } }, status: 'unmet' },
  { id: 'H-6', note: '高新收入恰为 60%', change: y25({ hnt_income: 6000 }), status: 'met' },
  { id: 'H-6', note: '59.99%', change: y25({ hnt_income: 5999 }), status: 'unmet' },
  { id: 'K-3', note: 'Ⅰ类 ≥1 → 7–8 分待专家定', change: {}, status: 'manual' },
  { id: 'H-7.4a', note: '增长率带宽内待专家定', change: {}, status: 'manual' },
  { id: 'high_tech:score', note: '总分恰为 70 → 未通过（须高于 70）', change: scored(15), status: 'unmet' },
  { id: 'high_tech:score', note: '总分 71 → 通过', change: scored(16), status: 'met' },
  { id: 'high_tech:score', note: '专家项未评 → 人工', change: { science_transfers: transfers }, status: 'manual' },
  { id: 'H-8', note: '一年内无事故', change: { compliance: { major_incidents: [{ type: 'quality', date: '2025-06-29' }] } }, status: 'met' },
  { id: 'H-8', note: '一年内有事故', change: { compliance: { major_incidents: [{ type: 'quality', date: '2025-07-01' }] } }, status: 'unmet' },
];

describe('高新技术企业（2016，32号 / 195号）', () => {
  criterionTable('high_tech', cases, { asOf: '2026-06-30' });

  it('专家评分齐全时给出确定得分', () => {
    const profile = patch(strongProfile(), { ...scored(16), reviewer_judgements: { 'H-3': true } });
    const result = standardResult(profile, 'high_tech');
    expect(result.score).toBe(71);
    expect(result.status).toBe('qualified');
  });

  it('K-3 专家分被限制在其分档内', () => {
    const profile = patch(strongProfile(), { reviewer_scores: { 'K-3': 3 } });
    expect(criterion(profile, 'high_tech', 'K-3').points).toBe(7);
  });
});
