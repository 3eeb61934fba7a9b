import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { todayIso } from '../../platform/dates.ts';
import { STANDARD_IDS } from '../../standards/index.ts';
import * as repo from './repository.ts';
import { applyChanges } from './use-cases/apply-changes.ts';
import { executeRun } from './use-cases/execute-run.ts';

export interface RunnerSettings {
  batchSize: number;
  /** A running run whose heartbeat is older than this was left by a dead process and may be resumed. */
  staleSeconds: number;
  /** How often to look for queued or abandoned runs. */
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
 * DISCOVERY_BATCH_SIZE, DISCOVERY_STALE_SECONDS (default 30), DISCOVERY_KEEP_RUNS (default 10).
 */
export function runnerSettings(kind: Db['kind'], env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  const schedule = env.DISCOVERY_SCHEDULE ?? '02:00';
  const number = (value: string | undefined, fallback: number) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback);
  return {
    batchSize: number(env.DISCOVERY_BATCH_SIZE, kind === 'postgres' ? 10_000 : 2_000),
    staleSeconds: number(env.DISCOVERY_STALE_SECONDS, 30),
    pollMs: 2_000,
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

/**
 * Executes runs in the background of the server process, one at a time: runs queued from the page, the nightly run,
 * and runs abandoned by a process that died (resumed from their last committed batch). Between runs it keeps the
 * latest results current by re-evaluating enterprises whose data changed.
 */
export class DiscoveryRunner {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timers: NodeJS.Timeout[] = [];
  private active: Promise<void> | null = null;
  private watching: Promise<unknown> | null = null;
  private stopping = false;
  private batchesLeft: number;
  private firstClaim = true;

  constructor(
    private readonly db: Db,
    private readonly settings: RunnerSettings,
    /** Tests: stop after this many batches, as if the process died. */
    private readonly stopAfterBatches = Infinity,
  ) {
    this.batchesLeft = stopAfterBatches;
  }

  start(): void {
    this.timers.push(setInterval(() => this.wake(), this.settings.pollMs));
    if (this.settings.watchMs > 0) this.timers.push(setInterval(() => this.watch(), this.settings.watchMs));
    if (this.settings.schedule) this.timers.push(setInterval(() => void this.scheduled().catch(() => undefined), 60_000));
    for (const timer of this.timers) timer.unref();
    this.wake();
    void this.scheduled().catch(() => undefined);
  }

  /** Looks for work now (called after a run is queued). */
  wake(): void {
    if (this.active || this.stopping) return;
    this.active = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.active = null;
      });
  }

  /** Resolves when no run is being executed by this process. */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.active;
    await this.watching;
  }

  private async drain(): Promise<void> {
    while (!this.stopping) {
      // The embedded store belongs to this process alone: a run still marked running there was left by our predecessor.
      const stale = this.firstClaim && this.db.kind === 'pglite' ? 0 : this.settings.staleSeconds;
      this.firstClaim = false;
      const run = await repo.claimRun(this.db, this.owner, stale);
      if (!run) return;
      try {
        const outcome = await executeRun(this.db, run, this.owner, {
          batchSize: this.settings.batchSize,
          shouldStop: () => this.stopping || this.batchesLeft-- <= 0,
        });
        if (outcome === 'completed') await repo.pruneResults(this.db, this.settings.keepRuns);
        if (outcome === 'stopped') return;
      } catch (error) {
        await repo.failRun(this.db, run.id, this.owner, error instanceof Error ? error.message : String(error));
      }
    }
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
    const run = await repo.insertRun(this.db, {
      asOf: today,
      application: 'new',
      trigger: 'schedule',
      requestedBy: '定时任务',
      standards: STANDARD_IDS,
      scheduledFor: today,
    });
    if (run) this.wake();
  }
}
