import type { Db } from '../../../platform/db.ts';
import { failJobGroup } from '../../jobs/queue.ts';
import * as repo from '../repository.ts';
import { runGroup } from './chunks.types.ts';

/** A chunk that failed fails its run, and the run's other chunks stop at their next batch. */
export async function failRun(db: Db, runId: number, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.failRun(tx, runId, error);
    await failJobGroup(tx, runGroup(runId), error);
  });
}
