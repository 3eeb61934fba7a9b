import { evaluate, type EvaluateOptions } from '../engine/engine.ts';
import type { CriterionResult, StandardResult } from '../engine/compile.ts';
import type { Profile } from '../profile/schema.ts';
import type { StandardId } from '../rules/types.ts';

type Patch = { [key: string]: unknown };

/** Deep merge for test cases: objects merge, arrays and scalars replace, `undefined` deletes the key. */
export function patch<T>(base: T, change: Patch): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete out[key];
    else if (value && typeof value === 'object' && !Array.isArray(value) && out[key] && typeof out[key] === 'object' && !Array.isArray(out[key])) {
      out[key] = patch(out[key], value as Patch);
    } else out[key] = value;
  }
  return out as T;
}

/**
 * A profile that meets every computable gradient criterion for a decision in 2026 (Y-1 = 2025): a small
 * manufacturer with strong R&D, IP, titles and clean compliance. Test cases change one thing at a time.
 */
export function strongProfile(): Profile {
  const year = (revenue: number, rd: number) => ({
    operating_revenue: revenue, main_business_revenue: revenue * 0.95, sales_revenue: revenue, total_income: revenue,
    hnt_income: revenue * 0.8, total_cost_expense: revenue * 0.8, rd_expense: rd, rd_expense_domestic: rd, net_profit: revenue * 0.12,
    total_assets: revenue, total_liabilities: revenue * 0.4, employees_period_end: 180, employees_total: 180, sci_tech_staff: 60, rd_staff: 40,
    platform_srdi_score: 75,
  });
  const invention = (n: number) => ({
    type: 'invention' as const, class: 'I' as const, grant_date: `2018-0${n}-01`, valid_until: '2038-01-01', status: 'valid' as const,
    acquisition: 'self' as const, transfer_in_date: null, holder_rank: 1, related_to_main_product: true, in_use: true, high_value: n === 1,
  });
  return {
    credit_code: '91500112MA60TEST01',
    name: '重庆测试精密制造有限公司',
    registration_date: '2012-03-01',
    district_code: '500112',
    industry_code: '3484',
    legal_person: true,
    resident_enterprise: true,
    tax_collection_method: 'audit',
    rd_accounting_ok: true,
    is_listed: false,
    segment_start_date: '2012-06-01',
    hte_field: '先进制造与自动化',
    years: {
      '2021': year(5200, 400),
      '2022': year(6000, 480),
      '2023': year(7200, 600),
      '2024': year(8600, 700),
      '2025': year(10000, 800),
      '2026': { platform_srdi_score: 75 },
    },
    ip_items: [invention(1), invention(2), invention(3), invention(4), invention(5)],
    science_awards: [],
    rd_institutions: [{ type: 'enterprise_tech_center', level: 'provincial', joint: false, recognized_date: '2020-01-01', valid_until: null }],
    standards: [{ level: 'industry', role: 'participate', date: '2023-01-01' }],
    qualifications: [
      { title: 'innovative_sme', level: 'provincial', issue_date: '2024-09-01', expiry_date: '2027-09-01' },
      { title: 'specialized_sme', level: 'provincial', issue_date: '2024-09-01', expiry_date: '2027-09-01' },
    ],
    equity_financing: [],
    science_transfers: [{ name: 'a', year: 2025, product: null }],
    talent_programmes: [{ level: 'city', programme: '重庆英才计划', year: 2024 }],
    valuation_usd: null,
    cumulative_financing_usd: null,
    chuangke_rank: null,
    market: { share_pct: 15, rank_domestic: 2, rank_global: 3, scope: '国内', year: 2025 },
    main_product: {
      name: '精密齿轮', new_product: false, in_sei_catalogue: true, six_base_field: true, chain_key_link: true, main_product_field: '核心基础零部件',
      flags: { gap_filling_results: true, time_honoured_brand: false, supplies_chain_leader: true },
    },
    digital_level: 3,
    quality: { qms_cert: true, own_brand: true, quality_award: false, standard_participation: true, mgmt_system_cert: true, developed_market_product_cert: false, info_system_core_business: true },
    compliance: { abnormal_list: false, serious_dishonesty: false, major_incidents: [], tax_evasion: false, data_fraud: false, prohibited_product: false, research_misconduct: false },
    energy_vs_quota_advanced: true,
    reviewer_judgements: {},
  };
}

export function standardResult(profile: Profile, standard: StandardId, options: Partial<EvaluateOptions> = {}): StandardResult {
  const out = evaluate([profile], { asOf: '2026-06-30', application: 'new', ...options, standards: [standard] });
  const result = out.results[0].standards[standard];
  if (!result) throw new Error(`${standard} 未评价`);
  return result;
}

export function criterion(profile: Profile, standard: StandardId, id: string, options: Partial<EvaluateOptions> = {}): CriterionResult {
  const found = standardResult(profile, standard, options).criteria.find((c) => c.id === id);
  if (!found) throw new Error(`${standard} 没有指标 ${id}`);
  return found;
}

export interface CriterionCase {
  /** Criterion id as in the standards files. */
  id: string;
  /** What the case checks, in words. */
  note: string;
  change: Patch;
  status: CriterionResult['status'];
  points?: number;
  options?: Partial<EvaluateOptions>;
}
