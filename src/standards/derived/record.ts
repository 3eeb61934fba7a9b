import type { Profile } from '../profile/schema.ts';

/** Names of the numeric derived figures (unknown: NaN). */
export const NUMERIC_FIELDS = [
  'rev1', 'rev2', 'rev3', 'rev4', 'main1', 'main2', 'main3', 'sales1', 'sales2', 'sales3', 'totalIncome1', 'hntIncome1',
  'totalCost1', 'rd1', 'rd2', 'rd3', 'rdd1', 'rdd2', 'rdd3', 'netProfit1', 'assets1', 'assets2', 'assets3', 'liab1',
  'liab2', 'liab3', 'empEnd1', 'empTotal1', 'sciStaff1', 'rdStaff1', 'platform0', 'platform1', 'rdRatio1', 'rdRatio2',
  'rdRatio3', 'mainShare1', 'debtRatio1', 'netMargin1', 'mainGrowth1', 'mainGrowthAvg2', 'revCagr2', 'meanMain3', 'rdSum2',
  'rdMean2', 'sciStaffShare1', 'rdStaffShare1', 'rdToSales1', 'rdToCost1', 'hnteRdRatio', 'hnteDomesticShare', 'hnteIncomeShare',
  'hnteNetAssetGrowth', 'hnteSalesGrowth', 'segmentYears', 'ageYears', 'ageDays', 'sizeCode', 'isLarge', 'legalPerson',
  'inRegion', 'resident', 'auditedTax', 'rdAccounting', 'listed', 'abnormal', 'dishonest', 'prohibited', 'taxEvasion',
  'dataFraud', 'misconduct', 'incidents3yLo', 'incidents3yHi', 'incidentsHnteLo', 'incidentsHnteHi', 'incidentsTechSmeLo',
  'incidentsTechSmeHi', 'qmsCert', 'ownBrand', 'qualityAward', 'standardParticipation', 'mgmtCert', 'developedMarketCert',
  'infoSystem', 'digitalLevel', 'inSei', 'sixBase', 'chainKeyLink', 'newProduct', 'productField', 'gapFilling', 'timeHonoured',
  'suppliesLeader', 'energyAdvanced', 'hteField', 'marketShare', 'rankDomestic', 'rankGlobal', 'valuationUsd', 'financingUsd',
  'talentsLo', 'ipGradeHighValueILo', 'ipGradeHighValueIHi', 'ipGradeSelfILo', 'ipGradeSelfIHi', 'ipGradeILo', 'ipGradeIHi',
  'ipGradeIILo', 'ipGradeIIHi', 'ipAppliedILo', 'ipAppliedIHi', 'ipOwnAppliedILo', 'ipOwnAppliedIHi', 'ipAnyLo', 'ipAnyHi',
  'ipILo', 'ipIHi', 'ipIILo', 'ipIIHi', 'ipSelfOwned', 'awardNatProv3y', 'awardDqa3y', 'awardNatTop3In3y', 'awardProvPlusTop3In3y',
  'awardNatTop3In5y', 'institutionAny', 'institutionCityPlus', 'institutionProvPlus', 'institutionLevelLo', 'institutionLevelHi',
  'titleDq2', 'titleHighTech', 'titleTier1', 'titleTechSme', 'titleInnovative', 'titleSpecialized', 'titleLittleGiant',
  'financing2yLo', 'financing2yHi', 'financing3yLo', 'financing3yHi', 'standardLed5y', 'standardNationalOrIndustry',
  'transfersPerYearLo', 'transfersPerYearHi', 'chuangkeInWindow', 'chuangkeTop500', 'chuangkeTop50', 
  
] as const;

export type NumericField = (typeof NUMERIC_FIELDS)[number];

interface DerivedRefs {
  profile: Profile;
  /** Which computation filled the record (unique within its context), so a standard's status can be reused for it. */
  stamp: number;
  industry: string;
  specializedIssued: string;
  littleGiantIssued: string;
  judgements: Readonly<Record<string, boolean | null>> | null;
  reviewerScores: Readonly<Record<string, number | null>> | null;
}

/** Every figure the criteria read for one profile and decision date (see computeDerived). */
export type Derived = DerivedRefs & { [K in NumericField]: number };

/**
 * One constructor assigning every field in a fixed order, numbers as doubles from the start: all records share one
 * hidden class with in-object fields, so reads in the compiled criteria are monomorphic loads and writes allocate nothing.
 * (The source is built from the field names above only.)
 */
const DerivedRecord = new Function(
  `${NUMERIC_FIELDS.map((name) => `this.${name} = NaN;`).join(' ')}
  this.profile = { credit_code: '' }; this.stamp = 0; this.industry = ''; this.specializedIssued = ''; this.littleGiantIssued = '';
  this.judgements = null; this.reviewerScores = null;`,
) as unknown as new () => Derived;

export function createDerived(): Derived {
  return new DerivedRecord();
}
