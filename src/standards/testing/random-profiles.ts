import type { Profile } from '../profile/schema.ts';

/** mulberry32: a small seeded generator, so that tests and benchmarks see the same profiles on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomProfileOptions {
  seed?: number;
  /** The evaluation year the figures are generated for (years Y-4 … Y). */
  year?: number;
  /** Share of optional values left unknown (absent or null), 0..1. */
  unknownRate?: number;
}

const INDUSTRIES = ['3484', '3911', '2710', '3360', '3670', '6513', '5131', '5211', '7010', '7020', '7212', '7310', '4411', '4790', '3841', '1513', '6420', '5439'];
const DISTRICTS = ['500112', '500103', '500105', '500106', '500107', '500108', '500113', '500116', '500117', '500118'];
const TITLES = ['innovative_sme', 'tech_sme', 'high_tech', 'specialized_sme', 'little_giant', 'tech_innovation_demo', 'ip_advantage'];
const IP_TYPES = ['invention', 'utility', 'design', 'software', 'invention', 'utility'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Varied, roughly realistic profiles: small to large firms, growing or shrinking, with lists and unknowns. */
export function randomProfiles(count: number, options: RandomProfileOptions = {}): Profile[] {
  const rnd = seededRandom(options.seed ?? 1);
  const year = options.year ?? 2026;
  const unknownRate = options.unknownRate ?? 0.08;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const maybe = <T,>(value: T): T | null => (rnd() < unknownRate ? null : value);
  const chance = (p: number) => rnd() < p;
  const date = (fromYear: number, toYear: number) => `${fromYear + Math.floor(rnd() * (toYear - fromYear + 1))}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const round = (v: number) => Math.round(v * 10) / 10;

  const profiles: Profile[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const scale = Math.exp(4 + rnd() * 7); // revenue of the oldest year, ~55 万 to ~60,000 万
    const trend = -0.1 + rnd() * 0.45;
    const rdIntensity = rnd() < 0.2 ? rnd() * 0.01 : 0.01 + rnd() * 0.12;
    const mainShare = 0.45 + rnd() * 0.55;
    const debt = 0.2 + rnd() * 0.75;
    const staff = Math.max(3, Math.round(scale / (40 + rnd() * 80)));
    const years: Record<string, Record<string, number | null>> = {};
    let revenue = scale;
    for (let k = 4; k >= 0; k--) {
      const y = String(year - k);
      if (k === 0) {
        years[y] = { platform_srdi_score: maybe(round(30 + rnd() * 55)) };
        continue;
      }
      revenue = revenue * (1 + trend + (rnd() - 0.5) * 0.2);
      const rd = revenue * rdIntensity * (0.8 + rnd() * 0.4);
      const assets = revenue * (0.8 + rnd() * 1.2);
      const employees = Math.max(2, Math.round(staff * (0.9 + rnd() * 0.2)));
      years[y] = {
        operating_revenue: maybe(round(revenue)),
        main_business_revenue: maybe(round(revenue * mainShare)),
        sales_revenue: maybe(round(revenue * (0.97 + rnd() * 0.03))),
        total_income: maybe(round(revenue * 1.01)),
        hnt_income: maybe(round(revenue * rnd())),
        total_cost_expense: maybe(round(revenue * (0.7 + rnd() * 0.3))),
        rd_expense: maybe(round(rd)),
        rd_expense_domestic: maybe(round(rd * (0.5 + rnd() * 0.5))),
        net_profit: maybe(round(revenue * (-0.05 + rnd() * 0.2))),
        total_assets: maybe(round(assets)),
        total_liabilities: maybe(round(assets * debt)),
        employees_period_end: maybe(employees),
        employees_total: maybe(employees + Math.round(rnd() * 3)),
        sci_tech_staff: maybe(Math.round(employees * rnd() * 0.45)),
        rd_staff: maybe(Math.round(employees * rnd() * 0.35)),
        platform_srdi_score: maybe(round(30 + rnd() * 55)),
      };
    }
    const ipCount = chance(0.15) ? 0 : Math.floor(rnd() * 9);
    const ip_items = [];
    for (let j = 0; j < ipCount; j++) {
      const type = pick(IP_TYPES);
      // The recorded status agrees with the expiry date: a right shown valid runs past the evaluation year.
      const valid = chance(0.9);
      ip_items.push({
        type,
        class: maybe(type === 'invention' ? ('I' as const) : ('II' as const)),
        grant_date: maybe(date(year - 14, year - 1)),
        valid_until: valid ? date(year + 1, year + 15) : date(year - 4, year - 1),
        status: maybe(valid ? ('valid' as const) : ('expired' as const)),
        acquisition: maybe(chance(0.8) ? ('self' as const) : ('transferred' as const)),
        transfer_in_date: null,
        holder_rank: maybe(1 + Math.floor(rnd() * 4)),
        related_to_main_product: maybe(chance(0.85)),
        in_use: maybe(chance(0.8)),
        high_value: maybe(chance(0.1)),
      });
    }
    const qualifications = [];
    for (let j = Math.floor(rnd() * 3); j > 0; j--) {
      const issued = date(year - 4, year - 1);
      qualifications.push({ title: pick(TITLES), level: 'provincial' as const, issue_date: issued, expiry_date: `${+issued.slice(0, 4) + 3}${issued.slice(4)}` });
    }
    const registrationYear = year - 1 - Math.floor(rnd() * 25);
    profiles[i] = {
      credit_code: `9150000${String(i).padStart(11, '0')}`,
      name: `重庆测试企业${i}有限公司`,
      registration_date: maybe(`${registrationYear}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`),
      district_code: maybe(pick(DISTRICTS)),
      industry_code: maybe(pick(INDUSTRIES)),
      legal_person: maybe(chance(0.98)),
      resident_enterprise: maybe(true),
      tax_collection_method: maybe(chance(0.95) ? 'audit' : 'deemed'),
      rd_accounting_ok: maybe(chance(0.9)),
      is_listed: maybe(chance(0.03)),
      segment_start_date: maybe(date(Math.max(registrationYear, year - 20), year - 1)),
      years,
      ip_items: chance(unknownRate) ? null : ip_items,
      science_awards: chance(0.85) ? [] : [{ level: pick(['national', 'provincial', 'city'] as const), name: '科技进步奖', date: date(year - 6, year - 1), rank: maybe(1 + Math.floor(rnd() * 6)) }],
      rd_institutions: chance(0.6) ? [] : [{ type: 'enterprise_tech_center', level: maybe(pick(['national', 'provincial', 'city', 'below_city'] as const)), joint: false, recognized_date: date(year - 8, year - 1), valid_until: null }],
      standards: chance(0.7) ? [] : [{ level: pick(['national', 'industry', 'group'] as const), role: pick(['lead', 'participate'] as const), date: date(year - 6, year - 1) }],
      qualifications: chance(unknownRate) ? null : qualifications,
      equity_financing: chance(0.8) ? [] : [{ date: date(year - 3, year - 1), amount: Math.round(rnd() * 9000), investor: '某创投基金', qualified_investor: maybe(chance(0.8)) }],
      science_transfers: chance(unknownRate * 3) ? null : Array.from({ length: Math.floor(rnd() * 12) }, (_, j) => ({ name: `成果${j}`, year: year - 1 - Math.floor(rnd() * 3), product: null })),
      talent_programmes: chance(0.5) ? null : chance(0.5) ? [] : [{ level: 'city' as const, programme: '重庆英才计划', year: year - 2 }],
      valuation_usd: chance(0.9) ? null : Math.round(rnd() * 2e9),
      cumulative_financing_usd: chance(0.9) ? null : Math.round(rnd() * 8e7),
      chuangke_rank: chance(0.9) ? null : { group: pick(['top500', 'top50'] as const), year: year - 1 - Math.floor(rnd() * 4) },
      hte_field: maybe(chance(0.6) ? '先进制造与自动化' : null),
      market: { share_pct: maybe(round(rnd() * 30)), rank_domestic: maybe(1 + Math.floor(rnd() * 20)), rank_global: maybe(1 + Math.floor(rnd() * 30)), scope: null, year: year - 1 },
      main_product: {
        name: '主导产品',
        new_product: maybe(chance(0.2)),
        in_sei_catalogue: maybe(chance(0.5)),
        six_base_field: maybe(chance(0.3)),
        chain_key_link: maybe(chance(0.4)),
        main_product_field: maybe(chance(0.5) ? '核心基础零部件' : null),
        flags: { gap_filling_results: maybe(chance(0.2)), time_honoured_brand: maybe(chance(0.05)), supplies_chain_leader: maybe(chance(0.3)) },
      },
      digital_level: maybe(1 + Math.floor(rnd() * 4)),
      quality: {
        qms_cert: maybe(chance(0.7)), own_brand: maybe(chance(0.6)), quality_award: maybe(chance(0.1)), standard_participation: maybe(chance(0.3)),
        mgmt_system_cert: maybe(chance(0.7)), developed_market_product_cert: maybe(chance(0.2)), info_system_core_business: maybe(chance(0.8)),
      },
      compliance: {
        abnormal_list: maybe(chance(0.03)), serious_dishonesty: maybe(chance(0.01)),
        major_incidents: chance(0.97) ? [] : [{ type: 'safety', severity: 'major', date: date(year - 4, year - 1) }],
        tax_evasion: maybe(chance(0.01)), data_fraud: maybe(false), prohibited_product: maybe(chance(0.01)), research_misconduct: maybe(false),
      },
      energy_vs_quota_advanced: maybe(chance(0.5)),
      reviewer_judgements: chance(0.9) ? {} : { 'N-8': chance(0.7), 'XG-10': chance(0.6), 'X-6': chance(0.6), 'H-3': true },
    };
  }
  return profiles;
}
