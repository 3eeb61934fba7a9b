import { describe } from 'vitest';
import type { CriterionCase } from '../testing/profiles.ts';
import { criterionTable } from '../testing/table.ts';

/** Revenue path over Y-4 (2022) … Y-1 (2025); R&D at 5% each year unless changed. */
const revenues = (r22: number, r23: number, r24: number, r25: number) => ({
  years: {
    '2022': { operating_revenue: r22, rd_expense: r22 * 0.05 },
    '2023': { operating_revenue: r23, rd_expense: r23 * 0.05 },
    '2024': { operating_revenue: r24, rd_expense: r24 * 0.05 },
    '2025': { operating_revenue: r25, rd_expense: r25 * 0.05 },
  },
});

/** 06 §A.1; CAGR window Y-4 → Y-1 (parameter, [U]). */
const cases: CriterionCase[] = [
  { id: 'CQ-G-1', note: '三年研发占比均 ≥3%', change: {}, status: 'met' },
  { id: 'CQ-G-1', note: 'Y-3 年 2.9%', change: { years: { '2023': { operating_revenue: 10000, rd_expense: 290 } } }, status: 'unmet' },
  { id: 'CQ-G-2', note: '有Ⅰ类知识产权', change: {}, status: 'met' },
  { id: 'CQ-G-2', note: '无', change: { ip_items: [] }, status: 'unmet' },
  { id: 'CQ-G-3', note: '起始 1000 万元，CAGR 30%（1000→2197）', change: revenues(1000, 1300, 1690, 2197), status: 'met' },
  { id: 'CQ-G-3', note: '起始 1000 万元，CAGR 不足 30%', change: revenues(1000, 1300, 1690, 2190), status: 'unmet' },
  { id: 'CQ-G-3', note: '起始 5000 万元，CAGR 20%（5000→8640）', change: revenues(5000, 6000, 7200, 8640), status: 'met' },
  { id: 'CQ-G-3', note: '起始 1 亿元，CAGR 15% 足够', change: revenues(10000, 11500, 13225, 15208.75), status: 'met' },
  { id: 'CQ-G-3', note: '起始年收入未知', change: { years: { '2022': { operating_revenue: null } } }, status: 'unknown' },
  { id: 'CQ-G-4', note: '上年度正增长', change: {}, status: 'met' },
  { id: 'CQ-G-4', note: '上年度持平', change: revenues(5000, 6000, 7200, 7200), status: 'unmet' },
  { id: 'CQ-G-5', note: '起始年收入恰为 1000 万元', change: revenues(1000, 1300, 1690, 2197), status: 'met' },
  { id: 'CQ-G-5', note: '起始年收入 999 万元', change: revenues(999, 1300, 1690, 2197), status: 'unmet' },
];

describe('重庆市瞪羚企业（2024）', () => criterionTable('cq_gazelle', cases, { asOf: '2026-06-30' }));
