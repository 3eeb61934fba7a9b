import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { assignExperts as planAssignments, cryptoRandom, type RandomIndex } from '../expert-draw.ts';
import * as repo from '../repository.ts';
import { notify, userAudience } from '../transitions.ts';

export const assignExpertsBody = z.object({ per_application: z.number().int().min(1).max(15).describe('每份申报的评审专家人数') });
export type AssignExpertsBody = z.infer<typeof assignExpertsBody>;

/**
 * The second 随机: every application in city review gets experts from the batch's panel at random,
 * never one of its own district nor one who declared a conflict with it. All or nothing: when some
 * application lacks eligible experts nothing is assigned and the shortfall is reported.
 */
export async function assignExperts(db: Db, actor: Actor, batchId: number, body: AssignExpertsBody, random: RandomIndex = cryptoRandom) {
  return db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, batchId, { forUpdate: true });
    if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${batchId} 不存在`);
    const panel = await repo.panelOf(tx, batchId);
    if (panel.length === 0) throw new AppError('TRANSITION_NOT_ALLOWED', '请先抽取本批次的评审专家组');
    const applications = await repo.applicationsOfBatch(tx, batchId, ['city_review']);
    const existing = await repo.assignmentsOfBatch(tx, batchId);
    const tasks = applications.map((a) => ({
      application_id: a.id,
      credit_code: a.credit_code,
      district_code: a.district_code,
      assigned: existing.filter((row) => row.application_id === a.id).map((row) => row.expert_id),
    }));
    const { plan, short } = planAssignments(tasks, panel, body.per_application, random);
    if (short.length > 0) {
      const names = short.map((s) => `${applications.find((a) => a.id === s.application_id)!.enterprise_name}（可选 ${s.eligible} 人）`);
      throw new AppError('VALIDATION_FAILED', `以下申报回避后可选专家不足 ${body.per_application} 人，请扩大专家组：${names.join('、')}`, short);
    }
    for (const { application_id, expert_ids } of plan) {
      for (const expertId of expert_ids) {
        await repo.insertAssignment(tx, application_id, expertId);
        const expert = panel.find((e) => e.id === expertId)!;
        await notify(tx, userAudience(expert.username), '新的评审任务', `您被随机分配评审“${batch.title}”的一份申报，请在 ${batch.city_review_deadline} 前完成独立评分`, `/recognition/applications/${application_id}`);
      }
    }
    await writeAudit(tx, actor, { action: 'workflow.batch.assign', objectType: 'batch', objectId: String(batchId), summary: { per_application: body.per_application, plan } });
    return { assigned: plan.reduce((sum, p) => sum + p.expert_ids.length, 0), applications: plan.length };
  });
}
