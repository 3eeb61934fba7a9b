import type { Actor } from '../../../platform/audit.ts';
import type { ImportSource } from './commit-import.ts';

/** The heavy steps of an import run as jobs on the queue (src/modules/jobs), claimed by whichever process runs jobs. */
export const ANALYSE_JOB = 'intake.analyse';
export const COMMIT_JOB = 'intake.commit';
export const IMPORT_JOB_KINDS = [ANALYSE_JOB, COMMIT_JOB] as const;

/** The jobs of one batch (its analysis, then its commit) share a group; the newest describes where the batch stands. */
export const batchGroup = (batchId: number) => `intake.batch:${batchId}`;

/**
 * Who asked and for what. The worker acts as `actor` (change sets, audit log) within the scope that user's grants
 * give at the time the job runs (identity rebuilds it; a disabled account stops the job).
 */
export interface ImportJobPayload {
  batch_id: number;
  username: string;
  actor: Actor;
  /** The day the rows are checked against (dates in the future are rejected). */
  today: string;
  /** Commit only: an enterprise user speaking for itself declares its own figures. */
  source?: ImportSource;
}

/** What the page polls while a job works on the batch: rows done so far, and the total when it is known. */
export interface ImportProgress {
  phase: 'queued' | 'reading' | 'checking' | 'saving' | 'writing';
  rows: number;
  total: number | null;
}
