import type { Profile, YearFigures } from '../../../api/types.ts';

/** Fiscal years of the profile, oldest first. */
export function fiscalYears(profile: Profile): string[] {
  return Object.keys(profile.years ?? {}).sort();
}

export function yearValue(profile: Profile, year: string, key: string): number | null {
  const figures: YearFigures | undefined = profile.years?.[year];
  const value = figures?.[key];
  return value === undefined ? null : value;
}

/** R&D intensity in percent, unknown unless both figures are known and revenue is positive. */
export function rdIntensity(profile: Profile, year: string): number | null {
  const rd = yearValue(profile, year, 'rd_expense');
  const revenue = yearValue(profile, year, 'operating_revenue');
  if (rd === null || revenue === null || revenue <= 0) return null;
  return (rd / revenue) * 100;
}
