import { writeAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { detectFormat, type FileFormat } from '../read-file.ts';
import * as repo from '../repository.ts';
import type { ImportKind } from '../sheets.ts';
import { ANALYSE_JOB, batchGroup, type ImportJobPayload } from './import-jobs.types.ts';
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
 * Keeps the uploaded file as a batch and queues its dry run — every row checked against the registry, nothing
 * written to it — in the same transaction, with the upload's audit record. A worker executes the analysis
 * (`analyseBatch`); the page polls the batch meanwhile. `username` is the signed-in user the worker acts for.
 */
export async function startImport(db: Db, viewer: Viewer, username: string, upload: UploadedFile, today: string = todayIso()): Promise<{ id: number }> {
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
    const payload: ImportJobPayload = { batch_id: batchId, username, actor: viewer.actor, today };
    await enqueueJobs(tx, [{ kind: ANALYSE_JOB, group: batchGroup(batchId), payload }]);
    await writeAudit(tx, viewer.actor, {
      action: 'intake.import.upload',
      objectType: 'import_batch',
      objectId: String(batchId),
      summary: { kind: upload.kind, file_name: upload.fileName, bytes: upload.file.length },
    });
    return batchId;
  });
  return { id };
}
