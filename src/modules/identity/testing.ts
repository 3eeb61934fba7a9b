import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { systemActor } from '../../platform/audit.ts';
import type { RoleGrant } from '../../platform/policy.ts';
import { createUser } from './use-cases/manage-users.ts';

export const TEST_PASSWORD = 'Test-pass-2026!';

export interface Session {
  headers: { cookie: string; 'x-csrf-token': string };
}

let serial = 0;

/** A real account with the given roles, signed in through the real login route. */
export async function signIn(app: App, db: Db, grants: (Partial<RoleGrant> & Pick<RoleGrant, 'role'>)[], username?: string): Promise<Session> {
  const name = username ?? `t_${grants.map((g) => g.role).join('_')}_${process.pid}_${++serial}`;
  await createUser(
    db,
    systemActor('test'),
    {
      username: name,
      display_name: name,
      grants: grants.map((grant) => ({ district_code: null, credit_code: null, department: null, institution: null, ...grant })),
    },
    { password: TEST_PASSWORD, mustChangePassword: false },
  );
  return logIn(app, name, TEST_PASSWORD);
}

export async function logIn(app: App, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tidu_session')!;
  return { headers: { cookie: `tidu_session=${cookie.value}`, 'x-csrf-token': response.json().csrf_token } };
}
