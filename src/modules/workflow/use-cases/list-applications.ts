import { z } from 'zod';
import type { Db } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/policy.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import { STATE_IDS, STATES } from '../state-machine.ts';
import { viewerOf } from '../viewer.ts';

export const listApplicationsQuery = z.object({
  batch_id: z.coerce.number().int().positive().optional(),
  state: z.enum(STATE_IDS).optional(),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;

export async function listApplications(db: Db, principal: Principal, query: ListApplicationsQuery) {
  const rows = await repo.listApplications(db, viewerOf(principal), { batch_id: query.batch_id, states: query.state ? [query.state] : undefined });
  const progress = await repo.reviewProgress(db, rows.filter((row) => row.state === 'city_review').map((row) => row.id));
  return {
    items: rows.map((row) => ({
      ...row,
      state_label: STATES[row.state],
      standard_name: STANDARD_NAMES[row.standard as StandardId] ?? row.standard,
      submitted_at: row.submitted_at?.toISOString() ?? null,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      review_progress: progress.get(row.id) ?? null,
    })),
  };
}
