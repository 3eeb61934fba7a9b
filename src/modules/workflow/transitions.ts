import { writeAudit, type Actor } from '../../platform/audit.ts';
import type { Queryable } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './repository.ts';
import { STATES, TRANSITIONS, type TransitionId } from './state-machine.ts';

export const enterpriseAudience = (creditCode: string) => `enterprise:${creditCode}`;
export const districtAudience = (districtCode: string) => `district:${districtCode}`;
export const CITY_AUDIENCE = 'city';
export const userAudience = (username: string) => `user:${username}`;
export const applicationLink = (id: number) => `/recognition/applications/${id}`;

/** Besides the enterprise, who hears of each transition: the next office to act, or the one that sent it on. */
const ALSO_TOLD: Partial<Record<TransitionId, 'district' | 'city'>> = {
  submit: 'district',
  resubmit: 'district',
  withdraw: 'district',
  district_pass: 'city',
  city_approve: 'district',
  city_reject: 'district',
  strike: 'district',
  recognize: 'district',
  expire: 'district',
  revoke: 'district',
};

export async function notify(q: Queryable, audience: string, title: string, body: string, link: string | null, dedupeKey: string | null = null): Promise<void> {
  await repo.insertNotification(q, { audience, title, body, link, dedupe_key: dedupeKey });
}

/**
 * One step of the state machine on one application, inside the caller's transaction: checks the state
 * and the version read by the caller, moves, records the event, writes the audit record and notifies.
 * The caller has checked who acts (a role allowed by the transition, with a grant covering the application).
 */
export async function applyTransition(
  tx: Queryable,
  application: repo.ApplicationRow,
  transition: TransitionId,
  acting: { actor: Actor; role: string },
  options: { version: number; reason: string | null },
): Promise<number> {
  const def = TRANSITIONS[transition];
  if (application.version !== options.version) {
    throw new AppError('VERSION_CONFLICT', `该申报已被他人处理（当前状态：${STATES[application.state]}，版本 ${application.version}；您操作的是版本 ${options.version}），请刷新后重试`, {
      current_version: application.version,
      current_state: application.state,
    });
  }
  if (!(def.from as readonly string[]).includes(application.state)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', `当前状态“${STATES[application.state]}”下不能执行“${def.label}”`, { state: application.state, transition });
  }
  const reason = options.reason?.trim() || null;
  if (def.reasonRequired && !reason) throw new AppError('VALIDATION_FAILED', `“${def.label}”须填写理由`, [{ key: 'reason', message: '不能为空' }]);
  const version = await repo.moveApplication(tx, application.id, options.version, application.state, def.to);
  if (version === null) {
    throw new AppError('VERSION_CONFLICT', '该申报刚被他人处理，请刷新后重试', { current_state: application.state });
  }
  await repo.insertEvent(tx, {
    application_id: application.id,
    transition,
    from_state: application.state,
    to_state: def.to,
    version,
    actor: acting.actor.id,
    actor_role: acting.role,
    reason,
  });
  await writeAudit(tx, acting.actor, {
    action: `workflow.application.${transition}`,
    objectType: 'application',
    objectId: String(application.id),
    summary: { credit_code: application.credit_code, from: application.state, to: def.to, version, role: acting.role, reason },
  });
  const body = `“${application.enterprise_name}”的申报：${def.label}，当前状态为“${STATES[def.to]}”${reason ? `。理由：${reason}` : ''}`;
  const link = applicationLink(application.id);
  await notify(tx, enterpriseAudience(application.credit_code), `申报${STATES[def.to]}`, body, link);
  const also = ALSO_TOLD[transition];
  if (also === 'district') await notify(tx, districtAudience(application.district_code), `申报${STATES[def.to]}`, body, link);
  if (also === 'city') await notify(tx, CITY_AUDIENCE, `申报${STATES[def.to]}`, body, link);
  application.state = def.to;
  application.version = version;
  return version;
}
