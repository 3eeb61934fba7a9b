import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import * as repo from '../repository.ts';
import { runView } from './run-view.ts';
import type { RunView } from './runs.types.ts';

/** Run history, newest first, with progress. */
export async function listRuns(db: Db, scope: Scope, limit = 20): Promise<{ items: RunView[] }> {
  return { items: (await repo.listRuns(db, limit)).map((row) => forScope(runView(row), scope)) };
}

export async function getRun(db: Db, scope: Scope, id: number): Promise<RunView> {
  const row = await repo.getRun(db, id);
  if (!row) throw new AppError('NOT_FOUND', `未找到编号为 ${id} 的评价批次`);
  return forScope(runView(row), scope);
}

/** City-wide counts are for city officers; a district sees its own figures in the funnel. */
const forScope = (view: RunView, scope: Scope): RunView => (scope.all ? view : { ...view, standards: null });
