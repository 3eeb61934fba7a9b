import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { STANDARD_IDS } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import { runnerSettings } from '../runner.ts';
import { planRun } from './plan-run.ts';
import { runView } from './run-view.ts';
import type { RunView, StartRunBody } from './runs.types.ts';

/**
 * Queues a run of the whole registry as chunk jobs that workers (or the server's own runner) pick up. Refused while
 * another run is queued or running (except from the command line, which executes its run itself), and for a day whose
 * scheduled run exists already.
 */
export async function startRun(
  db: Db,
  actor: Actor,
  body: StartRunBody,
  trigger: repo.RunTrigger,
  options: { chunkSize?: number; scheduledFor?: string } = {},
): Promise<{ run: repo.RunRow; view: RunView }> {
  return db.transaction(async (tx) => {
    if (trigger !== 'cli' && (await repo.pendingRunExists(tx))) {
      throw new AppError('RUN_IN_PROGRESS', '已有评价批次在排队或运行中，请待其完成后再发起');
    }
    const created = await repo.insertRun(tx, { asOf: body.as_of, application: body.application, trigger, requestedBy: actor.id, standards: STANDARD_IDS, scheduledFor: options.scheduledFor });
    if (!created) throw new AppError('CONFLICT', '评价批次未能创建，请重试');
    const chunks = await planRun(tx, created.id, options.chunkSize ?? runnerSettings(db.kind).chunkSize);
    const run = (await repo.getRun(tx, created.id))!;
    await writeAudit(tx, actor, { action: 'discovery.run.start', objectType: 'discovery_run', objectId: String(run.id), summary: { as_of: body.as_of, application: body.application, trigger, chunks } });
    return { run, view: runView(run) };
  });
}
