import { describe } from 'vitest';
import type { CriterionCase } from '../testing/profiles.ts';
import { criterionTable } from '../testing/table.ts';

const young = { registration_date: '2018-01-01', valuation_usd: 1_200_000_000, cumulative_financing_usd: 60_000_000 };

const unicorn: CriterionCase[] = [
  { id: 'CQ-U-4', note: '成立恰满 10 年', change: { ...young, registration_date: '2016-06-30' }, status: 'met' },
  { id: 'CQ-U-4', note: '超过 10 年', change: { ...young, registration_date: '2016-06-29' }, status: 'unmet' },
  { id: 'CQ-U-5', note: '估值恰为 10 亿美元', change: { ...young, valuation_usd: 1_000_000_000 }, status: 'met' },
  { id: 'CQ-U-5', note: '估值未知', change: { ...young, valuation_usd: null }, status: 'unknown' },
  { id: 'CQ-U-5', note: '9.99 亿美元', change: { ...young, valuation_usd: 999_000_000 }, status: 'unmet' },
  { id: 'CQ-U-6', note: '融资恰为 5000 万美元', change: { ...young, cumulative_financing_usd: 50_000_000 }, status: 'met' },
  { id: 'CQ-U-6', note: '4999 万美元', change: { ...young, cumulative_financing_usd: 49_990_000 }, status: 'unmet' },
  { id: 'CQ-U-7', note: '未上市', change: young, status: 'met' },
  { id: 'CQ-U-7', note: '已上市', change: { ...young, is_listed: true }, status: 'unmet' },
];

const potential: CriterionCase[] = [
  { id: 'CQ-U-1', note: '成立 8.5 年', change: young, status: 'met' },
  { id: 'CQ-U-1', note: '超过 9 年', change: { ...young, registration_date: '2017-06-29' }, status: 'unmet' },
  { id: 'CQ-U-2', note: '估值恰为 1 亿美元', change: { ...young, valuation_usd: 100_000_000 }, status: 'met' },
  { id: 'CQ-U-2', note: '9999 万美元', change: { ...young, valuation_usd: 99_990_000 }, status: 'unmet' },
  { id: 'CQ-U-3', note: '融资恰为 500 万美元', change: { ...young, cumulative_financing_usd: 5_000_000 }, status: 'met' },
  { id: 'CQ-U-3', note: '499 万美元', change: { ...young, cumulative_financing_usd: 4_990_000 }, status: 'unmet' },
];

describe('重庆市独角兽（2024）', () => criterionTable('cq_unicorn', unicorn, { asOf: '2026-06-30' }));
describe('重庆市潜在独角兽（2024）', () => criterionTable('cq_potential_unicorn', potential, { asOf: '2026-06-30' }));
