import type { Db } from '../../../platform/db.ts';
import { claimJob, failJob, withHeartbeat } from '../../jobs/queue.ts';
import * as repo from '../repository.ts';
import { CHUNK_JOB, runGroup } from './chunks.types.ts';
import { executeChunk } from './execute-chunk.ts';
import { failRun } from './fail-run.ts';

export interface RunProgress {
  runId: number;
  processed: number;
  total: number;
  startedAt: number;
}

export interface ExecuteOptions {
  batchSize: number;
  /** Chunks whose heartbeat is older than this are taken over (their process died). */
  staleSeconds?: number;
  onProgress?: (progress: RunProgress) => void;
}

export type ExecuteOutcome = 'completed' | 'failed';

/**
 * Executes a run in this process (the command line, tests, benchmarks): claims its chunks one after another, side by
 * side with any workers running, then waits until the chunks others hold are done too.
 */
export async function executeRun(db: Db, run: repo.RunRow, owner: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const staleSeconds = options.staleSeconds ?? 30;
  const startedAt = Date.now();
  const report = async () => {
    if (!options.onProgress) return;
    const now = await repo.getRun(db, run.id);
    if (now) options.onProgress({ runId: run.id, processed: now.processed, total: Math.max(now.total ?? 0, now.processed), startedAt });
  };
  await report();
  for (;;) {
    const chunk = await claimJob<Record<string, unknown>, unknown>(db, owner, [CHUNK_JOB], staleSeconds, runGroup(run.id));
    if (!chunk) {
      const now = await repo.getRun(db, run.id);
      if (!now || now.status === 'completed') return 'completed';
      if (now.status === 'failed') return 'failed';
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      await withHeartbeat(db, chunk.id, owner, (staleSeconds * 1000) / 3, (lost) =>
        executeChunk(db, chunk, owner, { batchSize: options.batchSize, shouldStop: lost, onBatch: () => void report().catch(() => undefined) }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await failJob(db, chunk.id, message);
      await failRun(db, run.id, message);
      throw error;
    }
  }
}
