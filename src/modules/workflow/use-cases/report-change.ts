import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import { addMonths } from '../calendar.ts';
import * as repo from '../repository.ts';
import { districtAudience, notify } from '../transitions.ts';
import { isoDate } from './batches.types.ts';

export const CHANGE_TYPES = {
  name: '企业名称变更',
  merger: '兼并重组',
  restructuring: '改制、股权重大变化',
  relocation: '迁出本市',
  other: '其他重大变化',
} as const;
export type ChangeType = keyof typeof CHANGE_TYPES;

/** Major changes must be reported within three months (2022 measures as implemented; 01 §1(d)). */
export const CHANGE_REPORT_MONTHS = 3;

export const reportChangeBody = z.object({
  credit_code: z.string().min(1).max(40),
  change_type: z.enum(Object.keys(CHANGE_TYPES) as [ChangeType, ...ChangeType[]]),
  change_date: isoDate.describe('变更发生日期（如工商变更登记日）'),
  description: z.string().min(1).max(2000),
});
export type ReportChangeBody = z.infer<typeof reportChangeBody>;

/** A recognised enterprise (or its district on its behalf) reports a major change; late reports are marked. */
export async function reportChange(db: Db, scope: Scope, actor: Actor, body: ReportChangeBody, today: string) {
  return db.transaction(async (tx) => {
    const profile = await getProfile(tx, scope, body.credit_code);
    const late = today > addMonths(body.change_date, CHANGE_REPORT_MONTHS);
    const districtCode = String(profile.district_code ?? '');
    const id = await repo.insertChangeReport(tx, {
      credit_code: body.credit_code,
      district_code: districtCode,
      enterprise_name: String(profile.name ?? body.credit_code),
      change_type: body.change_type,
      change_date: body.change_date,
      description: body.description,
      reported_on: today,
      late,
      reported_by: actor.id,
    });
    await writeAudit(tx, actor, { action: 'workflow.change_report', objectType: 'enterprise', objectId: body.credit_code, summary: { ...body, late } });
    await notify(tx, districtAudience(districtCode), '企业重大变化报告', `“${profile.name ?? body.credit_code}”报告：${CHANGE_TYPES[body.change_type]}（${body.change_date}）${late ? '，已超过 3 个月报告期限' : ''}`, '/recognition/dynamic');
    return { id, late };
  });
}
