import { describe } from 'vitest';
import type { CriterionCase } from '../testing/profiles.ts';
import { criterionTable } from '../testing/table.ts';

const threeYears = (main: number) => ({ years: { '2023': { main_business_revenue: main }, '2024': { main_business_revenue: main }, '2025': { main_business_revenue: main } } });

/** 04 (工信部政法〔2023〕138号). */
const cases: CriterionCase[] = [
  { id: 'C-1', note: '深耕满 10 年', change: { segment_start_date: '2016-01-01' }, status: 'met' },
  { id: 'C-1', note: '9 年、非新产品', change: { segment_start_date: '2017-01-01' }, status: 'unmet' },
  { id: 'C-1', note: '5 年、新产品', change: { segment_start_date: '2021-01-01', main_product: { new_product: true } }, status: 'met' },
  { id: 'C-1', note: '7 年、是否新产品未知', change: { segment_start_date: '2019-01-01', main_product: { new_product: null } }, status: 'unknown' },
  { id: 'C-2', note: '近三年平均主营收入恰为 4 亿元', change: threeYears(40000), status: 'met' },
  { id: 'C-2', note: '39999 万元', change: threeYears(39999), status: 'unmet' },
  { id: 'C-3', note: '全球排名第三', change: {}, status: 'met' },
  { id: 'C-3', note: '全球排名第四', change: { market: { rank_global: 4 } }, status: 'unmet' },
  { id: 'C-4', note: '能耗达先进值，待专家确认', change: {}, status: 'manual' },
  { id: 'C-4', note: '能耗未达先进值', change: { energy_vs_quota_advanced: false }, status: 'unmet' },
  { id: 'C-5', note: '专家认定', change: { reviewer_judgements: { 'C-5': true } }, status: 'met' },
  { id: 'C-5', note: '专家否定', change: { reviewer_judgements: { 'C-5': false } }, status: 'unmet' },
  { id: 'C-6', note: '无意见 → 人工', change: {}, status: 'manual' },
  { id: 'C-6', note: '专家否定', change: { reviewer_judgements: { 'C-6': false } }, status: 'unmet' },
  { id: 'C-7', note: '专家认定', change: { reviewer_judgements: { 'C-7': true } }, status: 'met' },
  { id: 'C-7', note: '专家否定', change: { reviewer_judgements: { 'C-7': false } }, status: 'unmet' },
  { id: 'C-8', note: '专家认定', change: { reviewer_judgements: { 'C-8': true } }, status: 'met' },
  { id: 'C-8', note: '专家否定', change: { reviewer_judgements: { 'C-8': false } }, status: 'unmet' },
  { id: 'C-9', note: '专家认定', change: { reviewer_judgements: { 'C-9': true } }, status: 'met' },
  { id: 'C-9', note: '专家否定', change: { reviewer_judgements: { 'C-9': false } }, status: 'unmet' },
  { id: 'C-11', note: '无不良记录', change: {}, status: 'met' },
  { id: 'C-11', note: '数据造假', change: { compliance: { data_fraud: true } }, status: 'unmet' },
];

describe('国家制造业单项冠军（2023，138号）', () => criterionTable('single_champion', cases, { asOf: '2026-06-30' }));
