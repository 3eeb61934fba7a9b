import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { cryptoRandom, drawPanel as drawAtRandom, type RandomIndex } from '../expert-draw.ts';
import * as repo from '../repository.ts';

export const drawPanelBody = z.object({ size: z.number().int().min(1).max(200).describe('本批次评审专家组人数') });
export type DrawPanelBody = z.infer<typeof drawPanelBody>;

/** The first 随机: draws the batch's panel at random from the active pool (once per batch). */
export async function drawPanel(db: Db, actor: Actor, batchId: number, body: DrawPanelBody, random: RandomIndex = cryptoRandom) {
  return db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, batchId, { forUpdate: true });
    if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${batchId} 不存在`);
    if ((await repo.panelOf(tx, batchId)).length > 0) throw new AppError('CONFLICT', `“${batch.title}”已抽取专家组，不能重复抽取`);
    const pool = await repo.listExperts(tx, { activeOnly: true });
    if (pool.length < body.size) throw new AppError('VALIDATION_FAILED', `专家库现有在库专家 ${pool.length} 人，不足 ${body.size} 人`);
    const panel = drawAtRandom(pool, body.size, random);
    for (const expert of panel) await repo.insertPanelMember(tx, batchId, expert.id, actor.id);
    await writeAudit(tx, actor, { action: 'workflow.batch.panel', objectType: 'batch', objectId: String(batchId), summary: { pool: pool.length, drawn: panel.map((e) => e.id) } });
    return { panel: panel.map(({ id, name, district_code }) => ({ id, name, district_code })) };
  });
}
