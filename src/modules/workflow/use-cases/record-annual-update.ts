import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import * as repo from '../repository.ts';
import { ownEnterprisesOf } from '../viewer.ts';

export const annualUpdateBody = z.object({
  year: z.number().int().min(2020).max(2100).describe('更新年度（该年 5 月 31 日前须完成）'),
  credit_code: z.string().min(1).max(40).optional().describe('账号绑定多家企业时必填'),
});
export type AnnualUpdateBody = z.infer<typeof annualUpdateBody>;

const REQUIRED_FIGURES = { operating_revenue: '营业收入', rd_expense: '研发费用', total_assets: '资产总额', total_liabilities: '负债总额', employees_period_end: '期末从业人员' } as const;

/**
 * The enterprise confirms its annual data update for `year`: the registry must hold last year's key
 * figures (the enterprise keeps them in its portrait); the confirmation is what the overdue list reads.
 */
export async function recordAnnualUpdate(db: Db, principal: Principal, actor: Actor, body: AnnualUpdateBody) {
  const own = ownEnterprisesOf(principal);
  const creditCode = body.credit_code ?? (own.length === 1 ? own[0] : undefined);
  if (!creditCode || !own.includes(creditCode)) throw new AppError('FORBIDDEN', '只能为本账号绑定的企业确认年度数据更新');
  return db.transaction(async (tx) => {
    const profile = await getProfile(tx, principal.scope, creditCode);
    const lastYear = ((profile.years ?? {}) as Record<string, Record<string, unknown>>)[String(body.year - 1)] ?? {};
    const missing = Object.entries(REQUIRED_FIGURES).filter(([key]) => typeof lastYear[key] !== 'number').map(([, label]) => label);
    if (missing.length) throw new AppError('VALIDATION_FAILED', `请先在企业画像中填报 ${body.year - 1} 年的${missing.join('、')}，再确认年度数据更新`, missing);
    const created = await repo.insertAnnualUpdate(tx, { credit_code: creditCode, year: body.year, district_code: String(profile.district_code ?? ''), confirmed_by: actor.id });
    if (created) await writeAudit(tx, actor, { action: 'workflow.annual_update', objectType: 'enterprise', objectId: creditCode, summary: { year: body.year } });
    return { ok: true, already: !created };
  });
}
