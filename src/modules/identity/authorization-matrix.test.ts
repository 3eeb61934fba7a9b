import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { createHttpApp } from '../../platform/http.ts';
import { ROLES, type Role } from '../../platform/policy.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { exampleProfile, testCreditCode } from '../registry/testing.ts';
import { installAccessControl } from './access-control.ts';
import * as repo from './repository.ts';
import { signIn, type Session } from './testing.ts';

type Expectation =
  | { access: 'public' }
  | { access: 'signed_in' }
  | { access: Role[]; scoped?: true };

const READERS: Role[] = ['city_admin', 'city_officer', 'district_officer', 'commissioner', 'enterprise_user', 'bank_viewer'];
const WRITERS: Role[] = ['city_admin', 'city_officer', 'district_officer', 'enterprise_user'];
const CITY: Role[] = ['city_admin', 'city_officer'];
const WORKFLOW: Role[] = ['city_admin', 'city_officer', 'district_officer', 'commissioner', 'enterprise_user', 'expert'];

/**
 * Who may call each route, written from the roles table of the product brief — not read from the code.
 * Every route the server registers must appear here, so a new route cannot ship without a decision.
 */
const EXPECTED: Record<string, Expectation> = {
  'GET /api/health': { access: 'public' },
  'POST /api/auth/login': { access: 'public' },
  'GET /api/auth/demo-accounts': { access: 'public' },
  'GET /api/auth/me': { access: 'signed_in' },
  'POST /api/auth/logout': { access: 'signed_in' },
  'POST /api/auth/password': { access: 'signed_in' },
  'GET /api/users': { access: ['city_admin'] },
  'POST /api/users': { access: ['city_admin'] },
  'PATCH /api/users/:id': { access: ['city_admin'] },
  'POST /api/users/:id/reset-password': { access: ['city_admin'] },
  'GET /api/audit': { access: ['city_admin'] },
  'GET /api/audit/export': { access: ['city_admin'] },
  'GET /api/enterprises': { access: READERS },
  'GET /api/registry/stats': { access: READERS },
  'GET /api/enterprises/:credit_code': { access: READERS, scoped: true },
  'GET /api/enterprises/:credit_code/profile': { access: READERS, scoped: true },
  'PUT /api/enterprises/:credit_code/profile': { access: WRITERS, scoped: true },
  'GET /api/enterprises/:credit_code/history': { access: READERS, scoped: true },
  'GET /api/reference/districts': { access: 'signed_in' },
  'GET /api/reference/chains': { access: 'signed_in' },
  'GET /api/reference/industries': { access: 'signed_in' },
  'GET /api/reference/geojson': { access: 'signed_in' },
  'GET /api/reference/clusters': { access: 'signed_in' },
  'POST /api/evaluate': { access: 'signed_in' },
  'GET /api/standards': { access: 'signed_in' },
  'GET /api/enterprises/:credit_code/evaluation': { access: READERS, scoped: true },
  'GET /api/workflow/batches': { access: WORKFLOW },
  'POST /api/workflow/batches': { access: CITY },
  'GET /api/workflow/batches/:id': { access: WORKFLOW },
  'POST /api/workflow/batches/:id/panel': { access: CITY },
  'POST /api/workflow/batches/:id/assignments': { access: CITY },
  'POST /api/workflow/batches/:id/publicity': { access: CITY },
  'POST /api/workflow/batches/:id/final-list': { access: CITY },
  'GET /api/workflow/batches/:id/final-list.xlsx': { access: [...CITY, 'district_officer'] },
  'GET /api/workflow/applications': { access: WORKFLOW },
  'POST /api/workflow/applications': { access: ['enterprise_user'] },
  'GET /api/workflow/applications/:id': { access: WORKFLOW },
  'POST /api/workflow/applications/:id/transitions': { access: [...CITY, 'district_officer', 'enterprise_user'] },
  'POST /api/workflow/applications/:id/evidence': { access: ['enterprise_user'] },
  'GET /api/workflow/evidence/:id': { access: WORKFLOW },
  'DELETE /api/workflow/evidence/:id': { access: ['enterprise_user'] },
  'POST /api/workflow/applications/:id/scores': { access: ['expert'] },
  'POST /api/workflow/applications/:id/spot-checks': { access: [...CITY, 'district_officer'] },
  'POST /api/workflow/applications/:id/objections': { access: CITY },
  'POST /api/workflow/objections/:id/resolution': { access: CITY },
  'GET /api/workflow/experts': { access: CITY },
  'POST /api/workflow/experts': { access: CITY },
  'POST /api/workflow/experts/me/conflicts': { access: ['expert'] },
  'POST /api/workflow/revocations': { access: CITY },
  'GET /api/workflow/dynamic': { access: [...CITY, 'district_officer'] },
  'POST /api/workflow/annual-updates': { access: ['enterprise_user'] },
  'POST /api/workflow/change-reports': { access: [...CITY, 'district_officer', 'enterprise_user'] },
  'GET /api/workflow/inbox': { access: 'signed_in' },
  'POST /api/workflow/inbox/:id/read': { access: 'signed_in' },
  'GET /api/workflow/todo': { access: 'signed_in' },
  'GET /api/intake/templates/:type': { access: WRITERS },
  'POST /api/intake/imports': { access: WRITERS },
  'GET /api/intake/imports': { access: WRITERS },
  'GET /api/intake/imports/:id': { access: WRITERS },
  'POST /api/intake/imports/:id/commit': { access: WRITERS },
  'POST /api/intake/imports/:id/undo': { access: WRITERS },
  'GET /api/intake/imports/:id/errors.xlsx': { access: WRITERS },
  'GET /api/exports/enterprises.xlsx': { access: READERS },
  'GET /api/exports/profiles.json': { access: READERS },
  'GET /api/discovery/runs': { access: [...CITY, 'district_officer'] },
  'POST /api/discovery/runs': { access: CITY },
  'GET /api/discovery/runs/:id': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/funnel': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/candidates': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/candidates/export': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/diff': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/diff/export': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/warnings': { access: [...CITY, 'district_officer'] },
  'GET /api/discovery/warnings/export': { access: [...CITY, 'district_officer'] },
  'GET /api/enterprises/:credit_code/promotion-path': { access: READERS, scoped: true },
  'POST /api/enterprises/:credit_code/what-if': { access: READERS, scoped: true },
  'GET /api/key-lists': { access: [...CITY, 'district_officer'] },
  'POST /api/key-lists': { access: [...CITY, 'district_officer'] },
  'GET /api/key-lists/:id': { access: [...CITY, 'district_officer'] },
  'GET /api/key-lists/:id/export': { access: [...CITY, 'district_officer'] },
  'POST /api/key-lists/:id/members': { access: [...CITY, 'district_officer'] },
  'DELETE /api/key-lists/:id/members/:credit_code': { access: [...CITY, 'district_officer'] },
};

