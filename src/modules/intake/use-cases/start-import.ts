import { writeAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { analyseImport } from '../analyse.ts';
import { endProgress, reportProgress } from '../progress.ts';
import { detectFormat, readRows, type FileFormat } from '../read-file.ts';
import * as repo from '../repository.ts';
import type { ImportKind } from '../sheets.ts';
import type { Viewer } from './list-imports.ts';

export interface UploadedFile {
  kind: ImportKind;
  fileName: string;
  file: Buffer;
}

/** Checks that an upload is a file we can read at all; its rows are checked by the analysis. */
export function uploadFormat(upload: UploadedFile): FileFormat {
  if (upload.file.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  const format = detectFormat(upload.file);
  if (format === 'csv' && /\.xlsx$/i.test(upload.fileName)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `文件“${upload.fileName}”不是有效的 .xlsx 文件，请用 Excel 重新保存后再上传`);
  return format;
}

/**
 * Keeps the uploaded file as a batch and starts its dry run: every row checked against the registry,
 * nothing written to it. `analysed` settles when the preview is ready (the page polls the batch meanwhile).
 */
export async function startImport(db: Db, viewer: Viewer, scope: Scope, upload: UploadedFile, today: string = todayIso()): Promise<{ id: number; analysed: Promise<void> }> {
  const format = uploadFormat(upload);
  const id = await db.transaction(async (tx) => {
    const batchId = await repo.insertBatch(tx, {
      kind: upload.kind,
      fileName: upload.fileName,
      format,
      file: upload.file,
      actor: viewer.actor.id,
      actorRole: viewer.actor.role,
    });
    await writeAudit(tx, viewer.actor, {
      action: 'intake.import.upload',
      objectType: 'import_batch',
      objectId: String(batchId),
      summary: { kind: upload.kind, file_name: upload.fileName, bytes: upload.file.length },
    });
    return batchId;
  });
  reportProgress(id, { phase: 'reading', rows: 0 });
  const analysed = analyseBatch(db, scope, id, upload, format, today).finally(() => endProgress(id));
  return { id, analysed };
}

async function analyseBatch(db: Db, scope: Scope, id: number, upload: UploadedFile, format: FileFormat, today: string): Promise<void> {
  try {
    const refs = await referenceSets(db);
    const analysis = await analyseImport(db, refs, scope, upload.kind, readRows(upload.file, format, upload.fileName), {
      today,
      onProgress: (rows) => reportProgress(id, { phase: 'checking', rows }),
    });
    reportProgress(id, { phase: 'saving', rows: analysis.counts.rows });
    await db.transaction(async (tx) => {
      await repo.replaceBatchRows(tx, id, analysis.rows);
      await repo.finishAnalysis(tx, id, { status: 'previewed', counts: { ...analysis.counts, file_problems: analysis.fileProblems }, failure: null });
    });
  } catch (error) {
    const failure = error instanceof AppError ? error.message : `检查文件时出错：${(error as Error).message}`;
    await repo.finishAnalysis(db, id, { status: 'failed', counts: null, failure });
    if (!(error instanceof AppError)) throw error;
  }
}
