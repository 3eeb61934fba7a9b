import type { Profile } from '../profile/schema.ts';

/**
 * Names of the numeric derived figures. They live in one Float64Array per record, read and written through accessors:
 * plain object fields holding doubles would each be a separate heap number, and one record is reused across a batch.
 */
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

class DerivedStore {
  readonly v = new Float64Array(NUMERIC_FIELDS.length);
  profile: Profile = { credit_code: '' };
  industry = '';
  specializedIssued = '';
  littleGiantIssued = '';
  judgements: Readonly<Record<string, boolean | null>> | null = null;
  reviewerScores: Readonly<Record<string, number | null>> | null = null;
}

NUMERIC_FIELDS.forEach((name, i) => {
  Object.defineProperty(DerivedStore.prototype, name, {
    get(this: DerivedStore) {
      return this.v[i];
    },
    set(this: DerivedStore, value: number) {
      this.v[i] = value;
    },
  });
});

/** Every figure the criteria read for one profile and decision date (see computeDerived). */
export type Derived = DerivedStore & { [K in NumericField]: number };

export function createDerived(): Derived {
  return new DerivedStore() as Derived;
}
