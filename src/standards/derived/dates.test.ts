import { describe, expect, it } from 'vitest';
import { dateParts, yearsBetween, yearsUpTo } from './dates.ts';
import { seededRandom } from '../testing/random-profiles.ts';

/** The same rule written independently with Date: whole calendar years, then the days past the anniversary over 365. */
function reference(from: string, to: string): number {
  if (to < from) return -reference(to, from);
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let whole = ty - fy;
  if (tm * 100 + td < fm * 100 + fd) whole -= 1;
  const year = fy + whole;
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  const anniversary = Date.UTC(year, fm - 1, fm === 2 && fd === 29 && !leap ? 28 : fd);
  return whole + (Date.UTC(ty, tm - 1, td) - anniversary) / 86_400_000 / 365;
}

describe('yearsBetween', () => {
  it('counts whole years by calendar plus the remaining days over 365', () => {
    expect(yearsBetween('2020-06-30', '2026-06-30')).toBe(6);
    expect(yearsBetween('2020-07-01', '2026-06-30')).toBe(5 + 364 / 365);
    expect(yearsBetween('2024-02-29', '2025-02-28')).toBe(1);
    expect(yearsBetween('2024-02-29', '2025-03-01')).toBe(1 + 1 / 365);
    expect(yearsBetween('2026-06-30', '2020-06-30')).toBe(-6);
    expect(yearsBetween('2026-06-30', '2026-06-30')).toBe(0);
  });

  it('agrees with a Date-based reference for any pair of dates, 29 February and reversed order included', () => {
    const rnd = seededRandom(7);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = () => `${1990 + Math.floor(rnd() * 45)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    for (const to of ['2026-06-30', '2026-01-01', '2024-02-29', '2025-02-28', '2000-03-01']) {
      const parts = dateParts(to);
      for (const from of ['2020-02-29', '2024-02-29', to, '2026-06-30', '2023-03-01']) {
        expect(yearsUpTo(from, parts)).toBeCloseTo(reference(from, to), 12);
      }
      for (let i = 0; i < 2000; i++) {
        const from = date();
        expect(yearsUpTo(from, parts)).toBeCloseTo(reference(from, to), 12);
      }
    }
  });
});
