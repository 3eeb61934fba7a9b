import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { workingDayPeriodEnd } from '../calendar.ts';
import * as repo from '../repository.ts';
import { applyTransition } from '../transitions.ts';
import { actingRole } from '../viewer.ts';
import { isoDate } from './batches.types.ts';

export const startPublicityBody = z.object({ start_date: isoDate.describe('公示开始日期（公示在门户网站发布之日）') });
export type StartPublicityBody = z.infer<typeof startPublicityBody>;

/** Puts every approved application of the batch on the publicity list for the batch's number of working days. */
export async function startPublicity(db: Db, principal: Principal, actor: Actor, batchId: number, body: StartPublicityBody) {
  return db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, batchId, { forUpdate: true });
    if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${batchId} 不存在`);
    if (batch.publicity_start) throw new AppError('CONFLICT', `“${batch.title}”已于 ${batch.publicity_start} 开始公示`);
    const approved = await repo.applicationsOfBatch(tx, batchId, ['approved']);
    if (approved.length === 0) throw new AppError('TRANSITION_NOT_ALLOWED', '本批次没有拟认定的申报，无需公示');
    const end = workingDayPeriodEnd(body.start_date, batch.publicity_working_days);
    await repo.setPublicity(tx, batchId, body.start_date, end);
    for (const application of approved) {
      const role = actingRole(principal, ['city_admin', 'city_officer'], application)!;
      await applyTransition(tx, application, 'publicize', { actor, role }, { version: application.version, reason: `公示期 ${body.start_date} 至 ${end}` });
    }
    await writeAudit(tx, actor, { action: 'workflow.batch.publicity', objectType: 'batch', objectId: String(batchId), summary: { start: body.start_date, end, applications: approved.length } });
    return { publicity_start: body.start_date, publicity_end: end, applications: approved.length };
  });
}
