import type { Queryable } from '../../../platform/db.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { changeSetWatermark, chunkBoundaries, countRegistered } from '../../registry/use-cases/evaluation-feed.ts';
import * as repo from '../repository.ts';
import { CHUNK_JOB, runGroup, type ChunkPayload } from './chunks.types.ts';

/**
 * Fixes what a new run will evaluate (the registry's size and change-set watermark now) and queues it as chunk jobs
 * of about `chunkSize` enterprises each, in the transaction that created the run.
 */
export async function planRun(tx: Queryable, runId: number, chunkSize: number): Promise<number> {
  const watermark = await changeSetWatermark(tx);
  const total = await countRegistered(tx);
  await repo.setRunScope(tx, runId, total, watermark);
  const ends: (string | null)[] = [...(await chunkBoundaries(tx, chunkSize)), null];
  const chunks: ChunkPayload[] = ends.map((upTo, i) => ({ run_id: runId, after: i === 0 ? null : ends[i - 1], up_to: upTo }));
  await enqueueJobs(tx, chunks.map((payload) => ({ kind: CHUNK_JOB, group: runGroup(runId), payload })));
  return chunks.length;
}
