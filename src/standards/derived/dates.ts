/** Date arithmetic on `YYYY-MM-DD` strings (calendar dates, no time zone, no clock). */

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10;
}

export function dayNumber(date: string): number {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The same calendar day `years` years later (negative: earlier); 29 Feb falls back to 28 Feb. */
export function addYears(date: string, years: number): string {
  const y = +date.slice(0, 4) + years;
  let rest = date.slice(4);
  if (rest === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) rest = '-02-28';
  return String(y).padStart(4, '0') + rest;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Elapsed years from `from` to `to`: whole years by calendar, plus the remaining days over 365. */
export function yearsBetween(from: string, to: string): number {
  if (to < from) return -yearsBetween(to, from);
  let whole = +to.slice(0, 4) - +from.slice(0, 4);
  if (addYears(from, whole) > to) whole -= 1;
  const anniversary = addYears(from, whole);
  return whole + (dayNumber(to) - dayNumber(anniversary)) / 365;
}
