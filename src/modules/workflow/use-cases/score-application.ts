import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { CITY_AUDIENCE, notify } from '../transitions.ts';
import { STATES } from '../state-machine.ts';

export const scoreBody = z.object({
  score: z.number().min(0).max(100).describe('评分（0–100）'),
  recommend: z.boolean().describe('是否推荐认定'),
  opinion: z.string().min(1).max(2000).describe('评审意见'),
});
export type ScoreBody = z.infer<typeof scoreBody>;

/** An assigned expert's own score: given once, without seeing the others'. */
export async function scoreApplication(db: Db, principal: Principal, actor: Actor, id: number, body: ScoreBody) {
  return db.transaction(async (tx) => {
    const expert = await repo.findExpertByUsername(tx, principal.username);
    const application = expert ? await repo.findApplication(tx, { scope: principal.scope, expertUsername: principal.username }, id, { forUpdate: true }) : null;
    const assigned = application ? (await repo.reviewsOf(tx, id)).find((review) => review.expert_id === expert!.id) : undefined;
    if (!application || !assigned) throw new AppError('NOT_FOUND', `申报 ${id} 未分配给您评审`);
    if (application.state !== 'city_review') throw new AppError('TRANSITION_NOT_ALLOWED', `申报处于“${STATES[application.state]}”状态，不能评分`);
    if (!(await repo.insertScore(tx, { application_id: id, expert_id: expert!.id, score: body.score, recommend: body.recommend, opinion: body.opinion }))) {
      throw new AppError('CONFLICT', '您已提交过评分，评分提交后不能修改');
    }
    await writeAudit(tx, actor, { action: 'workflow.application.score', objectType: 'application', objectId: String(id), summary: { expert_id: expert!.id, ...body } });
    const remaining = (await repo.reviewsOf(tx, id)).filter((review) => review.score === null).length;
    if (remaining === 0) await notify(tx, CITY_AUDIENCE, '专家评分已齐', `“${application.enterprise_name}”的申报已完成全部专家评分，待市级审定`, `/recognition/applications/${id}`);
    return { ok: true, remaining };
  });
}
