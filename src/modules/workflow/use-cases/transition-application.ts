import { z } from 'zod';
import type { Actor } from '../../../platform/audit.ts';
import type { Db, Queryable } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import type { StandardId } from '../../../standards/index.ts';
import { getHistory, getProfile } from '../../registry/use-cases/get-portrait.ts';
import { addYears } from '../calendar.ts';
import { auditFlags } from '../data-audit.ts';
import type { EvidenceType } from '../evidence-rules.ts';
import * as repo from '../repository.ts';
import { refuseIfBarred, selfAssess } from '../self-assessment.ts';
import { TRANSITION_IDS, TRANSITIONS, type TransitionDef, type TransitionId } from '../state-machine.ts';
import { applyTransition } from '../transitions.ts';
import { actingRole, viewerOf } from '../viewer.ts';

export const transitionBody = z.object({
  transition: z.enum(TRANSITION_IDS).describe('要执行的流转'),
  version: z.number().int().positive().describe('读取申报时的版本号（乐观并发）'),
  reason: z.string().max(2000).optional().describe('理由；退回、不予推荐、不予认定时必填'),
});
export type TransitionBody = z.infer<typeof transitionBody>;

const AUTHORITATIVE_SOURCES: Record<string, string> = { audit_report: '审计报告', tax_data: '税务数据' };

/** One transition of one application by the caller, with the checks the transition needs. */
export async function transitionApplication(db: Db, principal: Principal, actor: Actor, id: number, body: TransitionBody, today: string) {
  const def: TransitionDef = TRANSITIONS[body.transition];
  const viewer = viewerOf(principal);
  if (def.via) throw new AppError('TRANSITION_NOT_ALLOWED', `“${def.label}”须通过${def.via}办理`);
  const freezing = body.transition === 'submit' || body.transition === 'resubmit';
  const sourceValues = freezing ? await authoritativeValues(db, principal, id) : new Map<string, { value: unknown; source: string }>();
  return db.transaction(async (tx) => {
    const application = await repo.findApplication(tx, viewer, id, { forUpdate: true });
    if (!application) throw new AppError('NOT_FOUND', `申报 ${id} 不存在或不在您的权限范围内`);
    const role = actingRole(principal, def.roles, application);
    if (!role) throw new AppError('FORBIDDEN', `您的角色无权对该申报执行“${def.label}”`);
    const batch = (await repo.findBatch(tx, application.batch_id))!;
    if (application.version === body.version && (def.from as readonly string[]).includes(application.state)) {
      await checkGuards(tx, principal, application, batch, body.transition, today, sourceValues);
    }
    const version = await applyTransition(tx, application, body.transition, { actor, role }, { version: body.version, reason: body.reason ?? null });
    return { id, state: application.state, version };
  });
}

async function checkGuards(
  tx: Queryable,
  principal: Principal,
  application: repo.ApplicationRow,
  batch: repo.BatchRow,
  transition: TransitionId,
  today: string,
  sourceValues: Map<string, { value: unknown; source: string }>,
) {
  if (transition === 'submit' && (today < batch.window_start || today > batch.window_end)) {
    throw new AppError('APPLICATION_WINDOW_CLOSED', `“${batch.title}”的申报时间为 ${batch.window_start} 至 ${batch.window_end}，当前不能提交`);
  }
  if (transition === 'resubmit' && today > batch.district_review_deadline) {
    throw new AppError('APPLICATION_WINDOW_CLOSED', `区县初审已于 ${batch.district_review_deadline} 截止，不能再重新提交`);
  }
  if (transition === 'submit' || transition === 'resubmit') await freezeSubmission(tx, principal, application, batch, today, sourceValues);
  if (transition === 'city_approve') {
    const reviews = await repo.reviewsOf(tx, application.id);
    if (reviews.length === 0) throw new AppError('TRANSITION_NOT_ALLOWED', '尚未分配评审专家，不能审定');
    const missing = reviews.filter((review) => review.score === null).length;
    if (missing > 0) throw new AppError('TRANSITION_NOT_ALLOWED', `还有 ${missing} 位专家未提交评分，不能审定`);
    refuseIfBarred(await getProfile(tx, principal.scope, application.credit_code), today);
  }
}

