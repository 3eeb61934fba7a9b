import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { STANDARD_IDS } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import { runView } from './run-view.ts';
import type { RunView, StartRunBody } from './runs.types.ts';

/**
 * Queues a run of the whole registry (the runner picks it up), or creates it already owned by `owner` when the caller
 * executes it itself (the command line). Refused while another run is queued or running.
 */
export async function startRun(db: Db, actor: Actor, body: StartRunBody, trigger: repo.RunTrigger, owner?: string): Promise<{ run: repo.RunRow; view: RunView }> {
  return db.transaction(async (tx) => {
    if (trigger !== 'cli' && (await repo.pendingRunExists(tx))) {
      throw new AppError('RUN_IN_PROGRESS', '已有评价批次在排队或运行中，请待其完成后再发起');
    }
    const run = await repo.insertRun(tx, { asOf: body.as_of, application: body.application, trigger, requestedBy: actor.id, standards: STANDARD_IDS, owner });
    if (!run) throw new AppError('CONFLICT', '评价批次未能创建，请重试');
    await writeAudit(tx, actor, { action: 'discovery.run.start', objectType: 'discovery_run', objectId: String(run.id), summary: { as_of: body.as_of, application: body.application, trigger } });
    return { run, view: runView(run) };
  });
}
