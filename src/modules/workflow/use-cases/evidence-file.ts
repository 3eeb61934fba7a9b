import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { EDITABLE_STATES, STATES } from '../state-machine.ts';
import { actingRole, viewerOf } from '../viewer.ts';

/** The bytes of one evidence file, for anyone who may see its application. */
export async function readEvidence(db: Db, principal: Principal, id: number) {
  const file = await repo.evidenceContent(db, viewerOf(principal), id);
  if (!file) throw new AppError('NOT_FOUND', `材料 ${id} 不存在或不在您的权限范围内`);
  return { ...file, content: Buffer.from(file.content) };
}

/** The enterprise removes a file while it may still change its application. */
export async function removeEvidence(db: Db, principal: Principal, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const file = await repo.evidenceContent(tx, viewerOf(principal), id);
    if (!file) throw new AppError('NOT_FOUND', `材料 ${id} 不存在或不在您的权限范围内`);
    const application = (await repo.findApplication(tx, viewerOf(principal), file.application_id, { forUpdate: true }))!;
    if (!actingRole(principal, ['enterprise_user'], application)) throw new AppError('FORBIDDEN', '只有申报企业可以删除材料');
    if (!EDITABLE_STATES.includes(application.state)) throw new AppError('TRANSITION_NOT_ALLOWED', `申报处于“${STATES[application.state]}”状态，不能再修改材料`);
    await repo.deleteEvidence(tx, id);
    await writeAudit(tx, actor, { action: 'workflow.evidence.remove', objectType: 'application', objectId: String(application.id), summary: { evidence_id: id, file_name: file.file_name, sha256: file.sha256 } });
    return { ok: true };
  });
}
