import { AppError } from '../../platform/errors.ts';
import { evaluate, type Application, type StandardId, type StandardResult } from '../../standards/index.ts';

type ProfileDocument = { credit_code: string } & Record<string, unknown>;

/** The engine's view of one profile against the batch's standard on the decision date. */
export function selfAssess(profile: ProfileDocument, standard: StandardId, kind: Application, asOf: string): StandardResult | null {
  const output = evaluate([profile], { asOf, application: kind, standards: [standard] });
  return output.results[0]?.standards[standard] ?? null;
}

/** The application bar after data fraud, as the registry profile records it (compliance.application_ban_until, inclusive). */
export function banOf(profile: ProfileDocument, today: string): { until: string; reason: string | null } | null {
  const compliance = (profile.compliance ?? {}) as { application_ban_until?: string | null; application_ban_reason?: string | null };
  const until = compliance.application_ban_until;
  return typeof until === 'string' && until >= today ? { until, reason: compliance.application_ban_reason ?? null } : null;
}

export function refuseIfBarred(profile: ProfileDocument, today: string): void {
  const ban = banOf(profile, today);
  if (ban) {
    throw new AppError('APPLICATION_BARRED', `该企业因${ban.reason ?? '数据造假'}被取消称号，${ban.until} 前不得申报`, { ban_until: ban.until });
  }
}
