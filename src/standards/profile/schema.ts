import { z } from 'zod';

/**
 * The enterprise profile of the contract (/work/shared/contract): every key optional and nullable
 * (absent or null = unknown, never zero) except `credit_code`; unknown keys are rejected so that a typo
 * is reported instead of silently read as unknown.
 */

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const dateSchema = z
  .string()
  .regex(DATE_PATTERN, { message: '应为 YYYY-MM-DD 格式的日期' })
  .refine(isRealDate, { message: '不是有效的日期' });

const num = z.number().finite().nullish();
const nonNegative = z.number().finite().min(0).nullish();
const count = z.number().int().min(0).nullish();
const flag = z.boolean().nullish();
const date = dateSchema.nullish();
const text = z.string().nullish();

export const yearFiguresSchema = z.strictObject({
  operating_revenue: nonNegative,
  main_business_revenue: nonNegative,
  sales_revenue: nonNegative,
  total_income: nonNegative,
  hnt_income: nonNegative,
  total_cost_expense: nonNegative,
  rd_expense: nonNegative,
  rd_expense_domestic: nonNegative,
  net_profit: num,
  total_assets: nonNegative,
  total_liabilities: nonNegative,
  employees_period_end: count,
  employees_total: nonNegative,
  sci_tech_staff: nonNegative,
  rd_staff: nonNegative,
  platform_srdi_score: z.number().finite().min(0).max(100).nullish(),
});

export const ipItemSchema = z.strictObject({
  /** 专利号或登记号: lets the data audit find one item claimed by two enterprises. */
  number: text,
  type: z
    .enum(['invention', 'utility', 'design', 'software', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout', 'defence_patent'])
    .nullish(),
  class: z.enum(['I', 'II']).nullish(),
  grant_date: date,
  valid_until: date,
  status: z.enum(['valid', 'expired', 'invalid', 'disputed', 'pending']).nullish(),
  acquisition: z.enum(['self', 'transferred', 'donated', 'acquired']).nullish(),
  transfer_in_date: date,
  holder_rank: z.number().int().min(1).nullish(),
  related_to_main_product: flag,
  in_use: flag,
  high_value: flag,
  used_in_hnte: flag,
});

export const scienceAwardSchema = z.strictObject({
  level: z.enum(['national', 'provincial', 'city', 'other']).nullish(),
  name: text,
  date: date,
  rank: z.number().int().min(1).nullish(),
});

export const rdInstitutionSchema = z.strictObject({
  type: text,
  level: z.enum(['national', 'provincial', 'city', 'below_city']).nullish(),
  joint: flag,
  recognized_date: date,
  valid_until: date,
});

export const standardRecordSchema = z.strictObject({
  level: z.enum(['international', 'national', 'industry', 'group', 'local']).nullish(),
  role: z.enum(['lead', 'participate']).nullish(),
  date: date,
  name: text,
});

export const qualificationSchema = z.strictObject({
  title: z.string().min(1).nullish(),
  level: z.enum(['national', 'provincial', 'city', 'district']).nullish(),
  issue_date: date,
  expiry_date: date,
  batch: text,
  certificate_no: text,
  issuer: text,
});

export const equityFinancingSchema = z.strictObject({
  date: date,
  amount: nonNegative,
  investor: text,
  qualified_investor: flag,
  share_pct: z.number().finite().min(0).max(100).nullish(),
  related_party: flag,
});

export const incidentSchema = z.strictObject({
  type: z.enum(['safety', 'cyber', 'data', 'quality', 'environment', 'secrecy', 'other']).nullish(),
  severity: text,
  date: date,
  note: text,
});

export const talentProgrammeSchema = z.strictObject({
  level: z.enum(['national', 'provincial', 'city', 'district']).nullish(),
  programme: text,
  year: z.number().int().nullish(),
  person: text,
});

export const scienceTransferSchema = z.strictObject({
  name: text,
  year: z.number().int().nullish(),
  product: text,
});

export const profileSchema = z.strictObject({
  credit_code: z.string().min(1, { message: '不能为空' }),
  name: text,
  registration_date: date,
  district_code: text,
  industry_code: z.string().regex(/^\d{2,4}$/, { message: '应为 2 至 4 位数字的国民经济行业代码' }).nullish(),
  legal_person: flag,
  resident_enterprise: flag,
  tax_collection_method: z.enum(['audit', 'deemed']).nullish(),
  rd_accounting_ok: flag,
  is_listed: flag,
  segment_start_date: date,
  hte_field: text,
  chains: z.array(z.string()).nullish(),
  years: z.record(z.string().regex(/^\d{4}$/, { message: '年度应为四位数字' }), yearFiguresSchema).nullish(),
  ip_items: z.array(ipItemSchema).nullish(),
  science_awards: z.array(scienceAwardSchema).nullish(),
  rd_institutions: z.array(rdInstitutionSchema).nullish(),
  standards: z.array(standardRecordSchema).nullish(),
  qualifications: z.array(qualificationSchema).nullish(),
  equity_financing: z.array(equityFinancingSchema).nullish(),
  science_transfers: z.array(scienceTransferSchema).nullish(),
  talent_programmes: z.array(talentProgrammeSchema).nullish(),
  valuation_usd: nonNegative,
  cumulative_financing_usd: nonNegative,
  chuangke_rank: z.strictObject({ group: z.enum(['top500', 'top50']).nullish(), year: z.number().int().nullish() }).nullish(),
  market: z
    .strictObject({
      share_pct: z.number().finite().min(0).max(100).nullish(),
      rank_domestic: z.number().int().min(1).nullish(),
      rank_global: z.number().int().min(1).nullish(),
      scope: text,
      year: z.number().int().nullish(),
    })
    .nullish(),
  main_product: z
    .strictObject({
      name: text,
      product_code: text,
      revenue_share_pct: z.number().finite().min(0).max(100).nullish(),
      new_product: flag,
      in_sei_catalogue: flag,
      six_base_field: flag,
      chain_key_link: flag,
      main_product_field: text,
      flags: z
        .strictObject({
          gap_filling_results: flag,
          time_honoured_brand: flag,
          supplies_chain_leader: flag,
        })
        .nullish(),
    })
    .nullish(),
  digital_level: z.number().int().min(1).max(6).nullish(),
  quality: z
    .strictObject({
      qms_cert: flag,
      own_brand: flag,
      quality_award: flag,
      standard_participation: flag,
      mgmt_system_cert: flag,
      developed_market_product_cert: flag,
      info_system_core_business: flag,
    })
    .nullish(),
  compliance: z
    .strictObject({
      abnormal_list: flag,
      serious_dishonesty: flag,
      major_incidents: z.array(incidentSchema).nullish(),
      tax_evasion: flag,
      data_fraud: flag,
      prohibited_product: flag,
      research_misconduct: flag,
      /** Last day of a bar on new applications (data fraud: 3 years, 工信厅企业函〔2026〕117号), written by the recognition workflow. */
      application_ban_until: date,
      application_ban_reason: text,
    })
    .nullish(),
  energy_vs_quota_advanced: flag,
  reviewer_judgements: z.record(z.string(), z.boolean().nullable()).nullish(),
  reviewer_scores: z.record(z.string(), z.number().finite().min(0).nullable()).nullish(),
});

export type Profile = z.infer<typeof profileSchema>;
export type YearFigures = z.infer<typeof yearFiguresSchema>;
export type IpItem = z.infer<typeof ipItemSchema>;
