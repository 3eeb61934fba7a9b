import { writeAudit } from '../../../platform/audit.ts';
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
import { batchSummary, visibleBatch, type Viewer } from './list-imports.ts';
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
 * Writes every valid row of a previewed batch in one transaction: the analysis is run again inside it,
 * against the registry as it is now, so what is written is what the rows say today. Rejected rows are
 * left out; an error anywhere writes nothing.
 */
export async function commitImport(db: Db, viewer: Viewer, scope: Scope, id: number, options: CommitOptions): Promise<BatchSummary> {
  const refs = await referenceSets(db);
  await db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, viewer, id, { forUpdate: true });
    if (batch.status !== 'previewed') {
      throw new AppError('CONFLICT', batch.status === 'committed' ? `导入批次 #${id} 已经提交过了` : `导入批次 #${id} 当前状态为“${batch.status}”，不能提交`);
    }
    const file = await repo.loadBatchFile(tx, id);
    const analysis = await analyseImport(tx, refs, scope, batch.kind, readRows(file, batch.file_format, batch.file_name), { today: options.today ?? todayIso() });
    await applyAnalysis(tx, refs, viewer, scope, { id, fileName: batch.file_name }, analysis, options);
  });
  return batchSummary((await repo.loadBatch(db, id))!);
}

/** The writes of a commit, inside the caller's transaction (the command line commits a file it has just read). */
export async function applyAnalysis(
  tx: Queryable,
  refs: ReferenceSets,
  viewer: Viewer,
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
    viewer.actor,
    scope,
    fresh.map((plan) => ({ profile: plan.profile, sourceRef: sourceRef(batch.fileName, batch.id, plan) })),
    { source: options.source, today: options.today, onProgress: (done) => options.onProgress?.(done, total) },
  );
  const changes: repo.BatchChange[] = [...created].map(([credit_code, change_set_id]) => ({ credit_code, change_set_id, created: true }));
  let written = fresh.length;
  for (const plan of analysis.plans) {
    if (!plan.exists) continue;
    const result = await storeProfile(tx, refs, viewer.actor, scope, plan.credit_code, plan.profile, {
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
  await repo.markCommitted(tx, batch.id, viewer.actor.id, counts);
  await writeAudit(tx, viewer.actor, {
    action: 'intake.import.commit',
    objectType: 'import_batch',
    objectId: String(batch.id),
    summary: { kind: analysis.kind, file_name: batch.fileName, new: counts.new, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected },
  });
}
