import type { Actor } from '../../../platform/audit.ts';
import type { Queryable } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { progressOf } from '../progress.ts';
import * as repo from '../repository.ts';
import { IMPORT_KIND_LABELS } from '../sheets.ts';
import type { BatchSummary } from './imports.types.ts';

/** Who is looking at import batches: city officers see every batch, everyone else their own. */
export interface Viewer {
  actor: Actor;
  seesAll: boolean;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function batchSummary(batch: repo.BatchRow): BatchSummary {
  return {
    id: batch.id,
    kind: batch.kind,
    kind_label: IMPORT_KIND_LABELS[batch.kind],
    file_name: batch.file_name,
    file_format: batch.file_format,
    status: batch.status,
    actor: batch.actor,
    counts: batch.counts as BatchSummary['counts'],
    failure: batch.failure,
    progress: progressOf(batch.id),
    created_at: iso(batch.created_at)!,
    committed_at: iso(batch.committed_at),
    committed_by: batch.committed_by,
    undone_at: iso(batch.undone_at),
    undone_by: batch.undone_by,
  };
}

/** A batch the viewer may see, or NOT_FOUND (another person's batch is not revealed). */
export async function visibleBatch(q: Queryable, viewer: Viewer, id: number, options: { forUpdate?: boolean } = {}): Promise<repo.BatchRow> {
  const batch = await repo.loadBatch(q, id, options);
  if (!batch || (!viewer.seesAll && batch.actor !== viewer.actor.id)) throw new AppError('NOT_FOUND', `导入批次 #${id} 不存在`);
  return batch;
}

export async function listImports(q: Queryable, viewer: Viewer): Promise<{ items: BatchSummary[] }> {
  const batches = await repo.listBatches(q, { actor: viewer.seesAll ? null : viewer.actor.id, limit: 200 });
  return { items: batches.map(batchSummary) };
}
