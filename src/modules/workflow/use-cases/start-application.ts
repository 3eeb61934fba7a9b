import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import * as repo from '../repository.ts';
import { refuseIfBarred } from '../self-assessment.ts';
import { ownEnterprisesOf } from '../viewer.ts';
import { batchPhase } from './list-batches.ts';

export const startApplicationBody = z.object({
  batch_id: z.number().int().positive(),
  credit_code: z.string().min(1).max(40).optional().describe('账号绑定多家企业时必填'),
});
export type StartApplicationBody = z.infer<typeof startApplicationBody>;

/** An enterprise user opens a draft application in a batch whose window is open, from its registry profile. */
export async function startApplication(db: Db, principal: Principal, actor: Actor, body: StartApplicationBody, today: string): Promise<{ id: number }> {
  const own = ownEnterprisesOf(principal);
  const creditCode = body.credit_code ?? (own.length === 1 ? own[0] : undefined);
  if (!creditCode || !own.includes(creditCode)) throw new AppError('FORBIDDEN', '只能以本账号绑定的企业申报');
  return db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, body.batch_id);
    if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${body.batch_id} 不存在`);
    if (batchPhase(batch, today) !== 'open') {
      throw new AppError('APPLICATION_WINDOW_CLOSED', `“${batch.title}”的申报时间为 ${batch.window_start} 至 ${batch.window_end}，当前不在申报期内`);
    }
    const profile = await getProfile(tx, principal.scope, creditCode);
    refuseIfBarred(profile, today);
    if (typeof profile.district_code !== 'string') throw new AppError('VALIDATION_FAILED', '请先在企业画像中填写所在区县，再申报');
    if (batch.kind === 're_review') {
      const holds = ((profile.qualifications ?? []) as { title?: string | null }[]).some((q) => q.title === batch.standard);
      if (!holds) throw new AppError('VALIDATION_FAILED', `复核批次仅限已获${STANDARD_NAMES[batch.standard as StandardId]}称号的企业申报`);
    }
    const id = await repo.insertApplication(tx, {
      batch_id: batch.id,
      credit_code: creditCode,
      district_code: profile.district_code,
      enterprise_name: String(profile.name ?? creditCode),
      created_by: actor.id,
    });
    if (id === null) throw new AppError('CONFLICT', `本企业在“${batch.title}”已有申报，请在原申报中继续`);
    await writeAudit(tx, actor, { action: 'workflow.application.create', objectType: 'application', objectId: String(id), summary: { batch_id: batch.id, credit_code: creditCode } });
    return { id };
  });
}
