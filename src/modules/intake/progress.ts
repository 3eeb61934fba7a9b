/**
 * How far the analysis of each batch has got, kept in this process: the page polls it while the file is checked.
 * Another API process answers from the batch's stored status alone.
 */
export interface Progress {
  phase: 'reading' | 'checking' | 'saving';
  rows: number;
}

const running = new Map<number, Progress>();

export const progressOf = (batchId: number): Progress | null => running.get(batchId) ?? null;
export const reportProgress = (batchId: number, progress: Progress) => running.set(batchId, progress);
export const endProgress = (batchId: number) => running.delete(batchId);
