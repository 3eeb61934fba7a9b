import { expect, it } from 'vitest';
import type { EvaluateOptions } from '../engine/engine.ts';
import type { Profile } from '../profile/schema.ts';
import type { StandardId } from '../rules/types.ts';
import { criterion, patch, strongProfile, type CriterionCase } from './profiles.ts';

/** Runs one table of criterion cases against `base` (default: strongProfile) for one standard. */
export function criterionTable(standard: StandardId, cases: CriterionCase[], defaults: Partial<EvaluateOptions> = {}, base: () => Profile = strongProfile) {
  it.each(cases)('$id：$note → $status', (c) => {
    const result = criterion(patch(base(), c.change), standard, c.id, { ...defaults, ...c.options });
    expect(result.status).toBe(c.status);
    if (c.points !== undefined) expect(result.points).toBe(c.points);
  });
}

export const y25 = (fields: Record<string, unknown>) => ({ years: { '2025': fields } });
export const y24 = (fields: Record<string, unknown>) => ({ years: { '2024': fields } });
