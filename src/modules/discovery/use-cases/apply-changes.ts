import type { Db } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { enterprisesChangedSince } from '../../registry/use-cases/evaluation-feed.ts';
import { readProfiles } from '../../registry/use-cases/read-profiles.ts';
import * as repo from '../repository.ts';
import { evaluateForRun, resultParams, tally, type ResultRow } from '../results.ts';

/**
 * Re-evaluates the enterprises changed since the latest completed run's watermark with that run's settings, rewrites
 * their rows and the run's counts, and moves the watermark on — all in one transaction. Returns how many it updated.
 */
export async function applyChanges(db: Db): Promise<number> {
  const [latest] = await repo.latestCompletedRuns(db, null, 1);
  if (!latest) return 0;
  const changed = await enterprisesChangedSince(db, latest.watermark);
  if (changed.length === 0) return 0;
  const standards = latest.standards as StandardId[];
  const settings = { runId: latest.id, asOf: latest.as_of, application: latest.application, standards };
  const codes = changed.map((row) => row.credit_code);
  const rows: ResultRow[] = [];
  // Read before the transaction: PGlite runs one statement at a time, so a read inside it would wait for itself.
  for await (const batch of readProfiles(db, systemScope(), { creditCodes: codes, batchSize: 2000 })) rows.push(...evaluateForRun(batch.profiles, settings).rows);
  const watermark = Math.max(...changed.map((row) => Number(row.change_set_id)));
  return db.transaction(async (tx) => {
    const run = await repo.lockRun(tx, latest.id);
    if (!run || run.watermark !== latest.watermark) return 0;
    const counts = run.counts;
    const previous = await repo.loadStatuses(tx, run.id, codes);
    tally(counts, standards, previous, -1);
    tally(counts, standards, rows, 1);
    await repo.upsertResults(tx, rows.map((row) => resultParams(run.id, row)));
    await repo.advanceWatermark(tx, run.id, watermark, counts, run.processed + rows.length - previous.length);
    return rows.length;
  });
}
