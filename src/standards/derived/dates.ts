/** Date arithmetic on `YYYY-MM-DD` strings (calendar dates, no time zone, no clock). */

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; arithmetic only, no Date). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumber(date: string): number {
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
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
  return yearsUpTo(from, digits(to, 0, 4), digits(to, 5, 7), digits(to, 8, 10), NaN);
}

/**
 * yearsBetween(from, to) for one `to` (a decision date), parsed once; the same arithmetic, so the same results.
 * Per profile this leaves the parsing of `from` and one day count.
 */
export function yearsUntil(to: string): (from: string) => number {
  const ty = digits(to, 0, 4), tm = digits(to, 5, 7), td = digits(to, 8, 10);
  const toDays = daysFromCivil(ty, tm, td);
  return (from) => (to < from ? -yearsBetween(to, from) : yearsUpTo(from, ty, tm, td, toDays));
}

/** The body of yearsBetween for from ≤ to, with `to` parsed (toDays NaN: count it here). */
function yearsUpTo(from: string, ty: number, tm: number, td: number, toDays: number): number {
  const fy = digits(from, 0, 4), fm = digits(from, 5, 7), fd = digits(from, 8, 10);
  let whole = ty - fy;
  if (tm * 100 + td < fm * 100 + fd) whole -= 1;
  const anniversaryYear = fy + whole;
  const leap = anniversaryYear % 4 === 0 && (anniversaryYear % 100 !== 0 || anniversaryYear % 400 === 0);
  const anniversary = daysFromCivil(anniversaryYear, fm, fm === 2 && fd === 29 && !leap ? 28 : fd);
  return whole + ((toDays === toDays ? toDays : daysFromCivil(ty, tm, td)) - anniversary) / 365;
}
