import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { systemScope } from '../../../platform/scope.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { addDays, addYears } from '../calendar.ts';
import * as repo from '../repository.ts';
import { endTitles, LADDER_TITLES, updateRegistryTitles } from '../titles.ts';
import { applyTransition, districtAudience, enterpriseAudience, notify } from '../transitions.ts';
import { actingRole, viewerOf } from '../viewer.ts';
import { isoDate } from './batches.types.ts';

export const REVOCATION_REASONS = {
  data_fraud: '提供虚假材料、数据造假',
  major_incident: '发生重大安全、质量、环境污染事故',
  tax_evasion: '偷漏税等违法违规行为',
  dishonesty: '被列入严重失信主体名单',
  failed_review: '复核或抽查不合格',
  other: '其他',
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;

/** Data fraud bars new applications for three years (工信厅企业函〔2026〕117号; 2026 measures). */
export const FRAUD_BAN_YEARS = 3;

export const revokeBody = z
  .object({
    credit_code: z.string().min(1).max(40),
    recognition_id: z.number().int().positive().optional().describe('撤销的认定；数据造假时撤销该企业全部梯度称号，可不填'),
    reason_type: z.enum(Object.keys(REVOCATION_REASONS) as [RevocationReason, ...RevocationReason[]]),
    reason: z.string().min(1).max(2000).describe('撤销理由与依据'),
    decided_on: isoDate.optional().describe('撤销决定日期，默认今天'),
  })
  .refine((b) => b.reason_type === 'data_fraud' || b.recognition_id !== undefined, { message: '请选择要撤销的认定', path: ['recognition_id'] });
export type RevokeBody = z.infer<typeof revokeBody>;

/**
 * Revokes a recognition. For data fraud every title of the ladder ends (those the platform granted and
 * those recorded in the registry from elsewhere) and the profile records the three-year bar, which the
 * engine reads (criterion G-06) and which stops new applications here.
 */
export async function revoke(db: Db, principal: Principal, actor: Actor, body: RevokeBody, today: string) {
  const refs = await referenceSets(db);
  const decidedOn = body.decided_on ?? today;
  const fraud = body.reason_type === 'data_fraud';
  return db.transaction(async (tx) => {
    const profile = await getProfile(tx, systemScope(), body.credit_code);
    const active = await repo.activeRecognitionsOf(tx, body.credit_code);
    const targets = fraud ? active : active.filter((r) => r.id === body.recognition_id);
    if (!fraud && targets.length === 0) throw new AppError('NOT_FOUND', `认定 ${body.recognition_id} 不存在或已不在有效期内`);
    const banUntil = fraud ? addDays(addYears(decidedOn, FRAUD_BAN_YEARS), -1) : null;
    const certificates = new Set(targets.map((r) => r.certificate_no));
    const { profile: changed, ended } = endTitles(profile, decidedOn, (q) =>
      fraud ? (LADDER_TITLES as readonly (string | null | undefined)[]).includes(q.title) : certificates.has(q.certificate_no ?? ''),
    );
    const districtCode = String(profile.district_code ?? targets[0]?.district_code ?? '');
    const revocationId = await repo.insertRevocation(tx, {
      credit_code: body.credit_code,
      district_code: districtCode,
      enterprise_name: String(profile.name ?? body.credit_code),
      reason_type: body.reason_type,
      reason: body.reason,
      decided_on: decidedOn,
      ban_until: banUntil,
      titles_ended: ended,
      decided_by: actor.id,
    });
    const reason = `${REVOCATION_REASONS[body.reason_type]}：${body.reason}`;
    for (const recognition of targets) {
      await repo.endRecognition(tx, recognition.id, 'revoked', revocationId);
      const application = await repo.findApplication(tx, viewerOf(principal), recognition.application_id, { forUpdate: true });
      if (application?.state === 'recognized') {
        await applyTransition(tx, application, 'revoke', { actor, role: actingRole(principal, ['city_admin', 'city_officer'], application)! }, { version: application.version, reason });
      }
    }
    const compliance = (changed.compliance ?? {}) as Record<string, unknown>;
    await updateRegistryTitles(tx, refs, actor, body.credit_code, `撤销认定（${REVOCATION_REASONS[body.reason_type]}），决定日期 ${decidedOn}`, () =>
      fraud
        ? { ...changed, compliance: { ...compliance, application_ban_until: banUntil, application_ban_reason: REVOCATION_REASONS.data_fraud } }
        : changed,
    );
    await writeAudit(tx, actor, {
      action: 'workflow.revocation',
      objectType: 'enterprise',
      objectId: body.credit_code,
      summary: { revocation_id: revocationId, reason_type: body.reason_type, reason: body.reason, decided_on: decidedOn, ban_until: banUntil, titles_ended: ended },
    });
    const text = `“${profile.name ?? body.credit_code}”的称号已撤销（${reason}）${banUntil ? `，${banUntil} 前不得申报` : ''}`;
    await notify(tx, enterpriseAudience(body.credit_code), '称号撤销', text, null);
    if (districtCode) await notify(tx, districtAudience(districtCode), '称号撤销', text, null);
    return { id: revocationId, titles_ended: ended, ban_until: banUntil };
  });
}
