import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import type { Scope } from '../../../platform/scope.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { analyseImport } from '../analyse.ts';
import { readRows } from '../read-file.ts';
import * as repo from '../repository.ts';
import { applyAnalysis, type ImportSource } from './commit-import.ts';
import type { Viewer } from './list-imports.ts';
import { uploadFormat, type UploadedFile } from './start-import.ts';

export interface ImportReport {
  batch_id: number | null;
  new: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; sheet: string; column: string; code: string; message: string }[];
}

/**
 * A whole import in one call (the command line and the benchmark): read and check the file, and unless it
 * is a dry run, commit the valid rows as a batch — reading, checking and writing in one transaction.
 */
export async function importFile(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  upload: UploadedFile,
  options: { dryRun: boolean; source: ImportSource; today?: string },
): Promise<ImportReport> {
  const format = uploadFormat(upload);
  const refs = await referenceSets(db);
  const today = options.today ?? todayIso();
  const analyse = (q: Parameters<typeof analyseImport>[0]) => analyseImport(q, refs, scope, upload.kind, readRows(upload.file, format, upload.fileName), { today });
  const { analysis, batchId } = options.dryRun
    ? { analysis: await analyse(db), batchId: null }
    : await db.transaction(async (tx) => {
        const id = await repo.insertBatch(tx, { kind: upload.kind, fileName: upload.fileName, format, file: upload.file, actor: viewer.actor.id, actorRole: viewer.actor.role });
        const result = await analyse(tx);
        await applyAnalysis(tx, refs, viewer.actor, scope, { id, fileName: upload.fileName }, result, { source: options.source, today });
        return { analysis: result, batchId: id };
      });
  return {
    batch_id: batchId,
    new: analysis.counts.new,
    updated: analysis.counts.updated,
    unchanged: analysis.counts.unchanged,
    rejected: analysis.rows.flatMap((row) =>
      row.outcome === 'rejected'
        ? row.problems.filter((p) => p.severity === 'error').map((p) => ({ row: p.row, sheet: p.sheet, column: p.column, code: p.code, message: p.message }))
        : [],
    ),
  };
}
