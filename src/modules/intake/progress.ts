import { recordJobProgress } from '../jobs/queue.ts';
import type { Db } from '../../platform/db.ts';
import type { ImportProgress } from './use-cases/import-jobs.types.ts';

/**
 * How far a job has got with a batch. The job's row holds it for every process (the page may poll another API
 * process than the worker's); the process doing the work also keeps the latest figure here, which is what it answers
 * itself — on the embedded store the job's row cannot be written while the commit's transaction holds the database.
 */
const running = new Map<number, ImportProgress>();

export const progressOf = (batchId: number): ImportProgress | null => running.get(batchId) ?? null;
export const endProgress = (batchId: number) => running.delete(batchId);

/** A reporter for one job: every call updates this process's figure, and the job's row at most once per interval. */
export function progressReporter(db: Db, batchId: number, job: { id: number; owner: string }, intervalMs = 500): (progress: ImportProgress) => void {
  let last = 0;
  return (progress) => {
    running.set(batchId, progress);
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    // Not awaited: inside the commit's transaction this waits for a free connection (or, on PGlite, for the
    // transaction's end, when the finished job no longer takes progress).
    void recordJobProgress(db, job.id, job.owner, progress).catch(() => undefined);
  };
}
