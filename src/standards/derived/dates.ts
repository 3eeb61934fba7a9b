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
  return yearsUpTo(from, dateParts(to));
}

/** A date taken apart once, for the many elapsed-year counts against the same decision date. */
export interface DateParts {
  text: string;
  year: number;
  month: number;
  day: number;
  /** dayNumber(text). */
  days: number;
}

export function dateParts(date: string): DateParts {
  const year = digits(date, 0, 4), month = digits(date, 5, 7), day = digits(date, 8, 10);
  return { text: date, year, month, day, days: daysFromCivil(year, month, day) };
}

/** The calendar year of a `YYYY-MM-DD` date, without making a string. */
export function yearOf(date: string): number {
  return digits(date, 0, 4);
}

/** yearsBetween(from, to.text), with `to` parsed; negative when `from` is later. */
export function yearsUpTo(from: string, to: DateParts): number {
  return to.text < from ? -elapsedYears(to.text, dateParts(from)) : elapsedYears(from, to);
}

/** The body of yearsUpTo for from ≤ to; not recursive, so V8 inlines it and its result is never boxed. */
function elapsedYears(from: string, to: DateParts): number {
  const fy = digits(from, 0, 4), fm = digits(from, 5, 7), fd = digits(from, 8, 10);
  let whole = to.year - fy;
  if (to.month * 100 + to.day < fm * 100 + fd) whole -= 1;
  const anniversaryYear = fy + whole;
  const leap = anniversaryYear % 4 === 0 && (anniversaryYear % 100 !== 0 || anniversaryYear % 400 === 0);
  const anniversary = daysFromCivil(anniversaryYear, fm, fm === 2 && fd === 29 && !leap ? 28 : fd);
  return whole + (to.days - anniversary) / 365;
}
