import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { STATES } from '../state-machine.ts';
import { applicationLink, districtAudience, enterpriseAudience, notify } from '../transitions.ts';
import { viewerOf } from '../viewer.ts';
import { isoDate } from './batches.types.ts';

export const objectionBody = z.object({
  received_on: isoDate.describe('收到异议的日期'),
  objector: z.string().min(1).max(200).describe('异议人（可为实名单位或个人；匿名时写“匿名”）'),
  content: z.string().min(1).max(4000).describe('异议内容'),
});
export type ObjectionBody = z.infer<typeof objectionBody>;

/** An objection received during publicity; the final list waits until every objection is resolved. */
export async function recordObjection(db: Db, principal: Principal, actor: Actor, id: number, body: ObjectionBody) {
  return db.transaction(async (tx) => {
    const application = await repo.findApplication(tx, viewerOf(principal), id, { forUpdate: true });
    if (!application) throw new AppError('NOT_FOUND', `申报 ${id} 不存在或不在您的权限范围内`);
    if (application.state !== 'in_publicity') throw new AppError('TRANSITION_NOT_ALLOWED', `申报处于“${STATES[application.state]}”状态，只有公示中的申报可以登记异议`);
    const objectionId = await repo.insertObjection(tx, { application_id: id, ...body, recorded_by: actor.id });
    await writeAudit(tx, actor, { action: 'workflow.objection.record', objectType: 'application', objectId: String(id), summary: { objection_id: objectionId, ...body } });
    const text = `“${application.enterprise_name}”在公示期内收到异议，请配合核实`;
    await notify(tx, enterpriseAudience(application.credit_code), '公示异议', text, applicationLink(id));
    await notify(tx, districtAudience(application.district_code), '公示异议', text, applicationLink(id));
    return { id: objectionId };
  });
}
