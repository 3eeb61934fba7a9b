import type { Queryable } from '../../platform/db.ts';

/** The jobs slice's only SQL. */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job<Payload = Record<string, unknown>, Progress = unknown> {
  id: number;
  kind: string;
  group_key: string | null;
  payload: Payload;
  status: JobStatus;
  progress: Progress | null;
  attempts: number;
  owner: string | null;
  heartbeat_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
  /** A job whose last attempt failed waits until then before it is claimed again. */
  run_after: Date | null;
}

const JOB_COLUMNS = 'id, kind, group_key, payload, status, progress, attempts, owner, heartbeat_at, started_at, finished_at, error, run_after';

const asJob = <P, R>(row: Job<P, R>): Job<P, R> => ({ ...row, id: Number(row.id) });

export async function insertJobs(q: Queryable, jobs: readonly { kind: string; group: string | null; payload: unknown }[]): Promise<number[]> {
  if (jobs.length === 0) return [];
  const rows = await q.query<{ id: number }>(
    `insert into jobs.job (kind, group_key, payload)
     select * from unnest($1::text[], $2::text[], $3::jsonb[]) returning id`,
    [jobs.map((job) => job.kind), jobs.map((job) => job.group), jobs.map((job) => JSON.stringify(job.payload))],
  );
  return rows.map((row) => Number(row.id));
}

/**
 * The oldest queued job of the kinds (and group) that is due, or a running one whose owner stopped beating, now owned
 * by `owner`. With `maxAttempts`, an abandoned job that has used them all is left to `failAbandonedJobs`.
 */
export async function claimJob<P, R>(
  q: Queryable,
  owner: string,
  kinds: readonly string[],
  staleSeconds: number,
  group: string | null,
  maxAttempts: number | null = null,
): Promise<Job<P, R> | null> {
  const rows = await q.query<Job<P, R>>(
    `update jobs.job set status = 'running', owner = $1, heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1
     where id = (
       select id from jobs.job
       where kind = any($2::text[]) and ($4::text is null or group_key = $4)
         and ((status = 'queued' and (run_after is null or run_after <= now()))
           or (status = 'running' and (heartbeat_at is null or heartbeat_at <= now() - make_interval(secs => $3))
               and ($5::int is null or attempts < $5)))
       order by id limit 1 for update skip locked)
     returning ${JOB_COLUMNS}`,
    [owner, kinds, staleSeconds, group, maxAttempts],
  );
  return rows[0] ? asJob(rows[0]) : null;
}

/**
 * Fails the running jobs of the kinds whose owner stopped beating and that have used every attempt: each of their
 * owners died with it (a job that runs out of memory takes its process down every time), so it is not tried again.
 * `errorFormat` is the recorded error, with `%s` standing for the number of attempts.
 */
export async function failAbandonedJobs<P, R>(q: Queryable, kinds: readonly string[], staleSeconds: number, maxAttempts: number, errorFormat: string): Promise<Job<P, R>[]> {
  const rows = await q.query<Job<P, R>>(
    `update jobs.job set status = 'failed', finished_at = now(), error = format($4, attempts)
     where id in (
       select id from jobs.job
       where kind = any($1::text[]) and status = 'running' and attempts >= $3
         and (heartbeat_at is null or heartbeat_at <= now() - make_interval(secs => $2))
       for update skip locked)
     returning ${JOB_COLUMNS}`,
    [kinds, staleSeconds, maxAttempts, errorFormat],
  );
  return rows.map((row) => asJob(row));
}

/** False when the job is no longer this owner's (another process took it over after a stale heartbeat). */
export async function beat(q: Queryable, jobId: number, owner: string): Promise<boolean> {
  const rows = await q.query(`update jobs.job set heartbeat_at = now() where id = $1 and owner = $2 and status = 'running' returning id`, [jobId, owner]);
  return rows.length === 1;
}

export async function saveProgress(q: Queryable, jobId: number, owner: string, progress: unknown): Promise<boolean> {
  const rows = await q.query(
    `update jobs.job set progress = $3, heartbeat_at = now() where id = $1 and owner = $2 and status = 'running' returning id`,
    [jobId, owner, JSON.stringify(progress)],
  );
  return rows.length === 1;
}

export async function finishJob(q: Queryable, jobId: number, owner: string, progress: unknown): Promise<boolean> {
  const rows = await q.query(
    `update jobs.job set status = 'done', progress = coalesce($3, progress), finished_at = now(), heartbeat_at = now()
     where id = $1 and owner = $2 and status = 'running' returning id`,
    [jobId, owner, progress === undefined ? null : JSON.stringify(progress)],
  );
  return rows.length === 1;
}

/** Back to the queue at once (a worker shutting down), keeping its progress; handing a job back is not a failed attempt. */
export async function releaseJob(q: Queryable, jobId: number, owner: string): Promise<void> {
  await q.query(
    `update jobs.job set status = 'queued', owner = null, heartbeat_at = null, attempts = greatest(attempts - 1, 0) where id = $1 and owner = $2 and status = 'running'`,
    [jobId, owner],
  );
}

/** Back to the queue after a failed attempt, to be claimed again no sooner than `delaySeconds` from now; the error is kept. */
export async function retryJob(q: Queryable, jobId: number, owner: string, error: string, delaySeconds: number): Promise<boolean> {
  const rows = await q.query(
    `update jobs.job set status = 'queued', owner = null, heartbeat_at = null, error = $3, run_after = now() + make_interval(secs => $4)
     where id = $1 and owner = $2 and status = 'running' returning id`,
    [jobId, owner, error, delaySeconds],
  );
  return rows.length === 1;
}

export async function failJob(q: Queryable, jobId: number, error: string): Promise<void> {
  await q.query(`update jobs.job set status = 'failed', finished_at = now(), error = $2 where id = $1 and status in ('queued', 'running')`, [jobId, error]);
}

/** Fails every unfinished job of a group: their owners see it at their next progress and stop. */
export async function failGroup(q: Queryable, group: string, error: string): Promise<void> {
  await q.query(`update jobs.job set status = 'failed', finished_at = now(), error = $2 where group_key = $1 and status in ('queued', 'running')`, [group, error]);
}

/** The newest job of each group (a batch's analysis, then its commit), by group. */
export async function latestJobsOfGroups<P, R>(q: Queryable, groups: readonly string[]): Promise<Map<string, Job<P, R>>> {
  if (groups.length === 0) return new Map();
  const rows = await q.query<Job<P, R>>(
    `select distinct on (group_key) ${JOB_COLUMNS} from jobs.job where group_key = any($1::text[]) order by group_key, id desc`,
    [groups],
  );
  return new Map(rows.map((row) => [row.group_key!, asJob(row)]));
}

export async function jobsOfGroup<P, R>(q: Queryable, group: string): Promise<Job<P, R>[]> {
  return (await q.query<Job<P, R>>(`select ${JOB_COLUMNS} from jobs.job where group_key = $1 order by id`, [group])).map((row) => asJob(row));
}

/** Forgets finished jobs older than the given number of days. */
export async function deleteFinishedJobs(q: Queryable, olderThanDays: number): Promise<void> {
  await q.query(`delete from jobs.job where status in ('done', 'failed') and finished_at < now() - make_interval(days => $1)`, [olderThanDays]);
}
