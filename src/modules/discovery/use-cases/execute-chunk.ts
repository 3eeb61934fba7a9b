import { bulkLoad } from '../../../platform/bulk.ts';
import type { Db } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { completeJob, jobsOfGroup, recordJobProgress, type Job } from '../../jobs/queue.ts';
import { readProfileText, type ProfileText } from '../../registry/profile-stream.ts';
import * as repo from '../repository.ts';
import { emptyCounts, evaluateForRun, RESULT_COLUMNS, resultLine, tally, type ResultRow, type RunCounts, type RunSettings } from '../results.ts';
import { runGroup, type ChunkPayload, type ChunkProgress } from './chunks.types.ts';

export interface ChunkOptions {
  /** Enterprises read and written per transaction. */
  batchSize: number;
  /** Asked before each batch; true stops the chunk where it is (its committed progress stays for whoever resumes it). */
  shouldStop?: () => boolean;
  /** After each committed batch, with the number of enterprises it held. */
  onBatch?: (count: number) => void;
}

export type ChunkOutcome = 'done' | 'stopped' | 'taken_over';

/** Lets timers and requests run between slices of CPU work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Evaluates a batch in slices, so it never holds the event loop for long; each slice's profiles are made from the
 * batch as read just before they are evaluated and are garbage right after (short-lived objects cost the collector
 * little; a whole batch of profiles kept alive would be copied and promoted).
 */
async function evaluateInSlices(text: ProfileText, settings: RunSettings) {
  const slice = 1000;
  const rows: ResultRow[] = [];
  const versions = new Map<string, Set<string>>();
  while (!text.done) {
    const part = evaluateForRun(text.take(slice), settings);
    for (const row of part.rows) rows.push(row);
    for (const [standard, seen] of part.versions) {
      const all = versions.get(standard) ?? new Set<string>();
      for (const version of seen) all.add(version);
      versions.set(standard, all);
    }
    if (!text.done) await breathe();
  }
  return { rows, versions };
}

/** A chunk's batches in credit-code order after `after`, as read (see readProfileText). */
async function* chunkBatches(db: Db, batchSize: number, after: string | null, upTo: string | null): AsyncGenerator<ProfileText> {
  for (;;) {
    const text = await readProfileText(db, systemScope(), { batchSize, after, upTo });
    if (text === null) return;
    yield text;
    if (text.count < batchSize) return;
    after = text.last;
  }
}

function addVersions(into: Record<string, string[]>, seen: Map<string, Set<string>> | Record<string, string[]>): void {
  const entries = seen instanceof Map ? [...seen].map(([id, versions]) => [id, [...versions]] as const) : Object.entries(seen);
  for (const [id, versions] of entries) into[id] = [...new Set([...(into[id] ?? []), ...versions])].sort();
}

class ChunkTakenOver extends Error {}

/**
 * Executes (or resumes) one claimed chunk of a run: reads its credit-code range after the last committed code,
 * evaluates, and writes each batch's results with the chunk's progress and the run's count in one transaction.
 * The chunk that completes last completes the run.
 */
export async function executeChunk(db: Db, job: Job, owner: string, options: ChunkOptions): Promise<{ outcome: ChunkOutcome; runCompleted: boolean }> {
  const payload = job.payload as unknown as ChunkPayload;
  const run = await repo.getRun(db, payload.run_id);
  if (!run || run.status === 'failed' || run.status === 'completed') {
    await completeJob(db, job.id, owner, undefined);
    return { outcome: 'done', runCompleted: false };
  }
  await repo.markRunStarted(db, run.id);
  const standards = run.standards as StandardId[];
  const settings: RunSettings = { runId: run.id, asOf: run.as_of, application: run.application, standards };
  const progress: ChunkProgress = (job.progress as ChunkProgress | null) ?? { processed: 0, counts: emptyCounts(standards), rule_versions: {}, last_credit_code: null };

  /** One batch's rows, the run's count and the chunk's progress as it stands after the batch, in one transaction. */
  const commit = (lines: string[], count: number, snapshot: ChunkProgress): Promise<boolean> =>
    bulkLoad(db, async (copy, query) => {
      await copy('discovery.result', RESULT_COLUMNS, lines);
      await repo.addProcessed({ query }, run.id, count);
      if (!(await recordJobProgress({ query }, job.id, owner, snapshot))) throw new ChunkTakenOver();
    }).then(
      () => {
        options.onBatch?.(count);
        return true;
      },
      (error: unknown) => {
        if (error instanceof ChunkTakenOver) return false;
        throw error;
      },
    );

  // Three batches overlap: the next is read and the previous committed while this one is evaluated. Commits stay in
  // order, each after the one before it, so the committed progress always matches the committed rows.
  const batches = chunkBatches(db, options.batchSize, progress.last_credit_code ?? payload.after, payload.up_to);
  let next = batches.next();
  let committing: Promise<boolean> = Promise.resolve(true);
  try {
    for (;;) {
      if (options.shouldStop?.()) return { outcome: (await committing) ? 'stopped' : 'taken_over', runCompleted: false };
      const step = await next;
      if (step.done) break;
      next = batches.next();
      const batch = step.value;
      const { rows, versions } = await evaluateInSlices(batch, settings);
      tally(progress.counts, standards, rows, 1);
      addVersions(progress.rule_versions, versions);
      progress.processed += rows.length;
      progress.last_credit_code = batch.last;
      const lines = rows.map((row) => resultLine(run.id, row));
      if (!(await committing)) return { outcome: 'taken_over', runCompleted: false };
      committing = commit(lines, rows.length, structuredClone(progress));
      // Handled here so a failure while the next batch is evaluated is not an unhandled rejection; awaited below.
      committing.catch(() => undefined);
      await breathe();
    }
    if (!(await committing)) return { outcome: 'taken_over', runCompleted: false };
  } finally {
    // Pending reads and writes must settle before the caller closes the store.
    await committing.catch(() => undefined);
    await next.catch(() => undefined);
    await batches.return?.(undefined);
  }
  return db.transaction(async (tx) => {
    // The run's row lock orders the last chunks' completions: exactly one of them sees every chunk done.
    await repo.lockRun(tx, run.id);
    if (!(await completeJob(tx, job.id, owner, progress))) return { outcome: 'taken_over' as const, runCompleted: false };
    const chunks = await jobsOfGroup<ChunkPayload, ChunkProgress>(tx, runGroup(run.id));
    if (chunks.some((chunk) => chunk.status !== 'done')) return { outcome: 'done' as const, runCompleted: false };
    const counts: RunCounts = emptyCounts(standards);
    const ruleVersions: Record<string, string[]> = {};
    let processed = 0;
    for (const chunk of chunks) {
      const done = chunk.progress;
      if (!done) continue;
      processed += done.processed;
      for (const id of standards) for (const status of Object.keys(counts[id]) as (keyof RunCounts[string])[]) counts[id][status] += done.counts[id][status];
      addVersions(ruleVersions, done.rule_versions);
    }
    await repo.completeRun(tx, run.id, { processed, counts, ruleVersions });
    return { outcome: 'done' as const, runCompleted: true };
  });
}
