import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { STANDARD_NAMES, standardsCatalogue } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import { isoDate, RECOGNISED_STANDARDS } from './batches.types.ts';

export const createBatchBody = z
  .object({
    standard: z.enum(RECOGNISED_STANDARDS).describe('认定标准'),
    kind: z.enum(['new', 're_review']).default('new').describe('新申报或复核'),
    year: z.number().int().min(2020).max(2100),
    batch_no: z.number().int().min(1).max(99),
    rule_version: z.string().min(1).max(20).describe('评价所用规则版本（如 2026）'),
    window_start: isoDate,
    window_end: isoDate,
    district_review_deadline: isoDate,
    city_review_deadline: isoDate,
    publicity_working_days: z.number().int().min(1).max(30).default(5),
    validity_years: z.number().int().min(1).max(10).default(3),
    jump_factor: z.number().gt(1).max(100).default(3).describe('数据审核：同比变动超过该倍数即标记'),
  })
  .refine((b) => b.window_start <= b.window_end, { message: '申报截止日期不能早于开始日期', path: ['window_end'] })
  .refine((b) => b.window_end <= b.district_review_deadline, { message: '区县初审截止日期不能早于申报截止日期', path: ['district_review_deadline'] })
  .refine((b) => b.district_review_deadline <= b.city_review_deadline, { message: '市级评审截止日期不能早于区县初审截止日期', path: ['city_review_deadline'] });
export type CreateBatchBody = z.infer<typeof createBatchBody>;

export async function createBatch(db: Db, actor: Actor, body: CreateBatchBody): Promise<{ id: number }> {
  const versions = standardsCatalogue().find((entry) => entry.id === body.standard)?.versions.map((v) => v.version) ?? [];
  if (!versions.includes(body.rule_version)) {
    throw new AppError('VALIDATION_FAILED', `${STANDARD_NAMES[body.standard]}没有“${body.rule_version}”版规则，可选：${versions.join('、')}`, [{ key: 'rule_version', message: '规则版本不存在' }]);
  }
  const title = `${body.year}年${STANDARD_NAMES[body.standard]}${body.kind === 're_review' ? '复核' : '认定'}第${body.batch_no}批`;
  return db.transaction(async (tx) => {
    const id = await repo.insertBatch(tx, { ...body, title, created_by: actor.id });
    if (!id) throw new AppError('CONFLICT', `“${title}”已存在`);
    await writeAudit(tx, actor, { action: 'workflow.batch.create', objectType: 'batch', objectId: String(id), summary: { title, ...body } });
    return { id };
  });
}
