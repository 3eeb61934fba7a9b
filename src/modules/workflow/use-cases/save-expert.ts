import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import * as repo from '../repository.ts';

export const saveExpertBody = z.object({
  username: z.string().min(1).max(40).describe('专家的登录用户名'),
  name: z.string().min(1).max(60),
  district_code: z.string().regex(/^\d{6}$/, { message: '应为 6 位区县代码' }).describe('专家所在（工作单位）区县'),
  specialty: z.string().max(100).nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
  conflicts: z.array(z.object({ credit_code: z.string().min(1).max(40), reason: z.string().min(1).max(200) })).default([]),
});
export type SaveExpertBody = z.infer<typeof saveExpertBody>;

/** Adds an expert to the pool or updates one (by username), with conflicts declared on entry. */
export async function saveExpert(db: Db, actor: Actor, body: SaveExpertBody): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const id = await repo.upsertExpert(tx, { username: body.username, name: body.name, district_code: body.district_code, specialty: body.specialty, active: body.active });
    for (const conflict of body.conflicts) await repo.insertConflict(tx, id, conflict.credit_code, conflict.reason);
    await writeAudit(tx, actor, { action: 'workflow.expert.save', objectType: 'expert', objectId: String(id), summary: body });
    return { id };
  });
}

export async function listExperts(db: Db) {
  return { items: await repo.listExperts(db) };
}
