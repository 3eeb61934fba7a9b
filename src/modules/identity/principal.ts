import type { Db } from '../../platform/db.ts';
import type { Principal, Role } from '../../platform/policy.ts';
import { makeScope, type Scope } from '../../platform/scope.ts';
import * as repo from './repository.ts';
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES, TOUCH_INTERVAL_SECONDS } from './session-settings.ts';
import { tokenHash } from './use-cases/login.ts';

export type SessionCheck = { kind: 'none' } | { kind: 'expired' } | { kind: 'ok'; principal: Principal };

/** Reads the session of a cookie token; idle and absolute limits are judged by the database clock, shared by every process. */
export async function principalFromToken(db: Db, token: string): Promise<SessionCheck> {
  const hash = tokenHash(token);
  const session = await repo.findSession(db, hash);
  if (!session) return { kind: 'none' };
  const [age] = await db.query<{ idle_seconds: number; age_seconds: number }>(
    `select extract(epoch from now() - $1::timestamptz)::float8 as idle_seconds, extract(epoch from now() - $2::timestamptz)::float8 as age_seconds`,
    [session.last_seen_at, session.created_at],
  );
  if (age.idle_seconds > IDLE_TIMEOUT_MINUTES * 60 || age.age_seconds > ABSOLUTE_TIMEOUT_HOURS * 3600) {
    await repo.deleteSession(db, hash);
    return { kind: 'expired' };
  }
  const user = await repo.findUserById(db, session.user_id);
  if (!user || user.disabled) {
    await repo.deleteSession(db, hash);
    return { kind: 'none' };
  }
  if (age.idle_seconds > TOUCH_INTERVAL_SECONDS) await repo.touchSession(db, hash);
  const grants = await repo.grantsOf(db, user.id);
  return {
    kind: 'ok',
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      grants,
      roles: new Set(grants.map((grant) => grant.role)),
      scope: await scopeOfGrants(db, user.id, grants),
      csrfToken: session.csrf_token,
      mustChangePassword: user.must_change_password,
    },
  };
}

/** The registry scope a user's grants give: the union of what each role sees. */
export async function scopeOfGrants(db: Db, userId: number, grants: { role: Role; district_code: string | null; credit_code: string | null; institution: string | null }[]): Promise<Scope> {
  if (grants.some((grant) => grant.role === 'city_admin' || grant.role === 'city_officer')) return makeScope({ all: true });
  const districts = grants.filter((g) => g.role === 'district_officer' && g.district_code).map((g) => g.district_code!);
  const creditCodes = grants.filter((g) => g.role === 'enterprise_user' && g.credit_code).map((g) => g.credit_code!);
  if (grants.some((g) => g.role === 'commissioner')) creditCodes.push(...(await repo.assignedEnterprises(db, userId)));
  const institutions = grants.filter((g) => g.role === 'bank_viewer' && g.institution).map((g) => g.institution!);
  creditCodes.push(...(await repo.consentedEnterprises(db, institutions)));
  return makeScope({ all: false, districts: [...new Set(districts)], creditCodes: [...new Set(creditCodes)] });
}
