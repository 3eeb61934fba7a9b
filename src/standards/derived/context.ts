import { gradient2022 } from '../parameters/gradient-2022.ts';
import { gradient2026 } from '../parameters/gradient-2026.ts';
import { highTech } from '../parameters/high-tech.ts';
import { sizeLimits, type SizeLimits } from '../parameters/size-standard.ts';
import { techSme } from '../parameters/tech-sme.ts';
import { entryAt, valueAt, type Parameter } from '../parameters/types.ts';
import { addDays, addYears, dateParts, type DateParts } from './dates.ts';

/** Everything the derived figures need that depends only on the decision date: computed once per evaluation. */
export interface DerivedContext {
  asOf: string;
  /** Evaluation year Y (calendar year of the decision date). */
  year: number;
  /** 1 January of Y: years "截至上年末" count whole years up to the end of 31 December Y-1. */
  endOfLastYear: string;
  /** Window starts counted back from asOf by whole years (inclusive). */
  since1y: string;
  since2y: string;
  since3y: string;
  since5y: string;
  /** First day of Y-1: start of the 科技型 T-4 window (上一会计年度 and the current year). */
  startOfLastYear: string;
  /** First day of the H-8 window (365 days before asOf). */
  hnteIncidentSince: string;
  /** IP transferred in on or after this date is excluded from the gradient indicators. */
  transferExcludedSince: string;
  /** Utility and design patents granted on or after this date are not yet Class II for the gradient standards. */
  classIIGrantedBefore: string;
  x4MaxHolderRank: number;
  provincialTop: number;
  nationalTop5: number;
  nationalTop3: number;
  dq2Titles: readonly string[];
  tier1Titles: readonly string[];
  /** Size limits in force at asOf by sector row (absent: none in force). */
  sizeLimits: ReadonlyMap<number, SizeLimits>;
  /** asOf and endOfLastYear taken apart, for yearsUpTo. */
  asOfParts: DateParts;
  endOfLastYearParts: DateParts;
  /** Increases with every profile whose figures are computed in this context (see Derived.stamp). */
  stamp: number;
}

function numberAt(p: Parameter<number>, asOf: string, fallback: number): number {
  return entryAt(p, asOf)?.value ?? fallback;
}

export function derivedContext(asOf: string): DerivedContext {
  const year = +asOf.slice(0, 4);
  const transferDays = numberAt(gradient2022.common.ipTransferExclusionDays, asOf, 365);
  const classIIYears = numberAt(gradient2022.common.classIIMinMaintainedYears, asOf, 2);
  return {
    asOf,
    year,
    endOfLastYear: `${year}-01-01`,
    since1y: addYears(asOf, -1),
    since2y: addYears(asOf, -2),
    since3y: addYears(asOf, -3),
    since5y: addYears(asOf, -5),
    startOfLastYear: `${year - 1}-01-01`,
    hnteIncidentSince: addDays(asOf, -numberAt(highTech.incidentWindowDays, asOf, 365)),
    transferExcludedSince: addDays(asOf, -transferDays),
    classIIGrantedBefore: addYears(asOf, -classIIYears),
    x4MaxHolderRank: numberAt(gradient2026.littleGiant.maxHolderRank, asOf, 3),
    provincialTop: numberAt(gradient2022.specialized.dqaProvincialRank, asOf, 3),
    nationalTop5: numberAt(gradient2022.specialized.dqaNationalRank, asOf, 5),
    nationalTop3: numberAt(techSme.directAwardRank, asOf, 3),
    dq2Titles: entryAt(gradient2022.innovative.dq2Titles, asOf)?.value ?? valueAt(gradient2022.innovative.dq2Titles, '2099-01-01'),
    tier1Titles: valueAt(gradient2026.tier1.titles, '2099-01-01'),
    sizeLimits: new Map(
      Object.entries(sizeLimits).flatMap(([row, p]) => {
        const entry = entryAt(p, asOf);
        return entry ? [[+row, entry.value] as const] : [];
      }),
    ),
    asOfParts: dateParts(asOf),
    endOfLastYearParts: dateParts(`${year}-01-01`),
    stamp: 0,
  };
}

