import { describe, expect, it } from 'vitest';
import { addMonths, workingDayPeriodEnd } from './calendar.ts';
import { aggregateScores, assignExperts, drawPanel, isEligible, type PoolExpert } from './expert-draw.ts';

const panel: PoolExpert[] = [
  { id: 1, district_code: '500112', conflicts: [] },
  { id: 2, district_code: '500105', conflicts: ['A'] },
  { id: 3, district_code: '500103', conflicts: [] },
  { id: 4, district_code: '500104', conflicts: ['B'] },
  { id: 5, district_code: '500106', conflicts: [] },
  { id: 6, district_code: '500105', conflicts: [] },
];
const tasks = [
  { application_id: 10, credit_code: 'A', district_code: '500112', assigned: [] },
  { application_id: 11, credit_code: 'B', district_code: '500105', assigned: [] },
  { application_id: 12, credit_code: 'C', district_code: '500103', assigned: [] },
];

describe('双随机 expert assignment', () => {
  it('never assigns an expert of the applicant’s district or with a declared conflict, over 3000 draws, and uses every eligible expert', () => {
    const chosen = new Map<number, Map<number, number>>();
    for (let draw = 0; draw < 3000; draw++) {
      const { plan, short } = assignExperts(tasks, panel, 2);
      expect(short).toEqual([]);
      for (const { application_id, expert_ids } of plan) {
        const task = tasks.find((t) => t.application_id === application_id)!;
        expect(new Set(expert_ids).size).toBe(2);
        for (const id of expert_ids) {
          expect(isEligible(panel.find((e) => e.id === id)!, task)).toBe(true);
          const counts = chosen.get(application_id) ?? new Map<number, number>();
          counts.set(id, (counts.get(id) ?? 0) + 1);
          chosen.set(application_id, counts);
        }
      }
    }
    // A (500112, conflict with 2): eligible 3, 4, 5, 6 — each should be drawn a fair share of the 6000 seats.
    expect([...chosen.get(10)!.keys()].sort()).toEqual([3, 4, 5, 6]);
    for (const count of chosen.get(10)!.values()) expect(count).toBeGreaterThan(1000);
    // B (500105, conflict with 4): eligible 1, 3, 5.
    expect([...chosen.get(11)!.keys()].sort()).toEqual([1, 3, 5]);
    expect([...chosen.get(12)!.keys()].sort()).toEqual([1, 2, 4, 5, 6]);
  });

  it('reports applications without enough eligible experts instead of assigning a conflicted one', () => {
    const { plan, short } = assignExperts(tasks, panel, 4);
    expect(short).toEqual([{ application_id: 11, eligible: 3 }]);
    expect(plan.find((p) => p.application_id === 11)).toBeUndefined();
  });

  it('draws a panel of distinct experts of the requested size, every expert reachable', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const drawn = drawPanel(panel, 3);
      expect(new Set(drawn.map((e) => e.id)).size).toBe(3);
      drawn.forEach((e) => seen.add(e.id));
    }
    expect(seen.size).toBe(panel.length);
  });

  it('aggregates scores by the mean, dropping the highest and lowest from five scores on', () => {
    expect(aggregateScores([80, 90])).toMatchObject({ count: 2, mean: 85, method: '算术平均' });
    expect(aggregateScores([60, 80, 82, 84, 100])).toMatchObject({ count: 5, mean: 82 });
    expect(aggregateScores([]).mean).toBeNull();
  });
});

describe('working-day publicity periods (Monday to Friday; holidays not known)', () => {
  it.each([
    ['2026-11-23', 5, '2026-11-27'],
    ['2026-11-27', 5, '2026-12-03'],
    ['2026-11-21', 5, '2026-11-27'],
    ['2026-11-23', 1, '2026-11-23'],
    ['2026-11-22', 7, '2026-12-01'],
  ])('%s + %i working days ends on %s', (start, days, end) => {
    expect(workingDayPeriodEnd(start, days)).toBe(end);
  });

  it('counts three months for change reports to the month’s last day', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-08-15', 3)).toBe('2026-11-15');
  });
});
