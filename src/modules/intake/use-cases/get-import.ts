import type { Queryable } from '../../../platform/db.ts';
import * as repo from '../repository.ts';
import type { BatchDetail } from './imports.types.ts';
import { batchSummaries, visibleBatch, type Viewer } from './list-imports.ts';

/** One batch with a page of its rows (rejected first is the page's choice through `outcome`). */
export async function getImport(q: Queryable, viewer: Viewer, id: number, page: { outcome?: string; limit: number; offset: number }): Promise<BatchDetail> {
  const batch = await visibleBatch(q, viewer, id);
  const [summary] = await batchSummaries(q, [batch]);
  const rows = await repo.batchRows(q, id, page);
  return {
    ...summary,
    rows: rows.map((row) => ({ sheet: row.sheet, row: row.row_number, credit_code: row.credit_code, outcome: row.outcome, problems: row.problems, changes: row.changes })),
  };
}
