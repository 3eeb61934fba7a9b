import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { claimJob, failAbandonedJobs, failJob, releaseJob, retryJob, withHeartbeat, type Job } from './queue.ts';

export type JobOutcome = 'done' | 'stopped' | 'taken_over';

export interface JobHandler {
  /** Executes (or resumes) a claimed job and completes it in its own last transaction. */
  run(job: Job, context: { owner: string; shouldStop: () => boolean }): Promise<JobOutcome>;
  /**
   * After `run` threw for the last time, or after the job's owners died `maxAttempts` times: the job is already failed
   * with `error` (in Chinese, shown to users); the handler fails what depends on it.
   */
  failed?(job: Job, error: string): Promise<void>;
  /** Whether an error `run` threw may pass (a lost connection): the job is then tried again, up to `maxAttempts`. Default: never. */
  retryable?(error: unknown): boolean;
}

export interface JobWorkerSettings {
  /** A running job whose heartbeat is older than this was left by a dead process and is claimed again. */
  staleSeconds: number;
  /** How often to look for jobs when idle. */
  pollMs: number;
  /** Attempts (claims that did not finish the job) after which a job is failed for good; JOB_MAX_ATTEMPTS, default 3. */
  maxAttempts?: number;
  /** A retried job waits this many seconds times its attempts so far; JOB_RETRY_SECONDS, default 10. */
  retrySeconds?: number;
}

const setting = (value: string | undefined, fallback: number, min: number) =>
  value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Math.max(min, Number(value)) : fallback;

/**
 * JOB_STALE_SECONDS (default 30), JOB_POLL_MS (default 2000), JOB_MAX_ATTEMPTS (default 3), JOB_RETRY_SECONDS
 * (default 10): the settings of the workers of jobs other than discovery chunks (which keep their DISCOVERY_* ones and
 * share the limit on attempts).
 */
export function jobSettings(env: NodeJS.ProcessEnv = process.env): Required<JobWorkerSettings> {
  return {
    staleSeconds: setting(env.JOB_STALE_SECONDS, 30, 0),
    pollMs: setting(env.JOB_POLL_MS, 2_000, 10),
    maxAttempts: setting(env.JOB_MAX_ATTEMPTS, 3, 1),
    retrySeconds: setting(env.JOB_RETRY_SECONDS, 10, 0),
  };
}

/** The error recorded on a job whose owners all died; %s is the number of attempts. */
const ABANDONED = '执行该任务的进程已中断 %s 次（可能是内存不足或进程被终止），不再重试。请检查工作进程的日志后重新发起';

export const newOwner = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Claims jobs of the handled kinds one at a time with `for update skip locked` and runs them, beating each job's
 * heartbeat meanwhile. Any number of workers (in `tidu worker` processes, or inside the server) share one queue.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private active: Promise<void> | null = null;
  private stopping = false;
  private firstClaim = true;
  private readonly settings: Required<JobWorkerSettings>;

  constructor(
    private readonly db: Db,
    readonly owner: string,
    private readonly handlers: Record<string, JobHandler>,
    settings: JobWorkerSettings,
  ) {
    const defaults = jobSettings();
    this.settings = {
      staleSeconds: settings.staleSeconds,
      pollMs: settings.pollMs,
      maxAttempts: settings.maxAttempts ?? defaults.maxAttempts,
      retrySeconds: settings.retrySeconds ?? defaults.retrySeconds,
    };
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now. */
  wake(): void {
    if (this.active || this.stopping) return;
    this.active = this.drain()
      .catch((error: unknown) => process.emitWarning(`后台任务出错：${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.active = null;
      });
  }

  /** Resolves when this worker is not executing a job. */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  /** Finishes the current batch of the current job, hands the job back to the queue, and stops claiming. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.active;
  }

  private async drain(): Promise<void> {
    const kinds = Object.keys(this.handlers);
    const { maxAttempts, retrySeconds } = this.settings;
    while (!this.stopping) {
      // The embedded store belongs to this process alone: a job still marked running there was left by our predecessor.
      const stale = this.firstClaim && this.db.kind === 'pglite' ? 0 : this.settings.staleSeconds;
      this.firstClaim = false;
      for (const job of await failAbandonedJobs<Record<string, unknown>, unknown>(this.db, kinds, stale, maxAttempts, ABANDONED)) {
        await this.handlers[job.kind].failed?.(job, job.error!);
      }
      const job = await claimJob<Record<string, unknown>, unknown>(this.db, this.owner, kinds, stale, null, maxAttempts);
      if (!job) return;
      const handler = this.handlers[job.kind];
      try {
        const outcome = await withHeartbeat(this.db, job.id, this.owner, (this.settings.staleSeconds * 1000) / 3, (lost) =>
          handler.run(job, { owner: this.owner, shouldStop: () => this.stopping || lost() }),
        );
        if (outcome === 'stopped') {
          await releaseJob(this.db, job.id, this.owner);
          return;
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (handler.retryable?.(error)) {
          if (job.attempts < maxAttempts) {
            await retryJob(this.db, job.id, this.owner, `第 ${job.attempts} 次尝试失败，稍后重试：${message}`, retrySeconds * job.attempts);
            continue;
          }
          const final = `${message}（已尝试 ${job.attempts} 次，不再重试）`;
          await failJob(this.db, job.id, final);
          await handler.failed?.(job, final);
        } else {
          await failJob(this.db, job.id, message);
          await handler.failed?.(job, message);
        }
      }
    }
  }
}
