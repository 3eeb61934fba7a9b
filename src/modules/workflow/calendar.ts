/** Date arithmetic on YYYY-MM-DD strings, in calendar days (no time zones involved). */

const toUtc = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};
const fromUtc = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const value = toUtc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return fromUtc(value);
}

/** Same day n months later; a day the month lacks falls to its last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

export function isWorkingDay(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The last day of a period of n working days that begins on `start` (counted if it is a working day).
 * Working days are Monday to Friday: statutory holidays and the weekend days worked in exchange (调休)
 * are not known to the platform, so a period across a holiday must be checked by the officer.
 */
export function workingDayPeriodEnd(start: string, workingDays: number): string {
  let date = start;
  let counted = isWorkingDay(date) ? 1 : 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted += 1;
  }
  return date;
}
