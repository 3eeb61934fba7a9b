import type { RunCounts } from '../results.ts';

/** A discovery run executes as chunk jobs on the job queue: credit-code ranges any worker may claim. */
export const CHUNK_JOB = 'discovery.chunk';

export const runGroup = (runId: number) => `discovery.run:${runId}`;

/** The enterprises after `after` up to and including `up_to` (null: from the start, to the end). */
export interface ChunkPayload {
  run_id: number;
  after: string | null;
  up_to: string | null;
}

/** Committed with each batch of the chunk's results, so a chunk claimed again resumes after `last_credit_code`. */
export interface ChunkProgress {
  processed: number;
  counts: RunCounts;
  rule_versions: Record<string, string[]>;
  last_credit_code: string | null;
}
