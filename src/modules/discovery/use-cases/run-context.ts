import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { StandardId } from '../../../standards/index.ts';
import * as repo from '../repository.ts';

/** The completed run a discovery page reads: the one asked for, or the newest. */
export async function completedRun(db: Db, id?: number): Promise<repo.RunRow> {
  const run = id ? await repo.getRun(db, id) : (await repo.latestCompletedRuns(db, null, 1))[0];
  if (!run) throw new AppError('NO_COMPLETED_RUN', id ? `未找到编号为 ${id} 的评价批次` : '尚无已完成的评价批次，请先发起一次全库评价');
  if (run.status !== 'completed') throw new AppError('NO_COMPLETED_RUN', `评价批次 ${run.id} 尚未完成`);
  return run;
}

/** 1-based position of a standard in a run's arrays. */
export function indexOf(run: repo.RunRow, standard: StandardId): number {
  const k = run.standards.indexOf(standard) + 1;
  if (k === 0) throw new AppError('VALIDATION_FAILED', `评价批次 ${run.id} 未评价该标准：${standard}`);
  return k;
}

export const runRef = (run: repo.RunRow) => ({ id: run.id, as_of: run.as_of, application: run.application });
