import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { completeJob } from '../../jobs/queue.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { analyseImport } from '../analyse.ts';
import { readRows } from '../read-file.ts';
import * as repo from '../repository.ts';
import type { ImportProgress } from './import-jobs.types.ts';

/**
 * The dry run of an uploaded batch, executed by a worker: every row checked against the registry within `scope`,
 * nothing written to it. The rows' results, the batch's `previewed` status and the job's completion are stored in
 * one transaction, so an analysis whose worker died is simply done again by the next. A file that cannot be read
 * fails the batch with the reason (an AppError, not retried).
 */
export async function analyseBatch(
  db: Db,
  batchId: number,
  scope: Scope,
  options: { today: string; job: { id: number; owner: string }; onProgress: (progress: ImportProgress) => void },
): Promise<'done' | 'taken_over'> {
  const batch = await repo.loadBatch(db, batchId);
  if (!batch || batch.status !== 'analysing') {
    // Analysed already (by a worker that died between its commit and the job's) or gone: nothing left to do.
    await completeJob(db, options.job.id, options.job.owner, undefined);
    return 'done';
  }
  options.onProgress({ phase: 'reading', rows: 0, total: null });
  const refs = await referenceSets(db);
  const file = await repo.loadBatchFile(db, batchId);
  const analysis = await analyseImport(db, refs, scope, batch.kind, readRows(file, batch.file_format, batch.file_name), {
    today: options.today,
    onProgress: (rows) => options.onProgress({ phase: 'checking', rows, total: null }),
  });
  const rows = analysis.counts.rows;
  options.onProgress({ phase: 'saving', rows, total: rows });
  return db.transaction(async (tx) => {
    await repo.replaceBatchRows(tx, batchId, analysis.rows);
    await repo.finishAnalysis(tx, batchId, { status: 'previewed', counts: { ...analysis.counts, file_problems: analysis.fileProblems }, failure: null });
    if (!(await completeJob(tx, options.job.id, options.job.owner, { phase: 'saving', rows, total: rows }))) throw new AnalysisTakenOver();
    return 'done' as const;
  }).catch((error: unknown) => {
    if (error instanceof AnalysisTakenOver) return 'taken_over' as const;
    throw error;
  });
}

class AnalysisTakenOver extends Error {}
