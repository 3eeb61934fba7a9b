import { describe } from 'vitest';
import type { CriterionCase } from '../testing/profiles.ts';
import { criterionTable, y25 } from '../testing/table.ts';

/** G-01…G-05 (01 §0.1), checked through 创新型 (2022) and 专精特新 (2026, as N-10). */
const cases: CriterionCase[] = [
  { id: 'G-01', note: '重庆注册的独立法人', change: {}, status: 'met' },
  { id: 'G-01', note: '非独立法人', change: { legal_person: false }, status: 'unmet' },
  { id: 'G-01', note: '注册地未知', change: { district_code: null }, status: 'unknown' },
  { id: 'G-02', note: '工业：从业 999 人、收入 40000 万元 → 中型（以下为严格小于）', change: y25({ employees_period_end: 999, main_business_revenue: 40000 }), status: 'met' },
  { id: 'G-02', note: '工业：从业 1000 人且收入 40000 万元 → 大型', change: y25({ employees_period_end: 1000, main_business_revenue: 40000 }), status: 'unmet' },
  { id: 'G-02', note: '行业代码未知', change: { industry_code: null }, status: 'unknown' },
  { id: 'G-02', note: '从业人数未知但收入低于大型界限，仍为中小企业', change: y25({ employees_period_end: null, main_business_revenue: 39999 }), status: 'met' },
  { id: 'G-03', note: '列入经营异常名录', change: { compliance: { abnormal_list: true } }, status: 'unmet' },
  { id: 'G-03', note: '均未列入', change: {}, status: 'met' },
  { id: 'G-04', note: '产品属于淘汰类', change: { compliance: { prohibited_product: true } }, status: 'unmet' },
  { id: 'G-04', note: '不属于', change: {}, status: 'met' },
  { id: 'G-05', note: '近三年内发生重大事故', change: { compliance: { major_incidents: [{ type: 'safety', date: '2025-01-10' }] } }, status: 'unmet' },
  { id: 'G-05', note: '事故早于三年窗口', change: { compliance: { major_incidents: [{ type: 'safety', date: '2023-06-29' }] } }, status: 'met' },
  { id: 'G-05', note: '事故日期未知', change: { compliance: { major_incidents: [{ type: 'safety' }] } }, status: 'unknown' },
  { id: 'G-05', note: '偷漏税', change: { compliance: { tax_evasion: true } }, status: 'unmet' },
];

describe('通用条件 G-01…G-05（2022，创新型）', () => criterionTable('innovative_sme', cases));
describe('通用条件 G-01…G-05（2026，专精特新 N-10）', () => criterionTable('specialized_sme', cases));

/** G-06: the bar written when data fraud is revoked ends on its last day (decision date 2026-06-30). */
const banCases: CriterionCase[] = [
  { id: 'G-06', note: '无禁止申报记录', change: {}, status: 'met' },
  { id: 'G-06', note: '禁止期最后一天即评价日', change: { compliance: { application_ban_until: '2026-06-30' } }, status: 'unmet' },
  { id: 'G-06', note: '禁止期于评价日前一天届满', change: { compliance: { application_ban_until: '2026-06-29' } }, status: 'met' },
  { id: 'G-06', note: '禁止期尚余三年', change: { compliance: { application_ban_until: '2029-06-29', application_ban_reason: '数据造假' } }, status: 'unmet' },
];

describe('通用条件 G-06 禁止申报期（2022，创新型）', () => criterionTable('innovative_sme', banCases));
describe('通用条件 G-06 禁止申报期（2026，专精特新 N-10）', () => criterionTable('specialized_sme', banCases));
