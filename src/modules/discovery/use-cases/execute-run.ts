import { bulkLoad } from '../../../platform/bulk.ts';
import type { Db } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import { readProfiles } from '../../registry/use-cases/read-profiles.ts';
import { changeSetWatermark, countRegistered } from '../../registry/use-cases/evaluation-feed.ts';
import type { StandardId } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import { emptyCounts, evaluateForRun, RESULT_COLUMNS, resultLine, tally, type ResultRow, type RunCounts } from '../results.ts';

export interface RunProgress {
  runId: number;
  processed: number;
  total: number;
  startedAt: number;
}

export interface ExecuteOptions {
  /** Enterprises read and written per transaction. */
  batchSize: number;
  onProgress?: (progress: RunProgress) => void;
  /** Asked before each batch; true stops the run where it is (it stays `running` and is resumed later). */
  shouldStop?: () => boolean;
}

export type ExecuteOutcome = 'completed' | 'stopped' | 'taken_over';

/** Lets timers and requests run between slices of CPU work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Evaluates in slices so a batch never holds the event loop for long. */
async function evaluateInSlices(profiles: Parameters<typeof evaluateForRun>[0], settings: Parameters<typeof evaluateForRun>[1]) {
  const slice = 1000;
  const rows: ResultRow[] = [];
  const versions = new Map<string, Set<string>>();
  for (let start = 0; start < profiles.length; start += slice) {
    const part = evaluateForRun(profiles.slice(start, start + slice), settings);
    for (const row of part.rows) rows.push(row);
    for (const [standard, seen] of part.versions) {
      const all = versions.get(standard) ?? new Set<string>();
      for (const version of seen) all.add(version);
      versions.set(standard, all);
    }
    if (start + slice < profiles.length) await breathe();
  }
  return { rows, versions };
}

/**
 * Runs (or resumes) a claimed run: reads the registry after the last committed credit code, evaluates and writes each
 * batch with its progress in one transaction. The next batch is read while the current one is evaluated and written.
 */
export async function executeRun(db: Db, run: repo.RunRow, owner: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const standards = run.standards as StandardId[];
  const settings = { runId: run.id, asOf: run.as_of, application: run.application, standards };
  const counts: RunCounts = run.last_credit_code ? run.counts : emptyCounts(standards);
  const ruleVersions = new Map<string, Set<string>>(Object.entries(run.rule_versions ?? {}).map(([id, versions]) => [id, new Set(versions)]));
  let processed = run.last_credit_code ? run.processed : 0;
  let total = run.total ?? 0;
  if (!run.last_credit_code) {
    const watermark = await changeSetWatermark(db);
    total = await countRegistered(db);
    await repo.setRunScope(db, run.id, owner, total, watermark);
  }
  const startedAt = Date.now();
  options.onProgress?.({ runId: run.id, processed, total, startedAt });

  const batches = readProfiles(db, systemScope(), { batchSize: options.batchSize, after: run.last_credit_code })[Symbol.asyncIterator]();
  let next = batches.next();
  try {
    for (;;) {
      if (options.shouldStop?.()) return 'stopped';
      const step = await next;
      if (step.done) break;
      next = batches.next();
      const batch = step.value;
      const { rows, versions } = await evaluateInSlices(batch.profiles, settings);
      tally(counts, standards, rows, 1);
      for (const [standard, seen] of versions) {
        const all = ruleVersions.get(standard) ?? new Set<string>();
        for (const version of seen) all.add(version);
        ruleVersions.set(standard, all);
      }
      processed += rows.length;
      const lines = rows.map((row) => resultLine(run.id, row));
      let kept = true;
      await bulkLoad(db, async (copy, query) => {
        await copy('discovery.result', RESULT_COLUMNS, lines);
        kept = await repo.recordBatch({ query }, run.id, owner, {
          processed,
          counts,
          ruleVersions: Object.fromEntries([...ruleVersions].map(([id, seen]) => [id, [...seen].sort()])),
          lastCreditCode: batch.last,
        });
        if (!kept) throw new RunTakenOver();
      }).catch((error: unknown) => {
        if (!(error instanceof RunTakenOver)) throw error;
      });
      if (!kept) return 'taken_over';
      options.onProgress?.({ runId: run.id, processed, total: Math.max(total, processed), startedAt });
      await breathe();
    }
  } finally {
    // A pending read must settle before the caller closes the store.
    await next.catch(() => undefined);
    await batches.return?.(undefined);
  }
  await repo.finishRun(db, run.id, owner);
  return 'completed';
}

class RunTakenOver extends Error {}
