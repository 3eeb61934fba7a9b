import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { actingRole, viewerOf } from '../viewer.ts';
import { isoDate } from './batches.types.ts';

export const spotCheckBody = z.object({
  checked_on: isoDate.describe('抽查日期'),
  inspectors: z.string().min(1).max(200).describe('抽查人员'),
  findings: z.string().min(1).max(4000).describe('核查情况'),
  consistent: z.boolean().describe('申报材料与实际情况是否一致'),
});
export type SpotCheckBody = z.infer<typeof spotCheckBody>;

/** A 实地抽查 record on a submitted application, by the city or the applicant's district. */
export async function recordSpotCheck(db: Db, principal: Principal, actor: Actor, id: number, body: SpotCheckBody) {
  return db.transaction(async (tx) => {
    const application = await repo.findApplication(tx, viewerOf(principal), id, { forUpdate: true });
    if (!application) throw new AppError('NOT_FOUND', `申报 ${id} 不存在或不在您的权限范围内`);
    if (!actingRole(principal, ['city_admin', 'city_officer', 'district_officer'], application)) throw new AppError('FORBIDDEN', '您无权记录该申报的实地抽查');
    if (!application.snapshot) throw new AppError('TRANSITION_NOT_ALLOWED', '申报尚未提交，不能记录抽查');
    const checkId = await repo.insertSpotCheck(tx, id, { ...body, recorded_by: actor.id });
    await writeAudit(tx, actor, { action: 'workflow.application.spot_check', objectType: 'application', objectId: String(id), summary: body });
    return { id: checkId };
  });
}
