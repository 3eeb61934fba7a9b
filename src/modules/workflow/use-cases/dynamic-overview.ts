import { z } from 'zod';
import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { evaluate, STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import { readProfiles } from '../../registry/use-cases/read-profiles.ts';
import { addDays } from '../calendar.ts';
import * as repo from '../repository.ts';
import { REVOCATION_REASONS, type RevocationReason } from './revoke.ts';
import { CHANGE_TYPES, type ChangeType } from './report-change.ts';

export const dynamicQuery = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional().describe('年度数据更新的年度，默认今年'),
  within_days: z.coerce.number().int().min(1).max(1500).default(180).describe('复核预警：有效期在多少天内届满'),
});
export type DynamicQuery = z.infer<typeof dynamicQuery>;

/** The annual data update is due by 31 May of each year after the year of recognition (2026 measures). */
export const annualUpdateDeadline = (year: number) => `${year}-05-31`;

/**
 * Dynamic management of recognised titles in the caller's scope: the annual update (done, pending, overdue),
 * titles due for re-review with the engine's early warning (a re-review evaluation of today's registry
 * profile), expired titles, change reports and revocations.
 */
export async function dynamicOverview(db: Db, scope: Scope, query: DynamicQuery, today: string) {
  const year = query.year ?? Number(today.slice(0, 4));
  const recognitions = await repo.recognitionsInScope(db, scope);
  const active = recognitions.filter((r) => r.status === 'active' && r.expiry_date >= today);
  const updates = await repo.annualUpdateYears(db, [...new Set(active.map((r) => r.credit_code))]);
  const deadline = annualUpdateDeadline(year);
  const annual = active
    .filter((r) => Number(r.issue_date.slice(0, 4)) < year)
    .map((r) => {
      const done = updates.find((u) => u.credit_code === r.credit_code && u.year === year);
      return {
        ...describe(r),
        year,
        deadline,
        status: done ? 'done' : today > deadline ? 'overdue' : 'pending',
        status_label: done ? '已更新' : today > deadline ? '逾期未更新' : '待更新',
        confirmed_at: done?.confirmed_at.toISOString() ?? null,
      };
    });

  const horizon = addDays(today, query.within_days);
  const due = active.filter((r) => r.expiry_date <= horizon);
  const profiles: { credit_code: string }[] = [];
  if (due.length) for await (const batch of readProfiles(db, scope, { creditCodes: due.map((r) => r.credit_code) })) profiles.push(...batch.profiles);
  const reReviews = due.map((r) => {
    const profile = profiles.find((p) => p.credit_code === r.credit_code);
    const result = profile ? evaluate([profile], { asOf: today, application: 're_review', standards: [r.standard as StandardId] }).results[0].standards[r.standard as StandardId] : undefined;
    return {
      ...describe(r),
      days_left: Math.round((Date.parse(r.expiry_date) - Date.parse(today)) / 86_400_000),
      warning_status: result?.status ?? null,
      failing_criteria: result?.criteria.filter((c) => c.status === 'unmet').map((c) => `${c.id} ${c.name}`) ?? [],
    };
  });

  return {
    today,
    annual_updates: annual,
    re_reviews_due: reReviews,
    expired: recognitions.filter((r) => r.status === 'expired' || (r.status === 'active' && r.expiry_date < today)).map(describe),
    change_reports: (await repo.changeReportsInScope(db, scope)).map((c) => ({ ...c, change_type_label: CHANGE_TYPES[c.change_type as ChangeType] ?? c.change_type })),
    revocations: (await repo.revocationsInScope(db, scope)).map((r) => ({
      ...r,
      decided_at: r.decided_at.toISOString(),
      reason_label: REVOCATION_REASONS[r.reason_type as RevocationReason] ?? r.reason_type,
    })),
  };
}

function describe(r: repo.RecognitionRow) {
  return { ...r, standard_name: STANDARD_NAMES[r.standard as StandardId] ?? r.standard };
}
