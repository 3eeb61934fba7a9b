import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { exampleProfile, testCreditCode } from '../registry/testing.ts';
import { MinuteWindowLimiter } from './access-control.ts';
import { oneTimePassword, passwordProblems } from './passwords.ts';
import { logIn, signIn, TEST_PASSWORD, type Session } from './testing.ts';

describe('password policy', () => {
  it.each([
    ['Short-1a', '密码长度至少 10 位'],
    ['alllowercaseletters', '至少三类'],
    ['lowercase123456', '至少三类'],
    ['Zhangsan-2026x', '不能包含用户名'],
  ])('rejects %s', (password, problem) => {
    expect(passwordProblems(password, 'zhangsan').join('；')).toContain(problem);
  });

  it('accepts ten characters of three classes, and one-time passwords meet it', () => {
    expect(passwordProblems('Tidu-demo-2026', 'demo_city_admin')).toEqual([]);
    expect(passwordProblems('abcdefgh1!', 'someone')).toEqual([]);
    for (let i = 0; i < 50; i++) expect(passwordProblems(oneTimePassword(), 'user')).toEqual([]);
  });
});

describe.each(testStores)('identity on %s', (kind) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`select count(*)::int as n ${sql}`, params))[0].n;

  beforeAll(async () => {
    db = await openTestDb(kind);
    // Session expiry is simulated by editing the session rows, which a cached session would not notice.
    app = await buildServer({ db, config: { ...readConfig(), sessionCacheSeconds: 0 } });
    admin = await signIn(app, db, [{ role: 'city_admin' }], `admin_${kind}`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password, and audits each try', async () => {
    await signIn(app, db, [{ role: 'city_officer' }], 'lockme');
    for (let i = 0; i < 5; i++) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'wrong-Password-1' } });
      expect(response.statusCode).toBe(i < 4 ? 401 : 423);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toMatch(/锁定/);
    const [{ minutes }] = await db.query<{ minutes: number }>(`select extract(epoch from locked_until - now())::float8 / 60 as minutes from identity.user_account where username = 'lockme'`);
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await count(`from platform.audit_log where action = 'auth.login.failure' and object_id = 'lockme'`)).toBe(6);

    await db.query(`update identity.user_account set locked_until = now() - interval '1 second' where username = 'lockme'`);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: TEST_PASSWORD } })).statusCode).toBe(200);
    expect(await count(`from platform.audit_log where action = 'auth.login.success' and object_id = 'lockme'`)).toBeGreaterThan(0);
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const idle = await signIn(app, db, [{ role: 'city_officer' }]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: idle.headers })).statusCode).toBe(200);
    await db.query(`update identity.session set last_seen_at = now() - interval '31 minutes'`);
    const expired = await app.inject({ method: 'GET', url: '/api/auth/me', headers: idle.headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');

    const long = await signIn(app, db, [{ role: 'city_officer' }]);
    await db.query(`update identity.session set created_at = now() - interval '12 hours 1 minute'`);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: long.headers })).statusCode).toBe(401);
    admin = await logIn(app, `admin_${kind}`, TEST_PASSWORD);
  });

  it('rejects a state-changing request without the session CSRF token', async () => {
    const code = testCreditCode('500112', 31);
    const payload = exampleProfile({ credit_code: code });
    const missing = await app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile`, headers: { cookie: admin.headers.cookie }, payload });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_REJECTED');
    const forged = await app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile`, headers: { ...admin.headers, 'x-csrf-token': 'forged' }, payload });
    expect(forged.statusCode).toBe(403);
    expect(await count(`from registry.enterprise where credit_code = $1`, [code])).toBe(0);
    expect((await app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile`, headers: admin.headers, payload })).statusCode).toBe(200);
  });

  it('writes the audit row in the same transaction as the change: neither stands without the other', async () => {
    const failing = testCreditCode('500112', 41);
    await db.exec(`create function test_fail() returns trigger as $$ begin raise exception 'injected failure'; end; $$ language plpgsql`);
    await db.exec(`create trigger fail_year before insert on registry.enterprise_year for each row when (new.credit_code = '${failing}') execute function test_fail()`);
    const broken = await app.inject({ method: 'PUT', url: `/api/enterprises/${failing}/profile`, headers: admin.headers, payload: exampleProfile({ credit_code: failing }) });
    expect(broken.statusCode).toBe(500);
    expect(broken.body).not.toMatch(/injected|trigger|insert/);
    expect(await count(`from registry.enterprise where credit_code = $1`, [failing])).toBe(0);
    expect(await count(`from platform.audit_log where object_id = $1`, [failing])).toBe(0);

    const unaudited = testCreditCode('500112', 42);
    await db.exec(`create trigger fail_audit before insert on platform.audit_log for each row when (new.object_id = '${unaudited}') execute function test_fail()`);
    const response = await app.inject({ method: 'PUT', url: `/api/enterprises/${unaudited}/profile`, headers: admin.headers, payload: exampleProfile({ credit_code: unaudited }) });
    expect(response.statusCode).toBe(500);
    expect(await count(`from registry.enterprise where credit_code = $1`, [unaudited])).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await expect(db.query(`update platform.audit_log set actor = 'someone else'`)).rejects.toThrow(/只能追加/);
    await expect(db.query(`delete from platform.audit_log`)).rejects.toThrow(/只能追加/);
  });

  it('makes an administrator-created account change its one-time password first', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'newofficer', display_name: '新同事', grants: [{ role: 'district_officer', district_code: '500112' }] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const listed = await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().find((user: { username: string }) => user.username === 'newofficer')).toMatchObject({
      must_change_password: true,
      grants: [{ role: 'district_officer', district_code: '500112', role_label: '区县经信部门工作人员' }],
    });
    const password = created.json().one_time_password;
    const session = await logIn(app, 'newofficer', password);
    const blocked = await app.inject({ method: 'GET', url: '/api/enterprises', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', headers: session.headers, payload: { current_password: password, new_password: 'newofficer123' } });
    expect(weak.statusCode).toBe(400);
    const changed = await app.inject({ method: 'POST', url: '/api/auth/password', headers: session.headers, payload: { current_password: password, new_password: 'Chongqing-2026' } });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/enterprises', headers: session.headers })).statusCode).toBe(200);
  });

  it('logs out: the session no longer works', async () => {
    const session = await signIn(app, db, [{ role: 'city_officer' }]);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('records who viewed a portrait, except the enterprise itself', async () => {
    const code = testCreditCode('500112', 51);
    await app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile`, headers: admin.headers, payload: exampleProfile({ credit_code: code }) });
    const own = await signIn(app, db, [{ role: 'enterprise_user', credit_code: code }]);
    await app.inject({ method: 'GET', url: `/api/enterprises/${code}`, headers: own.headers });
    expect(await count(`from platform.audit_log where action = 'enterprise.portrait.view' and object_id = $1`, [code])).toBe(0);
    await app.inject({ method: 'GET', url: `/api/enterprises/${code}`, headers: admin.headers });
    expect(await count(`from platform.audit_log where action = 'enterprise.portrait.view' and object_id = $1`, [code])).toBe(1);
  });

  it('sends security headers and an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `admin_${kind}`, password: TEST_PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === 'tidu_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const secure = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: `admin_${kind}`, password: TEST_PASSWORD } });
    expect(secure.statusCode).toBe(200);
  });
});