/** Routes whose calls would end the test's own session. */
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

describe('a route without a policy', () => {
  it('refuses to register', async () => {
    const app = await createHttpApp();
    installAccessControl(app, null as never, readConfig());
    expect(() => app.get('/api/unguarded', async () => 'x')).toThrow(/未声明访问策略/);
    await app.close();
  });
});

describe.each(testStores)('authorization matrix on %s', (kind) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const sessions = new Map<Role, Session>();
  const own = testCreditCode('500112', 11);
  const other = testCreditCode('500105', 12);

  beforeAll(async () => {
    db = await openTestDb(kind);
    app = await buildServer({ db, config: readConfig() });
    const admin = await signIn(app, db, [{ role: 'city_admin' }]);
    for (const [code, district] of [[own, '500112'], [other, '500105']]) {
      const response = await app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile`, headers: admin.headers, payload: exampleProfile({ credit_code: code, district_code: district }) });
      expect(response.statusCode, response.body).toBe(200);
    }
    const bindings: Record<Role, object> = {
      city_admin: {},
      city_officer: {},
      district_officer: { district_code: '500112' },
      commissioner: {},
      department_handler: { department: '市科技局' },
      enterprise_user: { credit_code: own },
      bank_viewer: { institution: '矩阵测试银行' },
      expert: {},
    };
    for (const role of ROLES) {
      if (role === 'commissioner') {
        const username = `matrix_commissioner_${kind}`;
        sessions.set(role, await signIn(app, db, [{ role }], username));
        await repo.assignEnterprise(db, (await repo.findUserByName(db, username))!.id, own);
      } else {
        if (role === 'bank_viewer') await repo.grantInstitutionAccess(db, '矩阵测试银行', own);
        sessions.set(role, await signIn(app, db, [{ role, ...bindings[role] }]));
      }
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('declares an expectation for every registered route, and every expectation has a route', () => {
    const registered = app.routeTable.map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !registered.includes(key))).toEqual([]);
  });

  async function call(key: string, session: Session | null, target: string) {
    const [method, path] = key.split(' ');
    const url = path.replace(':credit_code', target).replace(':id', '1');
    const payload = method === 'PUT' ? exampleProfile({ credit_code: target, district_code: target === own ? '500112' : '500105' }) : method === 'GET' ? undefined : {};
    return app.inject({ method: method as 'GET', url, headers: session?.headers, payload });
  }

  it('allows and denies every route × role × scope as declared', async () => {
    const mismatches: string[] = [];
    for (const route of app.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (SESSION_ENDING.has(key)) continue;
      const expectation = EXPECTED[key];
      const anonymous = await call(key, null, own);
      const anonymousDenied = anonymous.statusCode === 401;
      if ((expectation.access === 'public') === anonymousDenied) mismatches.push(`${key} 匿名 → ${anonymous.statusCode}`);
      if (expectation.access === 'public') continue;
      for (const role of ROLES) {
        const allowedRole = expectation.access === 'signed_in' || expectation.access.includes(role);
        const targets = 'scoped' in expectation && expectation.scoped ? [own, other] : [own];
        for (const target of targets) {
          const allowed = allowedRole && (target === own || CITY.includes(role));
          const response = await call(key, sessions.get(role)!, target);
          const denied = response.statusCode === 403 || response.statusCode === 401;
          if (allowed === denied) mismatches.push(`${key} ${role} ${target === own ? '本辖区' : '他辖区'} → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lists only what the caller may see', async () => {
    const listed = async (role: Role) =>
      (await app.inject({ method: 'GET', url: '/api/enterprises', headers: sessions.get(role)!.headers })).json().items.map((row: { credit_code: string }) => row.credit_code);
    expect(await listed('city_officer')).toEqual(expect.arrayContaining([own, other]));
    expect(await listed('district_officer')).toEqual([own]);
    expect(await listed('enterprise_user')).toEqual([own]);
    expect(await listed('commissioner')).toEqual([own]);
    expect(await listed('bank_viewer')).toEqual([own]);
  });

  it('keeps a district officer from moving an enterprise out of the district', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/enterprises/${own}/profile`,
      headers: sessions.get('district_officer')!.headers,
      payload: exampleProfile({ credit_code: own, district_code: '500105' }),
    });
    expect(response.statusCode).toBe(403);
  });
});
