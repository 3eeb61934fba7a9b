import type { Profile } from '../profile/schema.ts';
import { sizeLimits, sizeSectorOf, type SizeLimits, type SizeSector } from '../parameters/size-standard.ts';
import { entryAt } from '../parameters/types.ts';
import type { DerivedContext } from './context.ts';
import { dayNumber, yearsBetween } from './dates.ts';

/**
 * Every figure the criteria read, computed once per profile and decision date. Unknown numbers are NaN, never 0.
 * Yes/no facts are 1 / 0 / NaN (unknown). Counts over lists carry a lower bound (`…Lo`: items that certainly count)
 * and an upper bound (`…Hi`: items that might count once their unknown fields are filled in); an absent list gives NaN.
 * The record is built by one object literal so that every profile shares one hidden class.
 */
export type Derived = ReturnType<typeof computeDerived>;

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export const SIZE_CLASSES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large'];

// Item truth values inside list scans: 2 = yes, 1 = maybe (some field unknown), 0 = no.
const YES = 2;
const MAYBE = 1;
const NO = 0;

function num(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

function tri(value: unknown): number {
  return value === true ? 1 : value === false ? 0 : NaN;
}

function fromItemTruth(t: number): number {
  return t === YES ? 1 : t === NO ? 0 : NaN;
}

function flagTruth(value: unknown): number {
  return value === true ? YES : value === false ? NO : MAYBE;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : NaN;
}

/** Truth of "date lies in [since, until]" (an unknown date: maybe). */
function within(date: unknown, since: string, until: string): number {
  if (typeof date !== 'string') return MAYBE;
  return date >= since && date <= until ? YES : NO;
}

const CLASS_I_TYPES = new Set(['invention', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout', 'defence_patent']);
const LEVEL_RANK: Record<string, number> = { national: 4, provincial: 3, city: 2, below_city: 1 };

type Row = Record<string, unknown> | undefined;

function geTri(value: number, limit: number): number {
  return value !== value ? NaN : value >= limit ? 1 : 0;
}

function andTri(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a !== a || b !== b) return NaN;
  return 1;
}

/** 300号 size class: 3 large, 2 medium, 1 small, 0 micro, NaN unknown; `large` is the tri-valued "is large". */
function classify(limits: SizeLimits, single: boolean, a: number, b: number): { size: number; large: number } {
  const test = (la: number, lb: number) => (single ? geTri(a, la) : andTri(geTri(a, la), geTri(b, lb)));
  const large = test(limits.a_large, limits.b_large);
  if (large === 1) return { size: 3, large };
  if (large !== 0) return { size: NaN, large };
  const medium = test(limits.a_medium, limits.b_medium);
  if (medium === 1) return { size: 2, large };
  if (medium !== 0) return { size: NaN, large };
  const small = test(limits.a_small, limits.b_small);
  if (small === 1) return { size: 1, large };
  if (small !== 0) return { size: NaN, large };
  return { size: 0, large };
}

function sizeIndicator(kind: string, sector: SizeSector, row: Row): number {
  if (!row) return NaN;
  if (kind === 'employees') return num(row.employees_period_end);
  if (kind === 'assets') return num(row.total_assets);
  return num(row[sector.revenueKey]);
}

export function computeDerived(profile: Profile, ctx: DerivedContext) {
  const p = profile;
  const asOf = ctx.asOf;
  const years = p.years as Record<string, Row> | null | undefined;
  const y0: Row = years ? years[ctx.yearKey[0]] : undefined;
  const y1: Row = years ? years[ctx.yearKey[1]] : undefined;
  const y2: Row = years ? years[ctx.yearKey[2]] : undefined;
  const y3: Row = years ? years[ctx.yearKey[3]] : undefined;
  const y4: Row = years ? years[ctx.yearKey[4]] : undefined;

  const rev1 = num(y1?.operating_revenue), rev2 = num(y2?.operating_revenue), rev3 = num(y3?.operating_revenue), rev4 = num(y4?.operating_revenue);
  const main1 = num(y1?.main_business_revenue), main2 = num(y2?.main_business_revenue), main3 = num(y3?.main_business_revenue);
  const sales1 = num(y1?.sales_revenue), sales2 = num(y2?.sales_revenue), sales3 = num(y3?.sales_revenue);
  const rd1 = num(y1?.rd_expense), rd2 = num(y2?.rd_expense), rd3 = num(y3?.rd_expense);
  const rdd1 = num(y1?.rd_expense_domestic), rdd2 = num(y2?.rd_expense_domestic), rdd3 = num(y3?.rd_expense_domestic);
  const assets1 = num(y1?.total_assets), assets2 = num(y2?.total_assets), assets3 = num(y3?.total_assets);
  const liab1 = num(y1?.total_liabilities), liab2 = num(y2?.total_liabilities), liab3 = num(y3?.total_liabilities);
  const empTotal1 = num(y1?.employees_total);
  const sciStaff1 = num(y1?.sci_tech_staff);

  const registration = typeof p.registration_date === 'string' ? p.registration_date : null;
  const registrationYear = registration ? +registration.slice(0, 4) : NaN;
  const segmentStart = typeof p.segment_start_date === 'string' ? p.segment_start_date : null;

  // 高新 H-5: the last three fiscal years, or the years since registration when the enterprise is younger.
  const firstFiscal = registrationYear > ctx.year - 3 ? Math.min(registrationYear, ctx.year - 1) : ctx.year - 3;
  let rdSum = 0, salesSum = 0, rdDomesticSum = 0;
  for (let k = ctx.year - firstFiscal; k >= 1; k--) {
    const row = k === 1 ? y1 : k === 2 ? y2 : y3;
    rdSum += num(row?.rd_expense);
    salesSum += num(row?.sales_revenue);
    rdDomesticSum += num(row?.rd_expense_domestic);
  }

  // 高新 §2.4 growth: years in business decide the formula (edge rules [U]).
  const businessYears = registrationYear === registrationYear ? ctx.year - registrationYear : 3;
  const na1 = assets3 - liab3, na2 = assets2 - liab2, na3 = assets1 - liab1;
  const hnteGrowth = (g1: number, g2: number, g3: number): number => {
    if (businessYears <= 1) return 0;
    if (businessYears === 2 || g1 === 0) return g2 === 0 ? 0 : (g3 / g2 - 1) * 100;
    if (g2 === 0) return 0;
    return (0.5 * (g2 / g1 + g3 / g2) - 1) * 100;
  };

  // Size class (300号) from Y-1.
  const sector = sizeSectorOf(p.industry_code);
  let sizeCode = NaN;
  let isLarge = NaN;
  if (sector) {
    const limits = entryAt(sizeLimits[sector.row], asOf)?.value;
    if (limits) {
      const c = classify(limits, sector.b === null, sizeIndicator(sector.a, sector, y1), sector.b ? sizeIndicator(sector.b, sector, y1) : NaN);
      sizeCode = c.size;
      isLarge = c.large;
    }
  }

  // IP (valid at asOf). Gradient counts (01/01b) exclude IP transferred in within a year and young Class-II patents.
  let ipListed = 0;
  let gHvILo = 0, gHvIHi = 0, gSelfILo = 0, gSelfIHi = 0, gILo = 0, gIHi = 0, gIILo = 0, gIIHi = 0;
  let appliedILo = 0, appliedIHi = 0, x4Lo = 0, x4Hi = 0;
  let hAnyLo = 0, hAnyHi = 0, hILo = 0, hIHi = 0, hIILo = 0, hIIHi = 0, hSelf = NO;
  const ipItems = p.ip_items;
  if (ipItems) {
    ipListed = 1;
    for (let i = 0; i < ipItems.length; i++) {
      const it = ipItems[i];
      let valid = it.status === 'valid' ? YES : it.status == null ? MAYBE : NO;
      if (typeof it.valid_until === 'string' && it.valid_until < asOf) valid = NO;
      if (typeof it.grant_date === 'string' && it.grant_date > asOf) valid = NO;
      const base = Math.min(valid, flagTruth(it.related_to_main_product));
      if (base === NO) continue;
      const type = it.type;
      const isI = it.class === 'I' ? YES : it.class === 'II' ? NO : type == null ? MAYBE : CLASS_I_TYPES.has(type) ? YES : NO;
      const isII = it.class === 'II' ? YES : it.class === 'I' ? NO : type == null ? MAYBE : CLASS_I_TYPES.has(type) ? NO : YES;
      const self = it.acquisition === 'self' ? YES : it.acquisition == null ? MAYBE : NO;
      let transferOk = YES;
      if (it.acquisition !== 'self') {
        if (typeof it.transfer_in_date === 'string') transferOk = it.transfer_in_date >= ctx.transferExcludedSince ? NO : YES;
        else if (it.acquisition != null) transferOk = MAYBE;
      }
      let maintained = YES;
      if (type === 'utility' || type === 'design') {
        maintained = typeof it.grant_date === 'string' ? (it.grant_date <= ctx.classIIGrantedBefore ? YES : NO) : MAYBE;
      }
      const inUse = flagTruth(it.in_use);
      const rankOk = typeof it.holder_rank === 'number' ? (it.holder_rank <= ctx.x4MaxHolderRank ? YES : NO) : MAYBE;

      const hI = Math.min(base, isI);
      const hII = Math.min(base, isII);
      const hAny = base;
      const gI = Math.min(hI, transferOk);
      const gII = Math.min(hII, transferOk, maintained);
      const gHv = Math.min(gI, flagTruth(it.high_value));
      const gSelf = Math.min(gI, self);
      const applied = Math.min(gI, inUse);
      const x4 = Math.min(hI, inUse, self, rankOk);
      if (hAny === YES) hAnyLo++;
      if (hAny !== NO) hAnyHi++;
      if (hI === YES) hILo++;
      if (hI !== NO) hIHi++;
      if (hII === YES) hIILo++;
      if (hII !== NO) hIIHi++;
      if (gI === YES) gILo++;
      if (gI !== NO) gIHi++;
      if (gII === YES) gIILo++;
      if (gII !== NO) gIIHi++;
      if (gHv === YES) gHvILo++;
      if (gHv !== NO) gHvIHi++;
      if (gSelf === YES) gSelfILo++;
      if (gSelf !== NO) gSelfIHi++;
      if (applied === YES) appliedILo++;
      if (applied !== NO) appliedIHi++;
      if (x4 === YES) x4Lo++;
      if (x4 !== NO) x4Hi++;
      const selfOwned = Math.min(base, self);
      if (selfOwned > hSelf) hSelf = selfOwned;
    }
  }

  // Science awards.
  let natProv3y = NO, dqa3y = NO, natTop3in3y = NO, provPlusTop3in3y = NO, natTop3in5y = NO;
  const awards = p.science_awards;
  if (awards) {
    for (let i = 0; i < awards.length; i++) {
      const a = awards[i];
      const isNat = a.level === 'national' ? YES : a.level == null ? MAYBE : NO;
      const isProv = a.level === 'provincial' ? YES : a.level == null ? MAYBE : NO;
      const rank = typeof a.rank === 'number' ? a.rank : NaN;
      const rankAtMost = (limit: number) => (rank !== rank ? MAYBE : rank <= limit ? YES : NO);
      const in3 = within(a.date, ctx.since3y, asOf);
      const in5 = within(a.date, ctx.since5y, asOf);
      const natOrProv = Math.max(isNat, isProv);
      natProv3y = Math.max(natProv3y, Math.min(natOrProv, in3));
      dqa3y = Math.max(dqa3y, Math.min(in3, Math.max(Math.min(isProv, rankAtMost(ctx.provincialTop)), Math.min(isNat, rankAtMost(ctx.nationalTop5)))));
      natTop3in3y = Math.max(natTop3in3y, Math.min(isNat, rankAtMost(ctx.nationalTop3), in3));
      provPlusTop3in3y = Math.max(provPlusTop3in3y, Math.min(natOrProv, rankAtMost(ctx.provincialTop), in3));
      natTop3in5y = Math.max(natTop3in5y, Math.min(isNat, rankAtMost(ctx.nationalTop3), in5));
    }
  }

  // R&D institutions in force at asOf.
  let instAny = NO, instCityPlus = NO, instProvPlus = NO, instLevelLo = 0, instLevelHi = 0;
  const institutions = p.rd_institutions;
  if (institutions) {
    for (let i = 0; i < institutions.length; i++) {
      const r = institutions[i];
      if (typeof r.recognized_date === 'string' && r.recognized_date > asOf) continue;
      if (typeof r.valid_until === 'string' && r.valid_until < asOf) continue;
      const level = r.level ? LEVEL_RANK[r.level] : NaN;
      instAny = YES;
      if (level === level) {
        if (level >= 2) instCityPlus = YES;
        if (level >= 3) instProvPlus = YES;
        if (level > instLevelLo) instLevelLo = level;
        if (level > instLevelHi) instLevelHi = level;
      } else {
        instCityPlus = Math.max(instCityPlus, MAYBE);
        instProvPlus = Math.max(instProvPlus, MAYBE);
        instLevelHi = 4;
      }
    }
  }

  // Titles valid at asOf.
  let hasDq2 = NO, hasHighTech = NO, hasTier1 = NO, hasTechSme = NO, hasInnovative = NO, hasSpecialized = NO, hasLittleGiant = NO;
  let specializedIssued = '', littleGiantIssued = '';
  const qualifications = p.qualifications;
  if (qualifications) {
    for (let i = 0; i < qualifications.length; i++) {
      const q = qualifications[i];
      const title = q.title;
      if (!title) continue;
      const issued = typeof q.issue_date === 'string' ? (q.issue_date <= asOf ? YES : NO) : MAYBE;
      const unexpired = typeof q.expiry_date === 'string' ? (q.expiry_date >= asOf ? YES : NO) : MAYBE;
      const valid = Math.min(issued, unexpired);
      if (ctx.dq2Titles.includes(title)) hasDq2 = Math.max(hasDq2, valid);
      if (ctx.tier1Titles.includes(title)) hasTier1 = Math.max(hasTier1, valid);
      if (title === 'high_tech') hasHighTech = Math.max(hasHighTech, valid);
      else if (title === 'tech_sme' || title === 'tech_sme_registration') hasTechSme = Math.max(hasTechSme, valid);
      else if (title === 'innovative_sme') hasInnovative = Math.max(hasInnovative, valid);
      else if (title === 'specialized_sme') {
        hasSpecialized = Math.max(hasSpecialized, valid);
        if (typeof q.issue_date === 'string' && q.issue_date <= asOf && q.issue_date > specializedIssued) specializedIssued = q.issue_date;
      } else if (title === 'little_giant') {
        hasLittleGiant = Math.max(hasLittleGiant, valid);
        if (typeof q.issue_date === 'string' && q.issue_date <= asOf && q.issue_date > littleGiantIssued) littleGiantIssued = q.issue_date;
      }
    }
  }

  // Equity financing from qualified institutional investors, paid in within the window.
  let fin2Lo = 0, fin2Hi = 0, fin3Lo = 0, fin3Hi = 0;
  const financing = p.equity_financing;
  if (financing) {
    for (let i = 0; i < financing.length; i++) {
      const f = financing[i];
      const counts = Math.min(flagTruth(f.qualified_investor), f.related_party === true ? NO : YES);
      if (counts === NO) continue;
      const amount = typeof f.amount === 'number' ? f.amount : NaN;
      const in2 = Math.min(counts, within(f.date, ctx.since2y, asOf));
      const in3 = Math.min(counts, within(f.date, ctx.since3y, asOf));
      if (in2 === YES && amount === amount) fin2Lo += amount;
      if (in2 !== NO) fin2Hi += amount === amount ? amount : Infinity;
      if (in3 === YES && amount === amount) fin3Lo += amount;
      if (in3 !== NO) fin3Hi += amount === amount ? amount : Infinity;
    }
  }

  // Incidents and negative-list facts.
  const compliance = p.compliance;
  const incidents = compliance?.major_incidents;
  let inc3Lo = 0, inc3Hi = 0, incHnteLo = 0, incHnteHi = 0, incTsLo = 0, incTsHi = 0;
  if (incidents) {
    for (let i = 0; i < incidents.length; i++) {
      const date = incidents[i].date;
      const a = within(date, ctx.since3y, asOf), b = within(date, ctx.hnteIncidentSince, asOf), c = within(date, ctx.startOfLastYear, asOf);
      if (a === YES) inc3Lo++;
      if (a !== NO) inc3Hi++;
      if (b === YES) incHnteLo++;
      if (b !== NO) incHnteHi++;
      if (c === YES) incTsLo++;
      if (c !== NO) incTsHi++;
    }
  }

  // Standards drafted.
  let ledStandard5y = NO, nationalOrIndustryStandard = NO, anyStandard = NO;
  const standards = p.standards;
  if (standards) {
    for (let i = 0; i < standards.length; i++) {
      const s = standards[i];
      anyStandard = YES;
      const major = s.level === 'international' || s.level === 'national' || s.level === 'industry' ? YES : s.level == null ? MAYBE : NO;
      const lead = s.role === 'lead' ? YES : s.role == null ? MAYBE : NO;
      ledStandard5y = Math.max(ledStandard5y, Math.min(major, lead, within(s.date, ctx.since5y, asOf)));
      const nationalOrIndustry = s.level === 'national' || s.level === 'industry' ? YES : s.level == null ? MAYBE : NO;
      nationalOrIndustryStandard = Math.max(nationalOrIndustryStandard, nationalOrIndustry);
    }
  }

  // 高新 §2.2: converted results per year over the last three years (or the years in business).
  let transfersLo = NaN, transfersHi = NaN;
  const transfers = p.science_transfers;
  if (transfers) {
    const span = Math.max(1, Math.min(3, businessYears));
    let lo = 0, hi = 0;
    for (let i = 0; i < transfers.length; i++) {
      const year = transfers[i].year;
      if (typeof year !== 'number') hi++;
      else if (year >= ctx.year - span && year <= ctx.year - 1) {
        lo++;
        hi++;
      }
    }
    transfersLo = lo / span;
    transfersHi = hi / span;
  }

  const chuangke = p.chuangke_rank;
  let chuangkeInWindow = NaN, top500 = NaN, top50 = NaN;
  if (chuangke) {
    chuangkeInWindow = typeof chuangke.year === 'number' ? (chuangke.year >= ctx.year - 3 && chuangke.year <= ctx.year ? 1 : 0) : NaN;
    top500 = chuangke.group ? 1 : NaN;
    top50 = chuangke.group === 'top50' ? 1 : chuangke.group === 'top500' ? 0 : NaN;
  }

  const quality = p.quality;
  const mainProduct = p.main_product;
  const productFlags = mainProduct?.flags;
  const market = p.market;
  const talents = p.talent_programmes;
  const standardParticipation =
    quality?.standard_participation != null ? tri(quality.standard_participation) : standards ? (anyStandard === YES ? 1 : 0) : NaN;

  return {
    profile: p,
    rev1, rev2, rev3, rev4, main1, main2, main3, sales1, sales2, sales3,
    totalIncome1: num(y1?.total_income), hntIncome1: num(y1?.hnt_income), totalCost1: num(y1?.total_cost_expense),
    rd1, rd2, rd3, rdd1, rdd2, rdd3,
    netProfit1: num(y1?.net_profit),
    assets1, assets2, assets3, liab1, liab2, liab3,
    empEnd1: num(y1?.employees_period_end), empTotal1, sciStaff1, rdStaff1: num(y1?.rd_staff),
    platform0: num(y0?.platform_srdi_score), platform1: num(y1?.platform_srdi_score),

    rdRatio1: percent(rd1, rev1), rdRatio2: percent(rd2, rev2), rdRatio3: percent(rd3, rev3),
    mainShare1: percent(main1, rev1),
    debtRatio1: percent(liab1, assets1),
    netMargin1: percent(num(y1?.net_profit), rev1),
    mainGrowth1: main2 > 0 ? ((main1 - main2) / main2) * 100 : NaN,
    mainGrowthAvg2: main2 > 0 && main3 > 0 ? (((main1 - main2) / main2 + (main2 - main3) / main3) / 2) * 100 : NaN,
    revCagr2: rev3 > 0 ? (Math.sqrt(rev1 / rev3) - 1) * 100 : NaN,
    meanMain3: (main1 + main2 + main3) / 3,
    rdSum2: rd1 + rd2,
    rdMean2: (rd1 + rd2) / 2,
    sciStaffShare1: percent(sciStaff1, empTotal1),
    rdStaffShare1: percent(num(y1?.rd_staff), empTotal1),
    rdToSales1: percent(rd1, sales1),
    rdToCost1: percent(rd1, num(y1?.total_cost_expense)),
    hnteRdRatio: percent(rdSum, salesSum),
    hnteDomesticShare: percent(rdDomesticSum, rdSum),
    hnteIncomeShare: percent(num(y1?.hnt_income), num(y1?.total_income)),
    hnteNetAssetGrowth: hnteGrowth(na1, na2, na3),
    hnteSalesGrowth: hnteGrowth(sales3, sales2, sales1),

    segmentYears: segmentStart ? yearsBetween(segmentStart, ctx.endOfLastYear) : NaN,
    ageYears: registration ? yearsBetween(registration, asOf) : NaN,
    ageDays: registration ? dayNumber(asOf) - dayNumber(registration) : NaN,

    sizeCode, isLarge,

    legalPerson: tri(p.legal_person),
    inRegion: typeof p.district_code === 'string' && p.district_code.length > 0 ? 1 : NaN,
    resident: tri(p.resident_enterprise),
    auditedTax: p.tax_collection_method === 'audit' ? 1 : p.tax_collection_method === 'deemed' ? 0 : NaN,
    rdAccounting: tri(p.rd_accounting_ok),
    listed: tri(p.is_listed),
    industry: typeof p.industry_code === 'string' ? p.industry_code : '',
    abnormal: tri(compliance?.abnormal_list),
    dishonest: tri(compliance?.serious_dishonesty),
    prohibited: tri(compliance?.prohibited_product),
    taxEvasion: tri(compliance?.tax_evasion),
    dataFraud: tri(compliance?.data_fraud),
    misconduct: tri(compliance?.research_misconduct),
    incidents3yLo: incidents ? inc3Lo : NaN, incidents3yHi: incidents ? inc3Hi : NaN,
    incidentsHnteLo: incidents ? incHnteLo : NaN, incidentsHnteHi: incidents ? incHnteHi : NaN,
    incidentsTechSmeLo: incidents ? incTsLo : NaN, incidentsTechSmeHi: incidents ? incTsHi : NaN,

    qmsCert: tri(quality?.qms_cert), ownBrand: tri(quality?.own_brand), qualityAward: tri(quality?.quality_award),
    standardParticipation,
    mgmtCert: tri(quality?.mgmt_system_cert), developedMarketCert: tri(quality?.developed_market_product_cert),
    infoSystem: tri(quality?.info_system_core_business),
    digitalLevel: num(p.digital_level),
    inSei: tri(mainProduct?.in_sei_catalogue), sixBase: tri(mainProduct?.six_base_field), chainKeyLink: tri(mainProduct?.chain_key_link),
    newProduct: tri(mainProduct?.new_product),
    productField: typeof mainProduct?.main_product_field === 'string' ? 1 : NaN,
    gapFilling: tri(productFlags?.gap_filling_results), timeHonoured: tri(productFlags?.time_honoured_brand),
    suppliesLeader: tri(productFlags?.supplies_chain_leader),
    energyAdvanced: tri(p.energy_vs_quota_advanced),
    hteField: typeof p.hte_field === 'string' && p.hte_field.length > 0 ? 1 : NaN,
    marketShare: num(market?.share_pct), rankDomestic: num(market?.rank_domestic), rankGlobal: num(market?.rank_global),
    valuationUsd: num(p.valuation_usd), financingUsd: num(p.cumulative_financing_usd),
    talentsLo: talents ? talents.length : NaN,

    ipGradeHighValueILo: ipListed ? gHvILo : NaN, ipGradeHighValueIHi: ipListed ? gHvIHi : NaN,
    ipGradeSelfILo: ipListed ? gSelfILo : NaN, ipGradeSelfIHi: ipListed ? gSelfIHi : NaN,
    ipGradeILo: ipListed ? gILo : NaN, ipGradeIHi: ipListed ? gIHi : NaN,
    ipGradeIILo: ipListed ? gIILo : NaN, ipGradeIIHi: ipListed ? gIIHi : NaN,
    ipAppliedILo: ipListed ? appliedILo : NaN, ipAppliedIHi: ipListed ? appliedIHi : NaN,
    ipOwnAppliedILo: ipListed ? x4Lo : NaN, ipOwnAppliedIHi: ipListed ? x4Hi : NaN,
    ipAnyLo: ipListed ? hAnyLo : NaN, ipAnyHi: ipListed ? hAnyHi : NaN,
    ipILo: ipListed ? hILo : NaN, ipIHi: ipListed ? hIHi : NaN,
    ipIILo: ipListed ? hIILo : NaN, ipIIHi: ipListed ? hIIHi : NaN,
    ipSelfOwned: ipListed ? fromItemTruth(hSelf) : NaN,

    awardNatProv3y: awards ? fromItemTruth(natProv3y) : NaN,
    awardDqa3y: awards ? fromItemTruth(dqa3y) : NaN,
    awardNatTop3In3y: awards ? fromItemTruth(natTop3in3y) : NaN,
    awardProvPlusTop3In3y: awards ? fromItemTruth(provPlusTop3in3y) : NaN,
    awardNatTop3In5y: awards ? fromItemTruth(natTop3in5y) : NaN,

    institutionAny: institutions ? fromItemTruth(instAny) : NaN,
    institutionCityPlus: institutions ? fromItemTruth(instCityPlus) : NaN,
    institutionProvPlus: institutions ? fromItemTruth(instProvPlus) : NaN,
    institutionLevelLo: institutions ? instLevelLo : NaN,
    institutionLevelHi: institutions ? instLevelHi : NaN,

    titleDq2: qualifications ? fromItemTruth(hasDq2) : NaN,
    titleHighTech: qualifications ? fromItemTruth(hasHighTech) : NaN,
    titleTier1: qualifications ? fromItemTruth(hasTier1) : NaN,
    titleTechSme: qualifications ? fromItemTruth(hasTechSme) : NaN,
    titleInnovative: qualifications ? fromItemTruth(hasInnovative) : NaN,
    titleSpecialized: qualifications ? fromItemTruth(hasSpecialized) : NaN,
    titleLittleGiant: qualifications ? fromItemTruth(hasLittleGiant) : NaN,
    specializedIssued,
    littleGiantIssued,

    financing2yLo: financing ? fin2Lo : NaN, financing2yHi: financing ? fin2Hi : NaN,
    financing3yLo: financing ? fin3Lo : NaN, financing3yHi: financing ? fin3Hi : NaN,

    standardLed5y: standards ? fromItemTruth(ledStandard5y) : NaN,
    standardNationalOrIndustry: standards ? fromItemTruth(nationalOrIndustryStandard) : NaN,

    transfersPerYearLo: transfersLo, transfersPerYearHi: transfersHi,
    chuangkeInWindow, chuangkeTop500: top500, chuangkeTop50: top50,

    judgements: (p.reviewer_judgements ?? null) as Readonly<Record<string, boolean | null>> | null,
    reviewerScores: (p.reviewer_scores ?? null) as Readonly<Record<string, number | null>> | null,
  };
}

export function sizeClassName(code: number): SizeClass | null {
  return code === code ? SIZE_CLASSES[code] : null;
}
