import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { applyTransition } from '../transitions.ts';
import { actingRole, viewerOf } from '../viewer.ts';

export const resolveObjectionBody = z.object({
  outcome: z.enum(['upheld', 'dismissed']).describe('upheld 异议成立（移出名单）；dismissed 异议不成立'),
  response: z.string().min(1).max(4000).describe('核查结论与答复'),
});
export type ResolveObjectionBody = z.infer<typeof resolveObjectionBody>;

/** Answers an objection; an upheld one strikes the application from the list. */
export async function resolveObjection(db: Db, principal: Principal, actor: Actor, objectionId: number, body: ResolveObjectionBody) {
  return db.transaction(async (tx) => {
    const objection = await repo.findObjection(tx, objectionId);
    const application = objection ? await repo.findApplication(tx, viewerOf(principal), objection.application_id, { forUpdate: true }) : null;
    if (!objection || !application) throw new AppError('NOT_FOUND', `异议 ${objectionId} 不存在`);
    if (objection.status !== 'open') throw new AppError('CONFLICT', '该异议已处理');
    const role = actingRole(principal, ['city_admin', 'city_officer'], application)!;
    await repo.resolveObjection(tx, objectionId, body.outcome, body.response, actor.id);
    await writeAudit(tx, actor, { action: 'workflow.objection.resolve', objectType: 'application', objectId: String(application.id), summary: { objection_id: objectionId, ...body } });
    if (body.outcome === 'upheld') {
      await applyTransition(tx, application, 'strike', { actor, role }, { version: application.version, reason: `异议成立：${body.response}` });
    }
    return { ok: true, state: application.state };
  });
}
