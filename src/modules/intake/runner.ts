import type { Db } from '../../platform/db.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { backgroundPrincipal } from '../identity/use-cases/background-principal.ts';
import { completeJob, type Job } from '../jobs/queue.ts';
import { JobWorker, jobSettings, newOwner, type JobHandler, type JobOutcome, type JobWorkerSettings } from '../jobs/worker.ts';
import { endProgress, progressReporter } from './progress.ts';
import * as repo from './repository.ts';
import { analyseBatch } from './use-cases/analyse-batch.ts';
import { commitBatch, CommitTakenOver } from './use-cases/commit-import.ts';
import { ANALYSE_JOB, COMMIT_JOB, type ImportJobPayload } from './use-cases/import-jobs.types.ts';

export interface ImportRunnerHooks {
  /** Tests: called as the commit writes enterprises, inside its transaction (an exception aborts the attempt). */
  onWrite?: (written: number, total: number) => void;
}

/** The user a job acts for, as they are now: a disabled account (or one removed) stops the job for good. */
async function actingScope(db: Db, payload: ImportJobPayload) {
  const principal = await backgroundPrincipal(db, payload.username);
  if (!principal) throw new AppError('FORBIDDEN', `上传人“${payload.username}”的账号已停用或不存在，后台任务不能代其处理导入批次 #${payload.batch_id}`);
  return principal.scope;
}

/** Errors of the database or the process (a lost connection) may pass; the import's own refusals (AppError) do not. */
const retryable = (error: unknown) => !(error instanceof AppError);

export function importJobHandlers(db: Db, hooks: ImportRunnerHooks = {}): Record<string, JobHandler> {
  const analyse: JobHandler = {
    retryable,
    run: async (job: Job, { owner, shouldStop }): Promise<JobOutcome> => {
      if (shouldStop()) return 'stopped';
      const payload = job.payload as unknown as ImportJobPayload;
      try {
        return await analyseBatch(db, payload.batch_id, await actingScope(db, payload), {
          today: payload.today,
          job: { id: job.id, owner },
          onProgress: progressReporter(db, payload.batch_id, { id: job.id, owner }),
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new Error(`检查文件时出错：${(error as Error).message}`, { cause: error });
      } finally {
        endProgress(payload.batch_id);
      }
    },
    failed: async (job: Job, error: string) => {
      const payload = job.payload as unknown as ImportJobPayload;
      await repo.finishAnalysis(db, payload.batch_id, { status: 'failed', counts: null, failure: error });
    },
  };

  const commit: JobHandler = {
    retryable,
    run: async (job: Job, { owner, shouldStop }): Promise<JobOutcome> => {
      if (shouldStop()) return 'stopped';
      const payload = job.payload as unknown as ImportJobPayload;
      const report = progressReporter(db, payload.batch_id, { id: job.id, owner });
      report({ phase: 'writing', rows: 0, total: null });
      let total: number | null = null;
      try {
        await commitBatch(db, payload.actor, await actingScope(db, payload), payload.batch_id, {
          source: payload.source ?? 'import',
          today: payload.today,
          onProgress: (written, all) => {
            total = all;
            report({ phase: 'writing', rows: written, total: all });
            hooks.onWrite?.(written, all);
          },
          complete: (tx) => completeJob(tx, job.id, owner, { phase: 'writing', rows: total ?? 0, total }),
        });
        return 'done';
      } catch (error) {
        if (error instanceof CommitTakenOver) return 'taken_over';
        if (error instanceof AppError) throw error;
        throw new Error(`写入企业库时出错，本次未写入任何数据：${(error as Error).message}`, { cause: error });
      } finally {
        endProgress(payload.batch_id);
      }
    },
    failed: async (job: Job, error: string) => {
      const payload = job.payload as unknown as ImportJobPayload;
      await db.transaction(async (tx) => {
        if (!(await repo.markCommitFailed(tx, payload.batch_id, `提交失败：${error}`))) return;
        await writeAudit(tx, payload.actor, { action: 'intake.import.commit_failed', objectType: 'import_batch', objectId: String(payload.batch_id), summary: { error } });
      });
    },
  };

  return { [ANALYSE_JOB]: analyse, [COMMIT_JOB]: commit };
}

/**
 * The import jobs of one process — a `tidu worker`, or the server when it runs jobs itself: checks uploaded files
 * and commits confirmed batches, side by side with every other such process and apart from discovery's chunks (an
 * import does not wait behind a long run).
 */
export class ImportRunner {
  readonly owner = newOwner();
  private readonly worker: JobWorker;

  constructor(db: Db, settings: JobWorkerSettings = jobSettings(), hooks: ImportRunnerHooks = {}) {
    this.worker = new JobWorker(db, this.owner, importJobHandlers(db, hooks), settings);
  }

  start(): void {
    this.worker.start();
  }

  /** Looks for work now (called after a job is queued). */
  wake(): void {
    this.worker.wake();
  }

  /** Resolves when this process is not executing an import job. */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  /** Lets the job in hand finish (an import is one transaction), then stops claiming. */
  stop(): Promise<void> {
    return this.worker.stop();
  }
}
