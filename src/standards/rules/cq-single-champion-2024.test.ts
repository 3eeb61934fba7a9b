import { describe } from 'vitest';
import type { CriterionCase } from '../testing/profiles.ts';
import { criterionTable } from '../testing/table.ts';

const threeYears = (main: number) => ({ years: { '2023': { main_business_revenue: main }, '2024': { main_business_revenue: main }, '2025': { main_business_revenue: main } } });
const giant = { qualifications: [{ title: 'little_giant', level: 'national', issue_date: '2024-07-01', expiry_date: '2027-07-01' }] };

/** 06 §B (渝经信规范〔2024〕8号). */
const cases: CriterionCase[] = [
  { id: 'CQ-C-1', note: '满 5 年', change: { segment_start_date: '2021-01-01' }, status: 'met' },
  { id: 'CQ-C-1', note: '4 年、非新产品', change: { segment_start_date: '2022-01-01' }, status: 'unmet' },
  { id: 'CQ-C-1', note: '3 年、新产品', change: { segment_start_date: '2023-01-01', main_product: { new_product: true } }, status: 'met' },
  { id: 'CQ-C-2', note: '国内第三', change: { market: { rank_domestic: 3 } }, status: 'met' },
  { id: 'CQ-C-2', note: '国内第四', change: { market: { rank_domestic: 4 } }, status: 'unmet' },
  { id: 'CQ-C-2 alt', note: '全球第五', change: { market: { rank_global: 5 } }, status: 'met' },
  { id: 'CQ-C-2 alt', note: '全球第六', change: { market: { rank_global: 6 } }, status: 'unmet' },
  { id: 'CQ-C-3', note: '待人工', change: {}, status: 'manual' },
  { id: 'CQ-C-3', note: '专家否定', change: { reviewer_judgements: { 'CQ-C-3': false } }, status: 'unmet' },
  { id: 'CQ-C-4', note: '省级研发机构（市级及以上）', change: {}, status: 'met' },
  { id: 'CQ-C-4', note: '仅区县级', change: { rd_institutions: [{ level: 'below_city' }] }, status: 'unmet' },
  { id: 'CQ-C-5', note: '专家认定', change: { reviewer_judgements: { 'CQ-C-5': true } }, status: 'met' },
  { id: 'CQ-C-5', note: '专家否定', change: { reviewer_judgements: { 'CQ-C-5': false } }, status: 'unmet' },
  { id: 'CQ-C-6', note: '专家认定', change: { reviewer_judgements: { 'CQ-C-6': true } }, status: 'met' },
  { id: 'CQ-C-6', note: '待人工', change: {}, status: 'manual' },
  { id: 'CQ-C-7', note: '平均主营收入恰为 4 亿元', change: threeYears(40000), status: 'met' },
  { id: 'CQ-C-7', note: '1 亿元、非小巨人', change: threeYears(10000), status: 'unmet' },
  { id: 'CQ-C-7', note: '1 亿元、国家级小巨人', change: { ...threeYears(10000), ...giant }, status: 'met' },
  { id: 'CQ-C-7', note: '9999 万元、小巨人', change: { ...threeYears(9999), ...giant }, status: 'unmet' },
  { id: 'CQ-C-8', note: '有人才计划入选者', change: {}, status: 'met' },
  { id: 'CQ-C-8', note: '无', change: { talent_programmes: [] }, status: 'unmet' },
];

describe('重庆市制造业单项冠军（2024）', () => criterionTable('cq_single_champion', cases, { asOf: '2026-06-30' }));