/** Figures that an audit report or tax data recorded, latest first wins: what the data audit compares the snapshot with. */
async function authoritativeValues(db: Db, principal: Principal, id: number) {
  const values = new Map<string, { value: unknown; source: string }>();
  const application = await repo.findApplication(db, viewerOf(principal), id);
  if (!application) return values;
  const history = await getHistory(db, principal.scope, application.credit_code);
  for (const item of history.items) {
    const source = AUTHORITATIVE_SOURCES[item.change_set.source];
    if (!source || !item.entity.startsWith('year:') || !item.after || typeof item.after !== 'object') continue;
    const year = item.entity.slice(5);
    for (const [field, value] of Object.entries(item.after as Record<string, unknown>)) {
      const path = `years.${year}.${field}`;
      if (!values.has(path) && value !== null) values.set(path, { value, source });
    }
  }
  return values;
}

async function freezeSubmission(
  tx: Queryable,
  principal: Principal,
  application: repo.ApplicationRow,
  batch: repo.BatchRow,
  today: string,
  sourceValues: Map<string, { value: unknown; source: string }>,
) {
  const snapshot = await getProfile(tx, principal.scope, application.credit_code);
  refuseIfBarred(snapshot, today);
  if (typeof snapshot.district_code !== 'string') throw new AppError('VALIDATION_FAILED', '企业画像缺少所在区县，不能提交');
  const standard = batch.standard as StandardId;
  const assessment = selfAssess(snapshot, standard, batch.kind, today);
  const years = (snapshot.years ?? {}) as Record<string, Record<string, unknown>>;
  const sourceConflicts: { path: string; value: unknown; other: unknown; source: string }[] = [];
  for (const [path, recorded] of sourceValues) {
    const [, year, field] = path.split('.');
    const value = years[year]?.[field] ?? null;
    if (value !== null && value !== recorded.value) sourceConflicts.push({ path, value, other: recorded.value, source: recorded.source });
  }
  const ipNumbers = ((snapshot.ip_items ?? []) as { number?: string | null }[]).map((item) => item.number).filter((n): n is string => !!n);
  const flags = auditFlags({
    standard,
    snapshot,
    assessment: assessment ?? undefined,
    ruleVersion: batch.rule_version,
    jumpFactor: Number(batch.jump_factor),
    evidenceTypes: (await repo.evidenceOf(tx, application.id)).map((e) => e.evidence_type as EvidenceType),
    duplicateIp: await repo.duplicateIpClaims(tx, application.credit_code, ipNumbers),
    sourceConflicts,
    annualUpdatesMissing: batch.kind === 're_review' ? await missingAnnualUpdates(tx, application.credit_code, standard, snapshot, today) : [],
  });
  await repo.freezeSubmission(tx, application.id, {
    snapshot,
    assessment,
    flags,
    district_code: snapshot.district_code,
    enterprise_name: String(snapshot.name ?? application.enterprise_name),
  });
}

/** Years since the title was granted whose 31 May deadline has passed without the annual data update. */
async function missingAnnualUpdates(tx: Queryable, creditCode: string, standard: StandardId, snapshot: Record<string, unknown>, today: string): Promise<number[]> {
  const titles = ((snapshot.qualifications ?? []) as { title?: string | null; issue_date?: string | null; expiry_date?: string | null }[]).filter(
    (q) => q.title === standard && typeof q.issue_date === 'string',
  );
  const issued = titles.map((q) => q.issue_date!).sort().at(-1);
  if (!issued) return [];
  const done = new Set((await repo.annualUpdateYears(tx, [creditCode])).map((row) => row.year));
  const missing: number[] = [];
  for (let year = Number(issued.slice(0, 4)) + 1; `${year}-05-31` < today && `${year}-05-31` <= addYears(issued, 3); year++) {
    if (!done.has(year)) missing.push(year);
  }
  return missing;
}
