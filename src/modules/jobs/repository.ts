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
}

const JOB_COLUMNS = 'id, kind, group_key, payload, status, progress, attempts, owner, heartbeat_at, started_at, finished_at, error';

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

/** The oldest queued job of the kinds (and group), or a running one whose owner stopped beating, now owned by `owner`. */
export async function claimJob<P, R>(q: Queryable, owner: string, kinds: readonly string[], staleSeconds: number, group: string | null): Promise<Job<P, R> | null> {
  const rows = await q.query<Job<P, R>>(
    `update jobs.job set status = 'running', owner = $1, heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1
     where id = (
       select id from jobs.job
       where kind = any($2::text[]) and ($4::text is null or group_key = $4)
         and (status = 'queued' or (status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => $3))))
       order by id limit 1 for update skip locked)
     returning ${JOB_COLUMNS}`,
    [owner, kinds, staleSeconds, group],
  );
  return rows[0] ? asJob(rows[0]) : null;
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

/** Back to the queue at once (a worker shutting down), keeping its progress. */
export async function releaseJob(q: Queryable, jobId: number, owner: string): Promise<void> {
  await q.query(`update jobs.job set status = 'queued', owner = null, heartbeat_at = null where id = $1 and owner = $2 and status = 'running'`, [jobId, owner]);
}

export async function failJob(q: Queryable, jobId: number, error: string): Promise<void> {
  await q.query(`update jobs.job set status = 'failed', finished_at = now(), error = $2 where id = $1 and status in ('queued', 'running')`, [jobId, error]);
}

/** Fails every unfinished job of a group: their owners see it at their next progress and stop. */
export async function failGroup(q: Queryable, group: string, error: string): Promise<void> {
  await q.query(`update jobs.job set status = 'failed', finished_at = now(), error = $2 where group_key = $1 and status in ('queued', 'running')`, [group, error]);
}

export async function jobsOfGroup<P, R>(q: Queryable, group: string): Promise<Job<P, R>[]> {
  return (await q.query<Job<P, R>>(`select ${JOB_COLUMNS} from jobs.job where group_key = $1 order by id`, [group])).map((row) => asJob(row));
}

/** Forgets finished jobs older than the given number of days. */
export async function deleteFinishedJobs(q: Queryable, olderThanDays: number): Promise<void> {
  await q.query(`delete from jobs.job where status in ('done', 'failed') and finished_at < now() - make_interval(days => $1)`, [olderThanDays]);
}
