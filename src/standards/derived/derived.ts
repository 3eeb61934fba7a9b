import type { Profile } from '../profile/schema.ts';
import { sizeSectorOf, type SizeLimits, type SizeSector } from '../parameters/size-standard.ts';
import type { DerivedContext } from './context.ts';
import { createDerived, type Derived } from './record.ts';
import { dayNumber, yearOf, yearsUpTo } from './dates.ts';

/**
 * Every figure the criteria read, computed once per profile and decision date. Unknown numbers are NaN, never 0.
 * Yes/no facts are 1 / 0 / NaN (unknown). Counts over lists carry a lower bound (`…Lo`: items that certainly count)
 * and an upper bound (`…Hi`: items that might count once their unknown fields are filled in); an absent list gives NaN.
 * The numbers live in a typed array (see record.ts), so a batch reuses one record and allocates nothing per profile.
 */
export type { Derived } from './record.ts';

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

/** An empty record as null, so criteria skip their per-id lookups for the usual profile without judgements or scores. */
function entriesOrNull<T extends object>(record: T | null | undefined): T | null {
  if (record == null) return null;
  for (const _ in record) return record;
  return null;
}

function fromItemTruth(t: number): number {
  return t === YES ? 1 : t === NO ? 0 : NaN;
}

function flagTruth(value: unknown): number {
  return value === true ? YES : value === false ? NO : MAYBE;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? (part * 100) / whole : NaN;
}

/** Truth of "date lies in [since, until]" (an unknown date: maybe). */
function within(date: unknown, since: string, until: string): number {
  if (typeof date !== 'string') return MAYBE;
  return date >= since && date <= until ? YES : NO;
}

