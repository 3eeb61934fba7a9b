import type { Db } from '../../platform/db.ts';
import { todayIso } from '../../platform/dates.ts';
import { systemActor } from '../../platform/audit.ts';
import { forgetFinishedJobs, type Job } from '../jobs/queue.ts';
import { JobWorker, newOwner, type JobHandler } from '../jobs/worker.ts';
import * as repo from './repository.ts';
import { applyChanges } from './use-cases/apply-changes.ts';
import { CHUNK_JOB, type ChunkPayload } from './use-cases/chunks.types.ts';
import { executeChunk } from './use-cases/execute-chunk.ts';
import { failRun } from './use-cases/fail-run.ts';
import { startRun } from './use-cases/start-run.ts';

export interface RunnerSettings {
  batchSize: number;
  /** Enterprises per chunk job: the unit that workers share and that is redone from its last batch after a crash. */
  chunkSize: number;
  /** A chunk whose heartbeat is older than this was left by a dead process and is claimed again. */
  staleSeconds: number;
  /** How often to look for queued or abandoned chunks. */
  pollMs: number;
  /** How often to look for changed enterprises (0: never). */
  watchMs: number;
  /** Daily start of the scheduled run, HH:MM China time (null: no schedule). */
  schedule: string | null;
  /** Completed runs whose results are kept (older ones keep only their record and counts). */
  keepRuns: number;
}

/**
 * DISCOVERY_SCHEDULE (HH:MM, default 02:00; "off" disables), DISCOVERY_WATCH_MS (default 2000; 0 disables),
 * DISCOVERY_BATCH_SIZE, DISCOVERY_CHUNK_SIZE (default 50000), DISCOVERY_STALE_SECONDS (default 30),
 * DISCOVERY_POLL_MS (default 2000), DISCOVERY_KEEP_RUNS (default 10).
 */
export function runnerSettings(kind: Db['kind'], env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  const schedule = env.DISCOVERY_SCHEDULE ?? '02:00';
  const number = (value: string | undefined, fallback: number) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback);
  return {
    batchSize: number(env.DISCOVERY_BATCH_SIZE, kind === 'postgres' ? 10_000 : 2_000),
    chunkSize: Math.max(1, number(env.DISCOVERY_CHUNK_SIZE, 50_000)),
    staleSeconds: number(env.DISCOVERY_STALE_SECONDS, 30),
    pollMs: number(env.DISCOVERY_POLL_MS, 2_000),
    watchMs: number(env.DISCOVERY_WATCH_MS, 2_000),
    schedule: /^([01]\d|2[0-3]):[0-5]\d$/.test(schedule) ? schedule : null,
    keepRuns: Math.max(2, number(env.DISCOVERY_KEEP_RUNS, 10)),
  };
}

/** Minutes past midnight in China (UTC+8). */
function chinaMinutes(now: Date): number {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

const FINISHED_JOBS_KEPT_DAYS = 30;

/**
 * The background work of discovery in one process — a `tidu worker`, or the server when it runs jobs itself: executes
 * chunks of runs from the job queue (side by side with every other such process), queues the nightly run, and keeps
 * the latest results current by re-evaluating enterprises whose data changed.
 */
export class DiscoveryRunner {
  readonly owner = newOwner();
  private readonly worker: JobWorker;
  private timers: NodeJS.Timeout[] = [];
  private watching: Promise<unknown> | null = null;
  private stopping = false;
  private batchesLeft: number;

  constructor(
    private readonly db: Db,
    private readonly settings: RunnerSettings,
    /** Tests: stop after this many batches, as if the process died. */
    stopAfterBatches = Infinity,
  ) {
    this.batchesLeft = stopAfterBatches;
    this.worker = new JobWorker(db, this.owner, { [CHUNK_JOB]: this.chunkHandler() }, settings);
  }

  start(): void {
    this.worker.start();
    if (this.settings.watchMs > 0) this.timers.push(setInterval(() => this.watch(), this.settings.watchMs));
    if (this.settings.schedule) this.timers.push(setInterval(() => void this.scheduled().catch(() => undefined), 60_000));
    for (const timer of this.timers) timer.unref();
    void this.scheduled().catch(() => undefined);
  }

  /** Looks for work now (called after a run is queued). */
  wake(): void {
    this.worker.wake();
  }

  /** Resolves when no chunk is being executed by this process. */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.worker.stop();
    await this.watching;
  }

  private chunkHandler(): JobHandler {
    return {
      run: async (job: Job, { owner, shouldStop }) => {
        const { outcome, runCompleted } = await executeChunk(this.db, job, owner, {
          batchSize: this.settings.batchSize,
          shouldStop: () => shouldStop() || this.batchesLeft-- <= 0,
        });
        if (runCompleted) {
          await repo.pruneResults(this.db, this.settings.keepRuns);
          await forgetFinishedJobs(this.db, FINISHED_JOBS_KEPT_DAYS);
        }
        return outcome;
      },
      failed: (job: Job, error: string) => failRun(this.db, (job.payload as unknown as ChunkPayload).run_id, error),
    };
  }

  private watch(): void {
    if (this.watching || this.stopping) return;
    this.watching = applyChanges(this.db)
      .catch(() => undefined)
      .finally(() => {
        this.watching = null;
      });
  }

  /** Queues the day's run during the hour after the scheduled time; the unique day keeps processes from doubling it. */
  private async scheduled(now = new Date()): Promise<void> {
    const schedule = this.settings.schedule;
    if (!schedule || this.stopping) return;
    const [hours, minutes] = schedule.split(':').map(Number);
    const since = chinaMinutes(now) - (hours * 60 + minutes);
    if (since < 0 || since >= 60) return;
    const today = todayIso(now);
    const started = await startRun(this.db, systemActor('定时任务'), { as_of: today, application: 'new' }, 'schedule', { chunkSize: this.settings.chunkSize, scheduledFor: today }).then(
      () => true,
      () => false,
    );
    if (started) this.wake();
  }
}
