import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db, Queryable } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import { referenceSets, type ReferenceSets } from '../../registry/reference-sets.ts';
import { createProfiles } from '../../registry/use-cases/create-profiles.ts';
import { storeProfile } from '../../registry/use-cases/save-profile.ts';
import { analyseImport, type Analysis, type EnterprisePlan } from '../analyse.ts';
import { readRows } from '../read-file.ts';
import * as repo from '../repository.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { COMMIT_JOB, batchGroup, type ImportJobPayload } from './import-jobs.types.ts';
import { batchSummaries, STATUS_LABELS, visibleBatch, type Viewer } from './list-imports.ts';
import type { BatchSummary } from './imports.types.ts';

export type ImportSource = 'import' | 'self_declared';

export interface CommitOptions {
  source: ImportSource;
  today?: string;
  /** Called as enterprises are written (the count so far); an exception here aborts the whole commit. */
  onProgress?: (written: number, total: number) => void;
}

/** Where a value came from: file, sheet and rows, and the batch (whose record says who and when). */
function sourceRef(fileName: string, batchId: number, plan: EnterprisePlan): string {
  const bySheet = new Map<string, number[]>();
  for (const row of plan.rows) bySheet.set(row.sheet, [...(bySheet.get(row.sheet) ?? []), row.row]);
  const places = [...bySheet].map(([sheet, rows]) => `${sheet} 第 ${rows.slice(0, 10).join('、')}${rows.length > 10 ? ` 等 ${rows.length} ` : ' '}行`);
  return `导入批次 #${batchId}｜${fileName}｜${places.join('；')}`.slice(0, 500);
}

/**
 * Queues the commit of a previewed batch: the batch becomes `committing` and a commit job for a worker is queued, in
 * one transaction with the audit record of the request. The worker writes the rows (`commitBatch`).
 */
export async function requestCommit(db: Db, viewer: Viewer, username: string, id: number, options: { source: ImportSource; today?: string }): Promise<BatchSummary> {
  await db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, viewer, id, { forUpdate: true });
    if (batch.status !== 'previewed') {
      throw new AppError(
        'CONFLICT',
        batch.status === 'committed'
          ? `导入批次 #${id} 已经提交过了`
          : batch.status === 'committing'
            ? `导入批次 #${id} 正在提交，请稍候`
            : `导入批次 #${id} 当前状态为“${STATUS_LABELS[batch.status]}”，不能提交`,
      );
    }
    await repo.markCommitting(tx, id);
    const payload: ImportJobPayload = { batch_id: id, username, actor: viewer.actor, today: options.today ?? todayIso(), source: options.source };
    await enqueueJobs(tx, [{ kind: COMMIT_JOB, group: batchGroup(id), payload }]);
    await writeAudit(tx, viewer.actor, { action: 'intake.import.commit_request', objectType: 'import_batch', objectId: String(id), summary: { file_name: batch.file_name } });
  });
  const [summary] = await batchSummaries(db, [(await repo.loadBatch(db, id))!]);
  return summary;
}

/** Thrown inside the commit's transaction when the job was taken over meanwhile: the transaction rolls back. */
export class CommitTakenOver extends Error {
  constructor() {
    super('导入提交任务已由其他工作进程接手');
  }
}

/**
 * Writes every valid row of a batch whose commit was requested, in one transaction: the analysis is run again inside
 * it, against the registry as it is now, so what is written is what the rows say today. Rejected rows are left out;
 * an error anywhere writes nothing. `complete` (the job's completion) runs last in the same transaction, so the
 * batch is committed and its job done together, or neither: a job claimed again after its worker died finds the
 * batch still `committing` and writes it, or finds it `committed` and only completes. Never twice.
 */
export async function commitBatch(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  options: CommitOptions & { complete?: (tx: Queryable) => Promise<boolean> },
): Promise<'committed' | 'already_committed'> {
  const refs = await referenceSets(db);
  return db.transaction(async (tx) => {
    const batch = await repo.loadBatch(tx, id, { forUpdate: true });
    if (!batch) throw new AppError('NOT_FOUND', `导入批次 #${id} 不存在`);
    let outcome: 'committed' | 'already_committed' = 'already_committed';
    if (batch.status === 'committing') {
      const file = await repo.loadBatchFile(tx, id);
      const analysis = await analyseImport(tx, refs, scope, batch.kind, readRows(file, batch.file_format, batch.file_name), { today: options.today ?? todayIso() });
      await applyAnalysis(tx, refs, actor, scope, { id, fileName: batch.file_name }, analysis, options);
      outcome = 'committed';
    } else if (batch.status !== 'committed') {
      throw new AppError('CONFLICT', `导入批次 #${id} 当前状态为“${STATUS_LABELS[batch.status]}”，不能提交`);
    }
    if (options.complete && !(await options.complete(tx))) throw new CommitTakenOver();
    return outcome;
  });
}

/** The writes of a commit, inside the caller's transaction (the command line commits a file it has just read). */
export async function applyAnalysis(
  tx: Queryable,
  refs: ReferenceSets,
  actor: Actor,
  scope: Scope,
  batch: { id: number; fileName: string },
  analysis: Analysis,
  options: CommitOptions,
): Promise<void> {
  const total = analysis.plans.length;
  const fresh = analysis.plans.filter((plan) => !plan.exists);
  const created = await createProfiles(
    tx,
    refs,
    actor,
    scope,
    fresh.map((plan) => ({ profile: plan.profile, sourceRef: sourceRef(batch.fileName, batch.id, plan) })),
    { source: options.source, today: options.today, onProgress: (done) => options.onProgress?.(done, total) },
  );
  const changes: repo.BatchChange[] = [...created].map(([credit_code, change_set_id]) => ({ credit_code, change_set_id, created: true }));
  let written = fresh.length;
  for (const plan of analysis.plans) {
    if (!plan.exists) continue;
    const result = await storeProfile(tx, refs, actor, scope, plan.credit_code, plan.profile, {
      source: options.source,
      source_ref: sourceRef(batch.fileName, batch.id, plan),
      today: options.today,
    });
    if (result.change_set_id !== null) changes.push({ credit_code: plan.credit_code, change_set_id: result.change_set_id, created: false });
    options.onProgress?.(++written, total);
  }
  await repo.insertBatchChanges(tx, batch.id, changes);
  await repo.replaceBatchRows(tx, batch.id, analysis.rows);
  const counts = { ...analysis.counts, file_problems: analysis.fileProblems };
  await repo.markCommitted(tx, batch.id, actor.id, counts);
  await writeAudit(tx, actor, {
    action: 'intake.import.commit',
    objectType: 'import_batch',
    objectId: String(batch.id),
    summary: { kind: analysis.kind, file_name: batch.fileName, new: counts.new, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected },
  });
}
