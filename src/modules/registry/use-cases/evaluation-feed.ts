import type { Queryable } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { systemScope } from '../../../platform/scope.ts';
import * as repo from '../repository.ts';

/** Enterprises whose data changed after a change set (oldest change first), for re-evaluating them without a full run. */
export function enterprisesChangedSince(db: Queryable, changeSetId: number): Promise<{ credit_code: string; change_set_id: number }[]> {
  return repo.enterprisesChangedSince(db, changeSetId);
}

/** The newest change set: everything the registry holds now is at or below it. */
export async function changeSetWatermark(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number | null }>(`select max(id)::bigint as id from platform.change_set`);
  return Number(row?.id ?? 0);
}

/** How many enterprises a full run will read. */
export function countRegistered(db: Queryable): Promise<number> {
  return repo.countEnterprises(db, systemScope(), { today: todayIso() });
}

/** Credit codes that split the registry into ranges of `size` enterprises: range i runs after boundary i-1 up to boundary i. */
export function chunkBoundaries(db: Queryable, size: number): Promise<string[]> {
  return repo.creditCodeBoundaries(db, size);
}