describe.each(testStores)('session cache on %s', (kind) => {
  it('serves a burst from one lookup, and forgets a session at sign-out', async () => {
    const db = await openTestDb(kind);
    const app = await buildServer({ db, config: { ...readConfig(), sessionCacheSeconds: 60 } });
    try {
      const session = await signIn(app, db, [{ role: 'city_officer' }]);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
      await db.query(`update identity.session set last_seen_at = now() - interval '31 minutes'`);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
      await db.query(`update identity.session set last_seen_at = now()`);
      expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('sign-in rate limits', () => {
  it('counts per key in one-minute windows', () => {
    const limiter = new MinuteWindowLimiter();
    const minute = 60_000 * 29_000_000;
    for (let i = 0; i < 10; i++) expect(limiter.allow('account:a', 10, minute + i)).toBe(true);
    expect(limiter.allow('account:a', 10, minute + 59_999)).toBe(false);
    expect(limiter.allow('account:b', 10, minute + 59_999)).toBe(true);
    expect(limiter.allow('account:a', 10, minute + 60_000)).toBe(true);
  });

  it('answers 429 in Chinese once an account is tried too often from one address', async () => {
    const db = await openTestDb('pglite');
    const app = await buildServer({ db, config: readConfig() });
    try {
      const statuses = [];
      for (let i = 0; i < 12; i++) {
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'Wrong-pass-1' } });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expect(response.json().message).toContain('过于频繁');
      }
      expect(statuses).toContain(429);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe.each(testStores)('audit log search on %s', (kind) => {
  it('reads dates as China days and records the roles of a sign-in', async () => {
    const db = await openTestDb(kind);
    const app = await buildServer({ db, config: readConfig() });
    try {
      const admin = await signIn(app, db, [{ role: 'city_admin' }], 'tz_admin');
      // 2026-03-01 23:30 in Beijing is still 2026-03-01 15:30 UTC; 2026-03-02 01:00 in Beijing is 03-01 17:00 UTC.
      await db.query(`insert into platform.audit_log (at, actor, action, object_type) values ('2026-03-01T15:30:00Z', 'late', 'x.test', 'x'), ('2026-03-01T17:00:00Z', 'early', 'x.test', 'x')`);
      const day = (await app.inject({ method: 'GET', url: '/api/audit?from=2026-03-01&to=2026-03-01&action=x.test', headers: admin.headers })).json();
      expect(day.items.map((row: { actor: string }) => row.actor)).toEqual(['late']);
      const login = (await app.inject({ method: 'GET', url: '/api/audit?action=auth.login.success&actor=tz_admin', headers: admin.headers })).json();
      expect(login.items[0].actor_role).toBe('city_admin');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
