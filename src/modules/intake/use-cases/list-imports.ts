import type { Actor } from '../../../platform/audit.ts';
import type { Queryable } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { latestJobsOfGroups, type Job } from '../../jobs/queue.ts';
import { progressOf } from '../progress.ts';
import * as repo from '../repository.ts';
import { IMPORT_KIND_LABELS } from '../sheets.ts';
import { batchGroup, type ImportProgress } from './import-jobs.types.ts';
import type { BatchSummary } from './imports.types.ts';

/** Who is looking at import batches: city officers see every batch, everyone else their own. */
export interface Viewer {
  actor: Actor;
  seesAll: boolean;
}

export const STATUS_LABELS: Record<repo.BatchStatus, string> = {
  analysing: '校验中',
  previewed: '待提交',
  committing: '提交中',
  committed: '已导入',
  undone: '已撤销',
  failed: '无法导入',
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/**
 * A batch as the page sees it. While a job works on it (`analysing`, `committing`), the progress comes from this
 * process if it is the one working, else from the job's row; a job that failed for good fails the batch even before
 * its handler has marked it, and a job waiting to retry shows the error of its last attempt.
 */
export function batchSummary(batch: repo.BatchRow, job: Job | undefined): BatchSummary {
  const working = batch.status === 'analysing' || batch.status === 'committing';
  let status = batch.status;
  let failure = batch.failure;
  let progress: ImportProgress | null = null;
  if (working && !job) {
    // Uploaded before imports became jobs, and left unfinished by the process that was checking it.
    status = 'failed';
    failure = '该批次的校验未能完成（升级前上传），请重新上传文件';
  } else if (working && job) {
    if (job.status === 'failed') {
      status = 'failed';
      failure = job.error;
    } else if (job.status === 'queued') {
      progress = { phase: 'queued', rows: 0, total: null };
      failure = job.error;
    } else if (job.status === 'running') {
      progress = progressOf(batch.id) ?? (job.progress as ImportProgress | null) ?? { phase: batch.status === 'analysing' ? 'reading' : 'writing', rows: 0, total: null };
    }
  }
  return {
    id: batch.id,
    kind: batch.kind,
    kind_label: IMPORT_KIND_LABELS[batch.kind],
    file_name: batch.file_name,
    file_format: batch.file_format,
    status,
    actor: batch.actor,
    counts: batch.counts as BatchSummary['counts'],
    failure,
    progress,
    created_at: iso(batch.created_at)!,
    committed_at: iso(batch.committed_at),
    committed_by: batch.committed_by,
    undone_at: iso(batch.undone_at),
    undone_by: batch.undone_by,
  };
}

/** The summaries of batches, with the newest job of each. */
export async function batchSummaries(q: Queryable, batches: readonly repo.BatchRow[]): Promise<BatchSummary[]> {
  const working = batches.filter((batch) => batch.status === 'analysing' || batch.status === 'committing');
  const jobs = await latestJobsOfGroups<Record<string, unknown>, unknown>(q, working.map((batch) => batchGroup(batch.id)));
  return batches.map((batch) => batchSummary(batch, jobs.get(batchGroup(batch.id))));
}

/** A batch the viewer may see, or NOT_FOUND (another person's batch is not revealed). */
export async function visibleBatch(q: Queryable, viewer: Viewer, id: number, options: { forUpdate?: boolean } = {}): Promise<repo.BatchRow> {
  const batch = await repo.loadBatch(q, id, options);
  if (!batch || (!viewer.seesAll && batch.actor !== viewer.actor.id)) throw new AppError('NOT_FOUND', `导入批次 #${id} 不存在`);
  return batch;
}

export async function listImports(q: Queryable, viewer: Viewer): Promise<{ items: BatchSummary[] }> {
  const batches = await repo.listBatches(q, { actor: viewer.seesAll ? null : viewer.actor.id, limit: 200 });
  return { items: await batchSummaries(q, batches) };
}
