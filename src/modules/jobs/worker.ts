import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { claimJob, failJob, releaseJob, withHeartbeat, type Job } from './queue.ts';

export type JobOutcome = 'done' | 'stopped' | 'taken_over';

export interface JobHandler {
  /** Executes (or resumes) a claimed job and completes it in its own last transaction. */
  run(job: Job, context: { owner: string; shouldStop: () => boolean }): Promise<JobOutcome>;
  /** After `run` threw: the job is already failed; the handler fails what depends on it. */
  failed?(job: Job, error: string): Promise<void>;
}

export interface JobWorkerSettings {
  /** A running job whose heartbeat is older than this was left by a dead process and is claimed again. */
  staleSeconds: number;
  /** How often to look for jobs when idle. */
  pollMs: number;
}

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

  constructor(
    private readonly db: Db,
    readonly owner: string,
    private readonly handlers: Record<string, JobHandler>,
    private readonly settings: JobWorkerSettings,
  ) {}

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
    while (!this.stopping) {
      // The embedded store belongs to this process alone: a job still marked running there was left by our predecessor.
      const stale = this.firstClaim && this.db.kind === 'pglite' ? 0 : this.settings.staleSeconds;
      this.firstClaim = false;
      const job = await claimJob<Record<string, unknown>, unknown>(this.db, this.owner, kinds, stale, null);
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
        await failJob(this.db, job.id, message);
        await handler.failed?.(job, message);
      }
    }
  }
}