const CLASS_I_TYPES = new Set(['invention', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_variety', 'ic_layout', 'defence_patent']);
const LEVEL_RANK: Record<string, number> = { national: 4, provincial: 3, city: 2, below_city: 1 };

type Row = Record<string, unknown> | undefined;

function rankAtMost(rank: number, limit: number): number {
  return rank !== rank ? MAYBE : rank <= limit ? YES : NO;
}

function geTri(value: number, limit: number): number {
  return value !== value ? NaN : value >= limit ? 1 : 0;
}

function andTri(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a !== a || b !== b) return NaN;
  return 1;
}

function sizeTest(single: boolean, a: number, b: number, la: number, lb: number): number {
  return single ? geTri(a, la) : andTri(geTri(a, la), geTri(b, lb));
}

/** The size code (3 large … 0 micro, NaN unknown); `isLarge` is decided separately since it needs fewer figures. */
function classify(limits: SizeLimits, single: boolean, a: number, b: number): number {
  const large = sizeTest(single, a, b, limits.a_large, limits.b_large);
  if (large === 1) return 3;
  if (large !== 0) return NaN;
  const medium = sizeTest(single, a, b, limits.a_medium, limits.b_medium);
  if (medium === 1) return 2;
  if (medium !== 0) return NaN;
  const small = sizeTest(single, a, b, limits.a_small, limits.b_small);
  if (small === 1) return 1;
  if (small !== 0) return NaN;
  return 0;
}

function sizeIndicator(kind: string, sector: SizeSector, row: Row): number {
  if (!row) return NaN;
  if (kind === 'employees') return num(row.employees_period_end);
  if (kind === 'assets') return num(row.total_assets);
  return num(row[sector.revenueKey]);
}

/**
 * Fills `into` (a record reused across a batch) or a new record. The work is split into functions of a few dozen
 * lines each, called once per profile: V8 optimises each on its own (one function of everything took ~0.2 s of
 * CPU to optimise and was optimised again whenever a rarely taken path, e.g. an incident, first ran), so a batch
 * reaches optimised code sooner.
 */
export function computeDerived(profile: Profile, ctx: DerivedContext, into?: Derived): Derived {
  const p = profile;
  const o = into ?? createDerived();
  const years = p.years as Record<number, Row> | null | undefined;
  const y1: Row = years ? years[ctx.year - 1] : undefined;
  const registration = typeof p.registration_date === 'string' ? p.registration_date : null;
  // Integers throughout (0: unknown): a double passed to a call V8 does not inline is boxed, an allocation per profile.
  const registrationYear = registration ? yearOf(registration) : 0;
  // 高新 §2.4 growth: years in business decide the formula (edge rules [U]).
  const businessYears = registrationYear > 0 ? ctx.year - registrationYear : 3;
  yearFigures(o, ctx, years, y1, registrationYear, businessYears);
  sizeFigures(o, p, ctx, y1);
  ipFigures(o, p, ctx);
  awardFigures(o, p, ctx);
  institutionFigures(o, p, ctx);
  titleFigures(o, p, ctx);
  financingFigures(o, p, ctx);
  listFigures(o, p, ctx, businessYears);
  dateFigures(o, p, ctx, registration);
  const compliance = p.compliance;
  const quality = p.quality;
  const mainProduct = p.main_product;
  const productFlags = mainProduct?.flags;
  const market = p.market;
  const talents = p.talent_programmes;

  o.profile = p;
  o.stamp = ++ctx.stamp;
  o.legalPerson = tri(p.legal_person);
  o.inRegion = typeof p.district_code === 'string' && p.district_code.length > 0 ? 1 : NaN;
  o.resident = tri(p.resident_enterprise);
  o.auditedTax = p.tax_collection_method === 'audit' ? 1 : p.tax_collection_method === 'deemed' ? 0 : NaN;
  o.rdAccounting = tri(p.rd_accounting_ok);
  o.listed = tri(p.is_listed);
  o.industry = typeof p.industry_code === 'string' ? p.industry_code : '';
  o.abnormal = tri(compliance?.abnormal_list);
  o.dishonest = tri(compliance?.serious_dishonesty);
  o.prohibited = tri(compliance?.prohibited_product);
  o.taxEvasion = tri(compliance?.tax_evasion);
  o.dataFraud = tri(compliance?.data_fraud);
  o.misconduct = tri(compliance?.research_misconduct);
  o.qmsCert = tri(quality?.qms_cert);
  o.ownBrand = tri(quality?.own_brand);
  o.qualityAward = tri(quality?.quality_award);
  o.mgmtCert = tri(quality?.mgmt_system_cert);
  o.developedMarketCert = tri(quality?.developed_market_product_cert);
  o.infoSystem = tri(quality?.info_system_core_business);
  o.digitalLevel = num(p.digital_level);
  o.inSei = tri(mainProduct?.in_sei_catalogue);
  o.sixBase = tri(mainProduct?.six_base_field);
  o.chainKeyLink = tri(mainProduct?.chain_key_link);
  o.newProduct = tri(mainProduct?.new_product);
  o.productField = typeof mainProduct?.main_product_field === 'string' ? 1 : NaN;
  o.gapFilling = tri(productFlags?.gap_filling_results);
  o.timeHonoured = tri(productFlags?.time_honoured_brand);
  o.suppliesLeader = tri(productFlags?.supplies_chain_leader);
  o.energyAdvanced = tri(p.energy_vs_quota_advanced);
  o.hteField = typeof p.hte_field === 'string' && p.hte_field.length > 0 ? 1 : NaN;
  o.marketShare = num(market?.share_pct);
  o.rankDomestic = num(market?.rank_domestic);
  o.rankGlobal = num(market?.rank_global);
  o.valuationUsd = num(p.valuation_usd);
  o.financingUsd = num(p.cumulative_financing_usd);
  o.talentsLo = talents ? talents.length : NaN;
  o.judgements = entriesOrNull(p.reviewer_judgements);
  o.reviewerScores = entriesOrNull(p.reviewer_scores);
  return o;
}

/** The fiscal-year figures, their ratios and growth rates. */
function yearFigures(o: Derived, ctx: DerivedContext, years: Record<number, Row> | null | undefined, y1: Row, registrationYear: number, businessYears: number): void {
  const y0: Row = years ? years[ctx.year] : undefined;
  const y2: Row = years ? years[ctx.year - 2] : undefined;
  const y3: Row = years ? years[ctx.year - 3] : undefined;
  const y4: Row = years ? years[ctx.year - 4] : undefined;

  const rev1 = num(y1?.operating_revenue), rev2 = num(y2?.operating_revenue), rev3 = num(y3?.operating_revenue), rev4 = num(y4?.operating_revenue);
  const main1 = num(y1?.main_business_revenue), main2 = num(y2?.main_business_revenue), main3 = num(y3?.main_business_revenue);
  const sales1 = num(y1?.sales_revenue), sales2 = num(y2?.sales_revenue), sales3 = num(y3?.sales_revenue);
  const rd1 = num(y1?.rd_expense), rd2 = num(y2?.rd_expense), rd3 = num(y3?.rd_expense);
  const rdd1 = num(y1?.rd_expense_domestic), rdd2 = num(y2?.rd_expense_domestic), rdd3 = num(y3?.rd_expense_domestic);
  const assets1 = num(y1?.total_assets), assets2 = num(y2?.total_assets), assets3 = num(y3?.total_assets);
  const liab1 = num(y1?.total_liabilities), liab2 = num(y2?.total_liabilities), liab3 = num(y3?.total_liabilities);
  const empTotal1 = num(y1?.employees_total);
  const sciStaff1 = num(y1?.sci_tech_staff);

  // 高新 H-5: the last three fiscal years, or the years since registration when the enterprise is younger.
  const firstFiscal = registrationYear > ctx.year - 3 ? Math.min(registrationYear, ctx.year - 1) : ctx.year - 3;
  let rdSum = 0, salesSum = 0, rdDomesticSum = 0;
  for (let k = ctx.year - firstFiscal; k >= 1; k--) {
    const row = k === 1 ? y1 : k === 2 ? y2 : y3;
    rdSum += num(row?.rd_expense);
    salesSum += num(row?.sales_revenue);
    rdDomesticSum += num(row?.rd_expense_domestic);
  }

  const na1 = assets3 - liab3, na2 = assets2 - liab2, na3 = assets1 - liab1;

  o.rev1 = rev1;
  o.rev2 = rev2;
  o.rev3 = rev3;
  o.rev4 = rev4;
  o.main1 = main1;
  o.main2 = main2;
  o.main3 = main3;
  o.sales1 = sales1;
  o.sales2 = sales2;
  o.sales3 = sales3;
  o.totalIncome1 = num(y1?.total_income);
  o.hntIncome1 = num(y1?.hnt_income);
  o.totalCost1 = num(y1?.total_cost_expense);
  o.rd1 = rd1;
  o.rd2 = rd2;
  o.rd3 = rd3;
  o.rdd1 = rdd1;
  o.rdd2 = rdd2;
  o.rdd3 = rdd3;
  o.netProfit1 = num(y1?.net_profit);
  o.assets1 = assets1;
  o.assets2 = assets2;
  o.assets3 = assets3;
  o.liab1 = liab1;
  o.liab2 = liab2;
  o.liab3 = liab3;
  o.empEnd1 = num(y1?.employees_period_end);
  o.empTotal1 = empTotal1;
  o.sciStaff1 = sciStaff1;
  o.rdStaff1 = num(y1?.rd_staff);
  o.platform0 = num(y0?.platform_srdi_score);
  o.platform1 = num(y1?.platform_srdi_score);
  o.rdRatio1 = percent(rd1, rev1);
  o.rdRatio2 = percent(rd2, rev2);
  o.rdRatio3 = percent(rd3, rev3);
  o.mainShare1 = percent(main1, rev1);
  o.debtRatio1 = percent(liab1, assets1);
  o.netMargin1 = percent(num(y1?.net_profit), rev1);
  o.mainGrowth1 = main2 > 0 ? ((main1 - main2) * 100) / main2 : NaN;
  o.mainGrowthAvg2 = main2 > 0 && main3 > 0 ? (((main1 - main2) * 100) / main2 + ((main2 - main3) * 100) / main3) / 2 : NaN;
  o.revCagr2 = rev3 > 0 ? Math.round((Math.sqrt(rev1 / rev3) - 1) * 1e11) / 1e9 : NaN;
  o.meanMain3 = (main1 + main2 + main3) / 3;
  o.rdSum2 = rd1 + rd2;
  o.rdMean2 = (rd1 + rd2) / 2;
  o.sciStaffShare1 = percent(sciStaff1, empTotal1);
  o.rdStaffShare1 = percent(num(y1?.rd_staff), empTotal1);
  o.rdToSales1 = percent(rd1, sales1);
  o.rdToCost1 = percent(rd1, num(y1?.total_cost_expense));
  o.hnteRdRatio = percent(rdSum, salesSum);
  o.hnteDomesticShare = percent(rdDomesticSum, rdSum);
  o.hnteIncomeShare = percent(num(y1?.hnt_income), num(y1?.total_income));
  // 高新 §2.4 growth in % over the three fiscal years, oldest first, by years in business (edge rules [U]). Written out
  // for both figures rather than called: a call that is not inlined boxes its double arguments and result.
  let netAssetGrowth = 0, salesGrowth = 0;
  if (businessYears > 1) {
    const short = businessYears === 2;
    if (short || na1 === 0) netAssetGrowth = na2 === 0 ? 0 : (na3 / na2 - 1) * 100;
    else netAssetGrowth = na2 === 0 ? 0 : (0.5 * (na2 / na1 + na3 / na2) - 1) * 100;
    if (short || sales3 === 0) salesGrowth = sales2 === 0 ? 0 : (sales1 / sales2 - 1) * 100;
    else salesGrowth = sales2 === 0 ? 0 : (0.5 * (sales2 / sales3 + sales1 / sales2) - 1) * 100;
  }
  o.hnteNetAssetGrowth = netAssetGrowth;
  o.hnteSalesGrowth = salesGrowth;
}

/** Years since registration and in the market segment, and days since registration. */
function dateFigures(o: Derived, p: Profile, ctx: DerivedContext, registration: string | null): void {
  const segmentStart = p.segment_start_date;
  o.segmentYears = typeof segmentStart === 'string' && segmentStart ? yearsUpTo(segmentStart, ctx.endOfLastYearParts) : NaN;
  o.ageYears = registration ? yearsUpTo(registration, ctx.asOfParts) : NaN;
  o.ageDays = registration ? ctx.asOfParts.days - dayNumber(registration) : NaN;
}

/** Size class (300号) from Y-1. */
function sizeFigures(o: Derived, p: Profile, ctx: DerivedContext, y1: Row): void {
  const sector = sizeSectorOf(p.industry_code);
  let sizeCode = NaN;
  let isLarge = NaN;
  if (sector) {
    const limits = ctx.sizeLimits.get(sector.row);
    if (limits) {
      const single = sector.b === null;
      const a = sizeIndicator(sector.a, sector, y1);
      const b = single ? NaN : sizeIndicator(sector.b!, sector, y1);
      sizeCode = classify(limits, single, a, b);
      isLarge = sizeTest(single, a, b, limits.a_large, limits.b_large);
    }
  }

  o.sizeCode = sizeCode;
  o.isLarge = isLarge;
}

/** Incidents, standards drafted, converted results and the 创客中国 rank. */
function listFigures(o: Derived, p: Profile, ctx: DerivedContext, businessYears: number): void {
  const asOf = ctx.asOf;
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
  const standardParticipation =
    quality?.standard_participation != null ? tri(quality.standard_participation) : standards ? (anyStandard === YES ? 1 : 0) : NaN;
  o.incidents3yLo = incidents ? inc3Lo : NaN;
  o.incidents3yHi = incidents ? inc3Hi : NaN;
  o.incidentsHnteLo = incidents ? incHnteLo : NaN;
  o.incidentsHnteHi = incidents ? incHnteHi : NaN;
  o.incidentsTechSmeLo = incidents ? incTsLo : NaN;
  o.incidentsTechSmeHi = incidents ? incTsHi : NaN;
  o.standardParticipation = standardParticipation;
  o.standardLed5y = standards ? fromItemTruth(ledStandard5y) : NaN;
  o.standardNationalOrIndustry = standards ? fromItemTruth(nationalOrIndustryStandard) : NaN;
  o.transfersPerYearLo = transfersLo;
  o.transfersPerYearHi = transfersHi;
  o.chuangkeInWindow = chuangkeInWindow;
  o.chuangkeTop500 = top500;
  o.chuangkeTop50 = top50;
}

export function sizeClassName(code: number): SizeClass | null {
  return code === code ? SIZE_CLASSES[code] : null;
}

/** IP items valid at asOf: counts for the gradient standards (excluding IP transferred in within a year and young Class-II patents) and for 高新. */
function ipFigures(o: Derived, p: Profile, ctx: DerivedContext): void {
  const asOf = ctx.asOf;
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
  o.ipGradeHighValueILo = ipListed ? gHvILo : NaN;
  o.ipGradeHighValueIHi = ipListed ? gHvIHi : NaN;
  o.ipGradeSelfILo = ipListed ? gSelfILo : NaN;
  o.ipGradeSelfIHi = ipListed ? gSelfIHi : NaN;
  o.ipGradeILo = ipListed ? gILo : NaN;
  o.ipGradeIHi = ipListed ? gIHi : NaN;
  o.ipGradeIILo = ipListed ? gIILo : NaN;
  o.ipGradeIIHi = ipListed ? gIIHi : NaN;
  o.ipAppliedILo = ipListed ? appliedILo : NaN;
  o.ipAppliedIHi = ipListed ? appliedIHi : NaN;
  o.ipOwnAppliedILo = ipListed ? x4Lo : NaN;
  o.ipOwnAppliedIHi = ipListed ? x4Hi : NaN;
  o.ipAnyLo = ipListed ? hAnyLo : NaN;
  o.ipAnyHi = ipListed ? hAnyHi : NaN;
  o.ipILo = ipListed ? hILo : NaN;
  o.ipIHi = ipListed ? hIHi : NaN;
  o.ipIILo = ipListed ? hIILo : NaN;
  o.ipIIHi = ipListed ? hIIHi : NaN;
  o.ipSelfOwned = ipListed ? fromItemTruth(hSelf) : NaN;
}

/** Science awards by level, rank and window. */
function awardFigures(o: Derived, p: Profile, ctx: DerivedContext): void {
  const asOf = ctx.asOf;
  let natProv3y = NO, dqa3y = NO, natTop3in3y = NO, provPlusTop3in3y = NO, natTop3in5y = NO;
  const awards = p.science_awards;
  if (awards) {
    for (let i = 0; i < awards.length; i++) {
      const a = awards[i];
      const isNat = a.level === 'national' ? YES : a.level == null ? MAYBE : NO;
      const isProv = a.level === 'provincial' ? YES : a.level == null ? MAYBE : NO;
      const rank = typeof a.rank === 'number' ? a.rank : NaN;
      const in3 = within(a.date, ctx.since3y, asOf);
      const in5 = within(a.date, ctx.since5y, asOf);
      const natOrProv = Math.max(isNat, isProv);
      natProv3y = Math.max(natProv3y, Math.min(natOrProv, in3));
      dqa3y = Math.max(dqa3y, Math.min(in3, Math.max(Math.min(isProv, rankAtMost(rank, ctx.provincialTop)), Math.min(isNat, rankAtMost(rank, ctx.nationalTop5)))));
      natTop3in3y = Math.max(natTop3in3y, Math.min(isNat, rankAtMost(rank, ctx.nationalTop3), in3));
      provPlusTop3in3y = Math.max(provPlusTop3in3y, Math.min(natOrProv, rankAtMost(rank, ctx.provincialTop), in3));
      natTop3in5y = Math.max(natTop3in5y, Math.min(isNat, rankAtMost(rank, ctx.nationalTop3), in5));
    }
  }
  o.awardNatProv3y = awards ? fromItemTruth(natProv3y) : NaN;
  o.awardDqa3y = awards ? fromItemTruth(dqa3y) : NaN;
  o.awardNatTop3In3y = awards ? fromItemTruth(natTop3in3y) : NaN;
  o.awardProvPlusTop3In3y = awards ? fromItemTruth(provPlusTop3in3y) : NaN;
  o.awardNatTop3In5y = awards ? fromItemTruth(natTop3in5y) : NaN;
}

/** R&D institutions in force at asOf. */
function institutionFigures(o: Derived, p: Profile, ctx: DerivedContext): void {
  const asOf = ctx.asOf;
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
  o.institutionAny = institutions ? fromItemTruth(instAny) : NaN;
  o.institutionCityPlus = institutions ? fromItemTruth(instCityPlus) : NaN;
  o.institutionProvPlus = institutions ? fromItemTruth(instProvPlus) : NaN;
  o.institutionLevelLo = institutions ? instLevelLo : NaN;
  o.institutionLevelHi = institutions ? instLevelHi : NaN;
}

/** Titles valid at asOf, and the issue dates of the titles a re-review renews. */
function titleFigures(o: Derived, p: Profile, ctx: DerivedContext): void {
  const asOf = ctx.asOf;
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
  o.titleDq2 = qualifications ? fromItemTruth(hasDq2) : NaN;
  o.titleHighTech = qualifications ? fromItemTruth(hasHighTech) : NaN;
  o.titleTier1 = qualifications ? fromItemTruth(hasTier1) : NaN;
  o.titleTechSme = qualifications ? fromItemTruth(hasTechSme) : NaN;
  o.titleInnovative = qualifications ? fromItemTruth(hasInnovative) : NaN;
  o.titleSpecialized = qualifications ? fromItemTruth(hasSpecialized) : NaN;
  o.titleLittleGiant = qualifications ? fromItemTruth(hasLittleGiant) : NaN;
  o.specializedIssued = specializedIssued;
  o.littleGiantIssued = littleGiantIssued;
}

/** Equity financing from qualified institutional investors, paid in within the window. */
function financingFigures(o: Derived, p: Profile, ctx: DerivedContext): void {
  const asOf = ctx.asOf;
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
  o.financing2yLo = financing ? fin2Lo : NaN;
  o.financing2yHi = financing ? fin2Hi : NaN;
  o.financing3yLo = financing ? fin3Lo : NaN;
  o.financing3yHi = financing ? fin3Hi : NaN;
}
