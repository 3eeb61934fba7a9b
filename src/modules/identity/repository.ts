import type { Queryable } from '../../platform/db.ts';
import type { Role, RoleGrant } from '../../platform/policy.ts';

/** The identity slice's only SQL. */

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
  created_at: Date;
}

export async function findUserByName(q: Queryable, username: string): Promise<UserRow | null> {
  const [row] = await q.query<UserRow>(`select * from identity.user_account where username = $1`, [username]);
  return row ?? null;
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | null> {
  const [row] = await q.query<UserRow>(`select * from identity.user_account where id = $1`, [id]);
  return row ?? null;
}

export async function insertUser(q: Queryable, user: { username: string; displayName: string; passwordHash: string; mustChangePassword: boolean }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into identity.user_account (username, display_name, password_hash, must_change_password) values ($1, $2, $3, $4) returning id`,
    [user.username, user.displayName, user.passwordHash, user.mustChangePassword],
  );
  return row.id;
}

export async function insertGrant(q: Queryable, userId: number, grant: RoleGrant): Promise<void> {
  await q.query(
    `insert into identity.role_grant (user_id, role, district_code, credit_code, department, institution) values ($1, $2, $3, $4, $5, $6)`,
    [userId, grant.role, grant.district_code, grant.credit_code, grant.department, grant.institution],
  );
}

export async function deleteGrants(q: Queryable, userId: number): Promise<void> {
  await q.query(`delete from identity.role_grant where user_id = $1`, [userId]);
}

export async function grantsOf(q: Queryable, userId: number): Promise<RoleGrant[]> {
  return q.query<RoleGrant>(
    `select role, district_code, credit_code, department, institution from identity.role_grant where user_id = $1 order by id`,
    [userId],
  );
}

export async function recordFailedLogin(q: Queryable, userId: number, lockAfter: number, lockMinutes: number): Promise<{ failed_attempts: number; locked_until: Date | null }> {
  const [row] = await q.query<{ failed_attempts: number; locked_until: Date | null }>(
    `update identity.user_account set
       failed_attempts = failed_attempts + 1,
       locked_until = case when failed_attempts + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
     where id = $1 returning failed_attempts, locked_until`,
    [userId, lockAfter, lockMinutes],
  );
  return row;
}

export async function clearFailedLogins(q: Queryable, userId: number): Promise<void> {
  await q.query(`update identity.user_account set failed_attempts = 0, locked_until = null where id = $1`, [userId]);
}

export async function setPassword(q: Queryable, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await q.query(
    `update identity.user_account set password_hash = $2, must_change_password = $3, password_changed_at = now(), failed_attempts = 0, locked_until = null where id = $1`,
    [userId, passwordHash, mustChange],
  );
}

export async function setDisabled(q: Queryable, userId: number, disabled: boolean): Promise<void> {
  await q.query(`update identity.user_account set disabled = $2 where id = $1`, [userId, disabled]);
}

export interface UserWithGrants {
  id: number;
  username: string;
  display_name: string;
  must_change_password: boolean;
  disabled: boolean;
  locked_until: Date | null;
  created_at: Date;
  grants: RoleGrant[];
}

export async function listUsers(q: Queryable): Promise<UserWithGrants[]> {
  return q.query<UserWithGrants>(
    `select u.id, u.username, u.display_name, u.must_change_password, u.disabled, u.locked_until, u.created_at,
            coalesce(json_agg(json_build_object('role', g.role, 'district_code', g.district_code, 'credit_code', g.credit_code,
              'department', g.department, 'institution', g.institution) order by g.id) filter (where g.id is not null), '[]') as grants
     from identity.user_account u left join identity.role_grant g on g.user_id = u.id
     group by u.id order by u.id`,
  );
}

// ---------------------------------------------------------------- sessions

export interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
}

export async function insertSession(q: Queryable, session: { tokenHash: string; userId: number; csrfToken: string; clientIp: string | null; userAgent: string | null }): Promise<void> {
  await q.query(
    `insert into identity.session (token_hash, user_id, csrf_token, client_ip, user_agent) values ($1, $2, $3, $4, $5)`,
    [session.tokenHash, session.userId, session.csrfToken, session.clientIp, session.userAgent],
  );
}

export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await q.query<SessionRow>(`select token_hash, user_id, csrf_token, created_at, last_seen_at from identity.session where token_hash = $1`, [tokenHash]);
  return row ?? null;
}

export async function touchSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(`update identity.session set last_seen_at = now() where token_hash = $1`, [tokenHash]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(`delete from identity.session where token_hash = $1`, [tokenHash]);
}

export async function deleteSessionsOf(q: Queryable, userId: number, except?: string): Promise<void> {
  await q.query(`delete from identity.session where user_id = $1 and token_hash is distinct from $2`, [userId, except ?? null]);
}

export async function deleteExpiredSessions(q: Queryable, idleMinutes: number, absoluteHours: number): Promise<void> {
  await q.query(
    `delete from identity.session where last_seen_at < now() - make_interval(mins => $1) or created_at < now() - make_interval(hours => $2)`,
    [idleMinutes, absoluteHours],
  );
}

// ---------------------------------------------------------------- scope inputs

export async function assignedEnterprises(q: Queryable, userId: number): Promise<string[]> {
  const rows = await q.query<{ credit_code: string }>(`select credit_code from identity.commissioner_assignment where user_id = $1`, [userId]);
  return rows.map((row) => row.credit_code);
}

export async function assignEnterprise(q: Queryable, userId: number, creditCode: string): Promise<void> {
  await q.query(`insert into identity.commissioner_assignment (user_id, credit_code) values ($1, $2) on conflict do nothing`, [userId, creditCode]);
}

export async function consentedEnterprises(q: Queryable, institutions: string[]): Promise<string[]> {
  if (institutions.length === 0) return [];
  const rows = await q.query<{ credit_code: string }>(
    `select credit_code from identity.institution_access where institution = any($1::text[]) and consented_at is not null`,
    [institutions],
  );
  return rows.map((row) => row.credit_code);
}

export async function grantInstitutionAccess(q: Queryable, institution: string, creditCode: string): Promise<void> {
  await q.query(
    `insert into identity.institution_access (institution, credit_code, consented_at) values ($1, $2, now())
     on conflict (institution, credit_code) do update set consented_at = excluded.consented_at`,
    [institution, creditCode],
  );
}


// ---------------------------------------------------------------- audit log (read side; written by platform/audit.ts)

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectId?: string;
  beforeId?: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  actor_role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: unknown;
  client_ip: string | null;
}

export async function searchAudit(q: Queryable, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Days are days in China, whatever time zone the database server runs in.
  if (filter.from) where.push(`at >= (${add(filter.from)}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (filter.to) where.push(`at < (${add(filter.to)}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  if (filter.actor) where.push(`actor = ${add(filter.actor)}`);
  if (filter.action) where.push(`action like ${add(`${filter.action}%`)}`);
  if (filter.objectId) where.push(`object_id = ${add(filter.objectId)}`);
  if (filter.beforeId) where.push(`id < ${add(filter.beforeId)}`);
  return q.query<AuditRow>(
    `select id, at, actor, actor_role, action, object_type, object_id, summary, client_ip from platform.audit_log
     ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ${add(limit)}`,
    params,
  );
}
