import type { Db } from '../../platform/db.ts';
import * as repo from './repository.ts';

/**
 * The PostgreSQL-backed job queue other slices use (the same SQL runs on PGlite for the embedded single process).
 * Handlers commit their progress with `recordJobProgress` in the transaction of the work it describes, so a job
 * claimed again after its owner died resumes exactly where the committed work ends.
 */
export {
  insertJobs as enqueueJobs,
  claimJob,
  saveProgress as recordJobProgress,
  finishJob as completeJob,
  failJob,
  failGroup as failJobGroup,
  failAbandonedJobs,
  jobsOfGroup,
  latestJobsOfGroups,
  releaseJob,
  retryJob,
  deleteFinishedJobs as forgetFinishedJobs,
  type Job,
} from './repository.ts';

/**
 * Runs `work` while beating the job's heartbeat every `intervalMs` on its own connection, so a slow step never looks
 * like a dead process. `lost()` turns true once another process has taken the job over.
 */
export async function withHeartbeat<T>(db: Db, jobId: number, owner: string, intervalMs: number, work: (lost: () => boolean) => Promise<T>): Promise<T> {
  let lost = false;
  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beating = repo
      .beat(db, jobId, owner)
      .then((kept) => {
        if (!kept) lost = true;
      })
      .catch(() => undefined);
  }, intervalMs);
  timer.unref();
  try {
    return await work(() => lost);
  } finally {
    clearInterval(timer);
    await beating;
  }
}
