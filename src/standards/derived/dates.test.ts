import { describe, expect, it } from 'vitest';
import { yearsBetween, yearsUntil } from './dates.ts';
import { seededRandom } from '../testing/random-profiles.ts';

describe('yearsUntil', () => {
  it('gives exactly yearsBetween for any start, before or after the fixed end (29 February included)', () => {
    const rnd = seededRandom(7);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = () => `${1990 + Math.floor(rnd() * 45)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    for (const to of ['2026-06-30', '2026-01-01', '2024-02-29', '2025-02-28', '2000-03-01']) {
      const until = yearsUntil(to);
      for (const from of ['2020-02-29', '2024-02-29', to, '2026-06-30', '2023-03-01']) expect(until(from)).toBe(yearsBetween(from, to));
      for (let i = 0; i < 2000; i++) {
        const from = date();
        expect(until(from)).toBe(yearsBetween(from, to));
      }
    }
  });
});
