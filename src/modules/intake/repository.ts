import type { Queryable } from '../../platform/db.ts';
import type { Counts, RowResult } from './analyse.ts';
import type { FileFormat } from './read-file.ts';
import type { ImportKind } from './sheets.ts';

/** The intake slice's only SQL. */

export type BatchStatus = 'analysing' | 'previewed' | 'committing' | 'committed' | 'undone' | 'failed';

export interface BatchRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  file_format: FileFormat;
  status: BatchStatus;
  actor: string;
  actor_role: string | null;
  counts: (Counts & { file_problems?: unknown[] }) | null;
  failure: string | null;
  created_at: Date;
  committed_at: Date | null;
  committed_by: string | null;
  undone_at: Date | null;
  undone_by: string | null;
}

const BATCH_COLUMNS = 'id, kind, file_name, file_format, status, actor, actor_role, counts, failure, created_at, committed_at, committed_by, undone_at, undone_by';

export async function insertBatch(
  q: Queryable,
  input: { kind: ImportKind; fileName: string; format: FileFormat; file: Buffer; actor: string; actorRole: string | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into intake.batch (kind, file_name, file_format, file, status, actor, actor_role) values ($1, $2, $3, $4, 'analysing', $5, $6) returning id`,
    [input.kind, input.fileName, input.format, input.file, input.actor, input.actorRole],
  );
  return Number(row.id);
}

export async function loadBatch(q: Queryable, id: number, options: { forUpdate?: boolean } = {}): Promise<BatchRow | null> {
  const [row] = await q.query<BatchRow>(`select ${BATCH_COLUMNS} from intake.batch where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function loadBatchFile(q: Queryable, id: number): Promise<Buffer> {
  const [row] = await q.query<{ file: Uint8Array }>(`select file from intake.batch where id = $1`, [id]);
  return Buffer.from(row.file);
}

/** Newest first; `actor` limits the list to one person's batches. */
export async function listBatches(q: Queryable, options: { actor: string | null; limit: number }): Promise<BatchRow[]> {
  const rows = await q.query<BatchRow>(
    `select ${BATCH_COLUMNS} from intake.batch where ($1::text is null or actor = $1) order by id desc limit $2`,
    [options.actor, options.limit],
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** False when the batch was no longer being analysed. */
export async function finishAnalysis(q: Queryable, id: number, result: { status: 'previewed' | 'failed'; counts: unknown; failure: string | null }): Promise<boolean> {
  const rows = await q.query(`update intake.batch set status = $2, counts = $3, failure = $4 where id = $1 and status = 'analysing' returning id`, [
    id,
    result.status,
    JSON.stringify(result.counts),
    result.failure,
  ]);
  return rows.length === 1;
}

/** A previewed batch whose commit was asked for and queued. */
export async function markCommitting(q: Queryable, id: number): Promise<void> {
  await q.query(`update intake.batch set status = 'committing', failure = null where id = $1`, [id]);
}

/** A commit that will not be tried again: nothing of the batch was written. False when the batch was not committing. */
export async function markCommitFailed(q: Queryable, id: number, failure: string): Promise<boolean> {
  const rows = await q.query(`update intake.batch set status = 'failed', failure = $2 where id = $1 and status = 'committing' returning id`, [id, failure]);
  return rows.length === 1;
}

export async function markCommitted(q: Queryable, id: number, actor: string, counts: unknown): Promise<void> {
  await q.query(`update intake.batch set status = 'committed', counts = $3, committed_at = now(), committed_by = $2 where id = $1`, [id, actor, JSON.stringify(counts)]);
}

export async function markUndone(q: Queryable, id: number, actor: string): Promise<void> {
  await q.query(`update intake.batch set status = 'undone', undone_at = now(), undone_by = $2 where id = $1`, [id, actor]);
}

const ROW_CHUNK = 5000;

export async function replaceBatchRows(q: Queryable, id: number, rows: readonly RowResult[]): Promise<void> {
  await q.query(`delete from intake.batch_row where batch_id = $1`, [id]);
  for (let start = 0; start < rows.length; start += ROW_CHUNK) {
    const chunk = rows.slice(start, start + ROW_CHUNK);
    await q.query(
      `insert into intake.batch_row (batch_id, sheet, row_number, credit_code, outcome, problems, changes)
       select $1, sheet, row_number, credit_code, outcome, problems, changes
       from unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[]) as r(sheet, row_number, credit_code, outcome, problems, changes)`,
      [
        id,
        chunk.map((row) => row.sheet),
        chunk.map((row) => row.row),
        chunk.map((row) => row.credit_code),
        chunk.map((row) => row.outcome),
        chunk.map((row) => JSON.stringify(row.problems)),
        chunk.map((row) => JSON.stringify(row.changes)),
      ],
    );
  }
}

export interface StoredRow {
  sheet: string;
  row_number: number;
  credit_code: string | null;
  outcome: RowResult['outcome'];
  problems: RowResult['problems'];
  changes: RowResult['changes'];
}

export async function batchRows(q: Queryable, id: number, options: { outcome?: string; limit: number; offset: number }): Promise<StoredRow[]> {
  return q.query<StoredRow>(
    `select sheet, row_number, credit_code, outcome, problems, changes from intake.batch_row
     where batch_id = $1 and ($2::text is null or outcome = $2)
     order by sheet, row_number limit $3 offset $4`,
    [id, options.outcome ?? null, options.limit, options.offset],
  );
}

/** Rows with something to say (rejected or warned), for annotating the uploaded file. */
export async function rowsWithProblems(q: Queryable, id: number): Promise<StoredRow[]> {
  return q.query<StoredRow>(
    `select sheet, row_number, credit_code, outcome, problems, changes from intake.batch_row
     where batch_id = $1 and jsonb_array_length(problems) > 0 order by sheet, row_number`,
    [id],
  );
}

export interface BatchChange {
  credit_code: string;
  change_set_id: number;
  created: boolean;
}

export async function insertBatchChanges(q: Queryable, id: number, changes: readonly BatchChange[]): Promise<void> {
  for (let start = 0; start < changes.length; start += ROW_CHUNK) {
    const chunk = changes.slice(start, start + ROW_CHUNK);
    await q.query(
      `insert into intake.batch_change (batch_id, credit_code, change_set_id, created)
       select $1, credit_code, change_set_id, created from unnest($2::text[], $3::bigint[], $4::boolean[]) as c(credit_code, change_set_id, created)`,
      [id, chunk.map((c) => c.credit_code), chunk.map((c) => c.change_set_id), chunk.map((c) => c.created)],
    );
  }
}

export async function batchChanges(q: Queryable, id: number): Promise<BatchChange[]> {
  const rows = await q.query<BatchChange>(`select credit_code, change_set_id, created from intake.batch_change where batch_id = $1 order by change_set_id desc`, [id]);
  return rows.map((row) => ({ ...row, change_set_id: Number(row.change_set_id) }));
}
