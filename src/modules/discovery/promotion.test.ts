import { describe, expect, it } from 'vitest';
import { evaluate, type StandardId } from '../../standards/index.ts';
import { exampleProfile } from '../registry/testing.ts';
import { blockingCriteria } from './explain.ts';
import { applyChange, promotionPath } from './promotion.ts';

const AS_OF = '2026-06-30';

function statusAfter(profile: ReturnType<typeof exampleProfile>, standard: StandardId, steps: Parameters<typeof applyChange>[1][]) {
  const applied = steps.reduce((current, step) => applyChange(current, step), profile);
  return evaluate([applied], { asOf: AS_OF, standards: [standard] }).results[0].standards[standard]!;
}

/** The example enterprise made weaker: less R&D, more debt, fewer staff, no patents. */
function weakened() {
  const profile = exampleProfile();
  const years = profile.years as Record<string, Record<string, number | null>>;
  years['2025'].rd_expense = 120;
  years['2024'].rd_expense = 100;
  years['2025'].total_liabilities = 9800;
  years['2025'].rd_staff = 4;
  profile.ip_items = [];
  profile.reviewer_judgements = { 'N-8': true, 'X-8': true };
  return profile;
}

describe('minimal promotion path', () => {
  for (const standard of ['specialized_sme', 'little_giant', 'innovative_sme', 'high_tech'] as StandardId[]) {
    it(`applied to the profile, leaves nothing unmet for ${standard}`, () => {
      const profile = weakened();
      const path = promotionPath(profile, standard, AS_OF, 'new');
      const after = statusAfter(profile, standard, path.steps);
      expect(after.status).toBe(path.outcome_status);
      if (path.blocked.length === 0) expect(blockingCriteria(after).unmet.map((c) => c.id)).toEqual([]);
      for (const step of path.steps) {
        expect(step.label).not.toBe('');
        if (step.kind === 'increase' || step.kind === 'decrease') expect(step.unit).toBeTruthy();
      }
    });
  }

  it('raises R&D spend by the amount missing, in 万元, and passes when nothing else is missing', () => {
    const profile = exampleProfile();
    const path0 = promotionPath(profile, 'specialized_sme', AS_OF, 'new');
    const years = profile.years as Record<string, Record<string, number | null>>;
    years['2025'].rd_expense = 50;
    years['2024'].rd_expense = 50;
    const path = promotionPath(profile, 'specialized_sme', AS_OF, 'new');
    const rdSteps = path.steps.filter((step) => /rd_expense$/.test(step.path));
    expect(rdSteps.length).toBeGreaterThan(0);
    expect(rdSteps.every((step) => step.kind === 'increase' && step.unit === '万元' && (step.delta ?? 0) > 0)).toBe(true);
    const after = statusAfter(profile, 'specialized_sme', path.steps);
    expect(after.status).toBe(path.outcome_status);
    expect(blockingCriteria(after).unmet).toEqual([]);
    // Undoing half of the smallest step fails again: the path asks for no more than needed.
    const smallest = rdSteps[0];
    const half = { ...smallest, to: (smallest.from as number) + (smallest.delta ?? 0) / 2 };
    const steps = path.steps.map((step) => (step === smallest ? half : step));
    expect(blockingCriteria(statusAfter(profile, 'specialized_sme', steps)).unmet.length).toBeGreaterThan(0);
    expect(path0.current_status).not.toBe('not_qualified');
  });

  it('waits for years in a niche instead of changing a date, and says when they are reached', () => {
    const profile = exampleProfile({ segment_start_date: '2025-01-01' });
    const path = promotionPath(profile, 'specialized_sme', AS_OF, 'new');
    const wait = path.steps.find((step) => step.kind === 'wait');
    expect(wait?.path).toBe('segment_start_date');
    expect(wait?.reached_on).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(wait!.reached_on! > AS_OF).toBe(true);
    expect(path.passes_on).toBe(wait?.reached_on);
    expect(blockingCriteria(statusAfter(profile, 'specialized_sme', path.steps)).unmet).toEqual([]);
  });

  it('reports a compliance finding as blocked, not as a figure to change', () => {
    const profile = exampleProfile({ compliance: { abnormal_list: true, serious_dishonesty: false, major_incidents: [], tax_evasion: false, data_fraud: false, prohibited_product: false } });
    const path = promotionPath(profile, 'specialized_sme', AS_OF, 'new');
    expect(path.blocked.map((b) => b.id)).toContain('G-03');
    expect(path.steps.some((step) => step.path.startsWith('compliance.'))).toBe(false);
  });
});
