import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';

export const declareConflictBody = z.object({
  credit_code: z.string().min(1).max(40).describe('存在利益关系的企业'),
  reason: z.string().min(1).max(200).describe('利益关系说明（任职、持股、亲属、近三年咨询服务等）'),
});
export type DeclareConflictBody = z.infer<typeof declareConflictBody>;

/** An expert declares a conflict of interest; later assignments exclude the enterprise (existing ones are for the city to redo). */
export async function declareConflict(db: Db, principal: Principal, actor: Actor, body: DeclareConflictBody) {
  return db.transaction(async (tx) => {
    const expert = await repo.findExpertByUsername(tx, principal.username);
    if (!expert) throw new AppError('NOT_FOUND', '您尚未列入专家库，请联系市经济信息委');
    await repo.insertConflict(tx, expert.id, body.credit_code, body.reason);
    await writeAudit(tx, actor, { action: 'workflow.expert.conflict', objectType: 'expert', objectId: String(expert.id), summary: body });
    return { ok: true };
  });
}
