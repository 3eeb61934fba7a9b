import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../platform/config.ts';
import { todayIso } from '../../platform/dates.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { systemActor } from '../../platform/audit.ts';
import type { RoleGrant } from '../../platform/policy.ts';
import { TEST_PASSWORD, type Session } from '../identity/testing.ts';
import { createUser } from '../identity/use-cases/manage-users.ts';
import { exampleProfile, testCreditCode } from '../registry/testing.ts';
import { addDays, addYears } from './calendar.ts';
import { TRANSITIONS, type State, type TransitionId } from './state-machine.ts';
import { dailyRun } from './use-cases/daily-run.ts';

const YUBEI = '500112';
const JIANGBEI = '500105';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let accounts = 0;

/** Like identity's signIn, but each login from its own address: this suite signs in more accounts than the per-address login limit allows a minute. */
async function signIn(app: App, db: Db, grants: (Partial<RoleGrant> & Pick<RoleGrant, 'role'>)[], username?: string): Promise<Session> {
  const n = ++accounts;
  const name = username ?? `wf_${grants[0].role}_${process.pid}_${n}`;
  await createUser(
    db,
    systemActor('test'),
    { username: name, display_name: name, grants: grants.map((grant) => ({ district_code: null, credit_code: null, department: null, institution: null, ...grant })) },
    { password: TEST_PASSWORD, mustChangePassword: false },
  );
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: TEST_PASSWORD }, remoteAddress: `10.9.${n >> 8}.${n & 255}` });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tidu_session')!;
  return { headers: { cookie: `tidu_session=${cookie.value}`, 'x-csrf-token': response.json().csrf_token } };
}

describe.each(testStores)('recognition workflow on %s', (kind) => {
  let db: Db;
  let app: App;
  let city: Session;
  let district: Session;
  let otherDistrict: Session;
  const experts = new Map<string, Session>();
  const today = todayIso();
  let serial = 0;

  type Call = { method: 'GET' | 'POST' | 'DELETE'; url: string; session: Session; payload?: unknown; headers?: Record<string, string> };
  const call = ({ method, url, session, payload, headers }: Call) =>
    app.inject({ method, url, headers: { ...session.headers, ...headers }, payload: payload as string | object | undefined });
  const ok = async (request: Call) => {
    const response = await call(request);
    expect(response.statusCode, `${request.method} ${request.url} → ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  interface Enterprise {
    code: string;
    name: string;
    session: Session;
  }
  async function enterprise(districtCode = YUBEI, overrides: Record<string, unknown> = {}): Promise<Enterprise> {
    const code = testCreditCode(districtCode, 5000 + ++serial);
    const name = `重庆测试${serial}号精密制造有限公司`;
    const response = await app.inject({
      method: 'PUT',
      url: `/api/enterprises/${code}/profile?source=audit_report`,
      headers: city.headers,
      payload: exampleProfile({ credit_code: code, district_code: districtCode, name, ...overrides }),
    });
    expect(response.statusCode, response.body).toBe(200);
    return { code, name, session: await signIn(app, db, [{ role: 'enterprise_user', credit_code: code }]) };
  }

  async function createBatch(batchNo: number, overrides: Record<string, unknown> = {}) {
    return (
      await ok({
        method: 'POST',
        url: '/api/workflow/batches',
        session: city,
        payload: {
          standard: 'specialized_sme',
          year: 2026,
          batch_no: batchNo,
          rule_version: '2026',
          window_start: addDays(today, -5),
          window_end: addDays(today, 5),
          district_review_deadline: addDays(today, 10),
          city_review_deadline: addDays(today, 20),
          ...overrides,
        },
      })
    ).id as number;
  }

  const detail = (id: number, session: Session = city) => ok({ method: 'GET', url: `/api/workflow/applications/${id}`, session });
  async function move(id: number, transition: TransitionId, session: Session, reason?: string) {
    const { version } = await detail(id, city);
    return call({ method: 'POST', url: `/api/workflow/applications/${id}/transitions`, session, payload: { transition, version, reason } });
  }
  async function step(id: number, transition: TransitionId, session: Session, reason = '测试理由') {
    const response = await move(id, transition, session, reason);
    expect(response.statusCode, `${transition} → ${response.body}`).toBe(200);
  }
  async function attach(id: number, session: Session, type = 'audit_report') {
    return ok({ method: 'POST', url: `/api/workflow/applications/${id}/evidence?evidence_type=${type}&file_name=${encodeURIComponent('2025年审计报告.pdf')}`, session, payload: PDF, headers: { 'content-type': 'application/pdf' } });
  }
  async function start(batchId: number, who: Enterprise) {
    return (await ok({ method: 'POST', url: '/api/workflow/applications', session: who.session, payload: { batch_id: batchId } })).id as number;
  }
  async function assignAndScore(batchId: number, id: number) {
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/assignments`, session: city, payload: { per_application: 2 } });
    for (const session of experts.values()) {
      const response = await call({ method: 'POST', url: `/api/workflow/applications/${id}/scores`, session, payload: { score: 86, recommend: true, opinion: '专业化程度高，数据真实' } });
      expect([200, 404]).toContain(response.statusCode);
    }
  }

  /** Drives a new application of a fresh Yubei enterprise to `state` through the real routes. */
  async function applicationIn(batchId: number, state: State): Promise<{ id: number; owner: Enterprise }> {
    const owner = await enterprise();
    const id = await start(batchId, owner);
    if (state === 'draft') return { id, owner };
    if (state === 'withdrawn') return await step(id, 'withdraw', owner.session), { id, owner };
    await attach(id, owner.session);
    await step(id, 'submit', owner.session);
    if (state === 'submitted') return { id, owner };
    if (state === 'returned') return await step(id, 'district_return', district, '请补充审计报告附注'), { id, owner };
    if (state === 'district_rejected') return await step(id, 'district_reject', district, '不符合条件'), { id, owner };
    await step(id, 'district_pass', district);
    if (state === 'city_review') return { id, owner };
    if (state === 'city_rejected') return await step(id, 'city_reject', city, '评分未达要求'), { id, owner };
    await assignAndScore(batchId, id);
    await step(id, 'city_approve', city);
    return { id, owner };
  }

  beforeAll(async () => {
    db = await openTestDb(kind);
    app = await buildServer({ db, config: readConfig() });
    city = await signIn(app, db, [{ role: 'city_officer' }]);
    district = await signIn(app, db, [{ role: 'district_officer', district_code: YUBEI }]);
    otherDistrict = await signIn(app, db, [{ role: 'district_officer', district_code: JIANGBEI }]);
    const pool: [string, string][] = [['500112', 'e1'], ['500105', 'e2'], ['500103', 'e3'], ['500104', 'e4']];
    for (const [districtCode, suffix] of pool) {
      const username = `expert_${suffix}_${kind}_${process.pid}`;
      experts.set(username, await signIn(app, db, [{ role: 'expert' }], username));
      await ok({ method: 'POST', url: '/api/workflow/experts', session: city, payload: { username, name: `专家${suffix}`, district_code: districtCode } });
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('refuses a batch with a rule version the standard does not have', async () => {
    const response = await call({
      method: 'POST',
      url: '/api/workflow/batches',
      session: city,
      payload: { standard: 'specialized_sme', year: 2026, batch_no: 90, rule_version: '2019', window_start: today, window_end: today, district_review_deadline: today, city_review_deadline: today },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('没有“2019”版规则');
  });

  it('lets an enterprise apply only inside an open window', async () => {
    const closed = await createBatch(91, { window_start: addDays(today, -30), window_end: addDays(today, -1), district_review_deadline: addDays(today, 3), city_review_deadline: addDays(today, 9) });
    const owner = await enterprise();
    const response = await call({ method: 'POST', url: '/api/workflow/applications', session: owner.session, payload: { batch_id: closed } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('APPLICATION_WINDOW_CLOSED');
  });

  it('freezes the snapshot with the self-assessment at submission, checks evidence files and flags the data audit', async () => {
    const batchId = await createBatch(1);
    const owner = await enterprise(YUBEI, {
      ip_items: [{ number: 'ZL201910000001.X', type: 'invention', class: 'I', grant_date: '2019-08-20', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true }],
    });
    const rival = await enterprise(YUBEI, {
      ip_items: [{ number: 'ZL201910000001.X', type: 'invention', class: 'I', grant_date: '2019-08-20', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true }],
    });
    const id = await start(batchId, owner);
    const draft = await detail(id, owner.session);
    expect(draft.profile_is_snapshot).toBe(false);
    expect(draft.self_assessment.version).toBe('2026');
    expect(draft.actions.map((a: { transition: string }) => a.transition).sort()).toEqual(['submit', 'withdraw']);

    const wrongType = await call({ method: 'POST', url: `/api/workflow/applications/${id}/evidence?evidence_type=audit_report&file_name=a.pdf`, session: owner.session, payload: Buffer.from('not a pdf'), headers: { 'content-type': 'application/pdf' } });
    expect(wrongType.statusCode).toBe(415);
    const tooLarge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await call({ method: 'POST', url: `/api/workflow/applications/${id}/evidence?evidence_type=audit_report&file_name=a.pdf`, session: owner.session, payload: tooLarge, headers: { 'content-type': 'application/pdf' } });
    expect(large.statusCode).toBe(413);
    const stored = await attach(id, owner.session);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await call({ method: 'GET', url: `/api/workflow/evidence/${stored.id}`, session: district });
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(download.rawPayload).equals(PDF)).toBe(true);
    expect((await call({ method: 'GET', url: `/api/workflow/evidence/${stored.id}`, session: otherDistrict })).statusCode).toBe(404);

    // The rival claims the same patent first; then the owner's figures jump and R&D exceeds revenue.
    const rivalId = await start(batchId, rival);
    await attach(rivalId, rival.session);
    await step(rivalId, 'submit', rival.session);
    const profile = exampleProfile({ credit_code: owner.code, district_code: YUBEI, name: owner.name }) as unknown as Record<string, unknown> & { years: Record<string, Record<string, number>> };
    profile.years['2025'].operating_revenue = 9500;
    const fromTax = await app.inject({ method: 'PUT', url: `/api/enterprises/${owner.code}/profile?source=tax_data`, headers: city.headers, payload: profile });
    expect(fromTax.statusCode, fromTax.body).toBe(200);
    profile.ip_items = [{ number: 'ZL201910000001.X', type: 'invention', class: 'I', grant_date: '2019-08-20', status: 'valid', acquisition: 'self', related_to_main_product: true, in_use: true }];
    profile.years['2025'].operating_revenue = 40000;
    profile.years['2025'].rd_expense = 45000;
    const corrected = await app.inject({ method: 'PUT', url: `/api/enterprises/${owner.code}/profile`, headers: owner.session.headers, payload: profile });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await step(id, 'submit', owner.session);

    const submitted = await detail(id, district);
    expect(submitted.state).toBe('submitted');
    expect(submitted.profile_is_snapshot).toBe(true);
    expect(submitted.self_assessment.status).toBeDefined();
    const codes = submitted.flags.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['yoy_jump', 'rd_above_revenue', 'source_conflict', 'duplicate_ip', 'evidence_missing']));
    expect(submitted.flags.find((f: { code: string }) => f.code === 'source_conflict').message).toContain('税务数据');

    // A correction in the registry after submission shows to reviewers; the snapshot stays as it was.
    profile.years['2025'].rd_expense = 400;
    await app.inject({ method: 'PUT', url: `/api/enterprises/${owner.code}/profile`, headers: city.headers, payload: profile });
    const later = await detail(id, district);
    expect(later.profile.years['2025'].rd_expense).toBe(45000);
    expect(later.flags.some((f: { code: string; path?: string }) => f.code === 'registry_differs' && f.path === 'years.2025.rd_expense')).toBe(true);
    // Evidence is frozen with the application.
    const frozen = await call({ method: 'POST', url: `/api/workflow/applications/${id}/evidence?evidence_type=other&file_name=b.pdf`, session: owner.session, payload: PDF, headers: { 'content-type': 'application/pdf' } });
    expect(frozen.statusCode).toBe(409);
  });

  it('walks every transition: allowed for its roles, forbidden for the others and from every other state', async () => {
    const batchId = await createBatch(2);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const stranger = await enterprise(JIANGBEI);
    const expertSession = [...experts.values()][1];
    const direct = (Object.keys(TRANSITIONS) as TransitionId[]).filter((t) => !('via' in TRANSITIONS[t]));
    const states: State[] = ['draft', 'submitted', 'returned', 'withdrawn', 'district_rejected', 'city_review', 'city_rejected', 'approved'];
    const samples = new Map<State, { id: number; owner: Enterprise }>();
    for (const state of states) samples.set(state, await applicationIn(batchId, state));
    for (const state of states) expect((await detail(samples.get(state)!.id)).state).toBe(state);

    for (const transition of direct) {
      const def = TRANSITIONS[transition];
      for (const state of states) {
        const sample = samples.get(state)!;
        const actors: [string, Session, boolean][] = [
          ['enterprise_user', sample.owner.session, def.roles.includes('enterprise_user' as never)],
          ['other enterprise', stranger.session, false],
          ['district_officer', district, def.roles.includes('district_officer' as never)],
          ['other district', otherDistrict, false],
          ['city_officer', city, def.roles.includes('city_officer' as never)],
          ['expert', expertSession, false],
        ];
        for (const [label, session, roleAllowed] of actors) {
          const fromAllowed = (def.from as readonly State[]).includes(state);
          if (roleAllowed && fromAllowed) continue; // taken once below, on a fresh application
          const response = await move(sample.id, transition, session, '理由');
          const expected = !roleAllowed ? [403, 404] : [409];
          expect(expected, `${transition} by ${label} from ${state} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
          if (roleAllowed) expect(response.json().code).toBe('TRANSITION_NOT_ALLOWED');
        }
      }
      const from = def.from[0] as State;
      const fresh = await applicationIn(batchId, from);
      if (transition === 'city_approve') await assignAndScore(batchId, fresh.id);
      const session = def.roles.includes('enterprise_user' as never) ? fresh.owner.session : def.roles.includes('district_officer' as never) ? district : city;
      if (def.reasonRequired) {
        const missing = await move(fresh.id, transition, session);
        expect(missing.statusCode, `${transition} without reason`).toBe(400);
      }
      const response = await move(fresh.id, transition, session, '理由');
      expect(response.statusCode, `${transition} by its role from ${from} → ${response.body}`).toBe(200);
      expect(response.json().state).toBe(def.to);
    }

    for (const via of ['publicize', 'strike', 'recognize', 'expire', 'revoke'] as TransitionId[]) {
      const response = await move(samples.get('approved')!.id, via, city, '理由');
      expect(response.statusCode).toBe(409);
      expect(response.json().message).toContain('须通过');
    }

    const audit = await db.query<{ action: string }>(`select action from platform.audit_log where object_type = 'application' and action like 'workflow.application.%'`);
    for (const transition of direct) expect(audit.map((row) => row.action)).toContain(`workflow.application.${transition}`);
    const events = await db.query<{ n: number }>(`select count(*)::int as n from workflow.application_event`);
    expect(events[0].n).toBeGreaterThan(direct.length);
  });

  it('gives exactly one of two simultaneous approvals, and a 409 in Chinese to the other', async () => {
    const batchId = await createBatch(3);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const { id } = await applicationIn(batchId, 'city_review');
    await assignAndScore(batchId, id);
    const secondOfficer = await signIn(app, db, [{ role: 'city_officer' }]);
    const { version } = await detail(id);
    const [a, b] = await Promise.all(
      [city, secondOfficer].map((session) => call({ method: 'POST', url: `/api/workflow/applications/${id}/transitions`, session, payload: { transition: 'city_approve', version } })),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('VERSION_CONFLICT');
    expect(loser.json().message).toContain('已被他人处理');
    const events = await db.query<{ n: number }>(`select count(*)::int as n from workflow.application_event where application_id = $1 and transition = 'city_approve'`, [id]);
    expect(events[0].n).toBe(1);
    expect((await detail(id)).version).toBe(version + 1);
  });

  it('assigns experts at random with exclusions, keeps each expert to their own applications and scores', async () => {
    const batchId = await createBatch(4);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const [yubeiExpert, jiangbeiExpert] = [...experts.keys()];
    const jiangbeiApplicant = await enterprise(JIANGBEI);
    const conflicted = await enterprise(YUBEI);
    await ok({ method: 'POST', url: '/api/workflow/experts/me/conflicts', session: experts.get([...experts.keys()][2])!, payload: { credit_code: conflicted.code, reason: '近三年为该企业提供咨询服务' } });
    const ids: number[] = [];
    for (const who of [jiangbeiApplicant, conflicted]) {
      const id = await start(batchId, who);
      await attach(id, who.session);
      await step(id, 'submit', who.session);
      await step(id, 'district_pass', who === jiangbeiApplicant ? otherDistrict : district);
      ids.push(id);
    }
    const tooMany = await call({ method: 'POST', url: `/api/workflow/batches/${batchId}/assignments`, session: city, payload: { per_application: 4 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('回避后可选专家不足');
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/assignments`, session: city, payload: { per_application: 2 } });
    const reviews = (await detail(ids[0])).review.reviews as { expert_username: string }[];
    expect(reviews.map((r) => r.expert_username)).not.toContain(jiangbeiExpert);
    const conflictedReviews = (await detail(ids[1])).review.reviews as { expert_username: string }[];
    expect(conflictedReviews.map((r) => r.expert_username)).not.toContain(yubeiExpert);
    expect(conflictedReviews.map((r) => r.expert_username)).not.toContain([...experts.keys()][2]);

    for (const [username, session] of experts) {
      const listed = (await ok({ method: 'GET', url: `/api/workflow/applications?batch_id=${batchId}`, session })).items.map((a: { id: number }) => a.id);
      const assigned = ids.filter((_, i) => [reviews, conflictedReviews][i].some((r) => r.expert_username === username));
      expect(listed.sort()).toEqual(assigned.sort());
      for (const id of ids) {
        const seen = await call({ method: 'GET', url: `/api/workflow/applications/${id}`, session });
        expect(seen.statusCode).toBe(assigned.includes(id) ? 200 : 404);
        if (assigned.includes(id)) {
          expect(seen.json().review.aggregate).toBeNull();
          await ok({ method: 'POST', url: `/api/workflow/applications/${id}/scores`, session, payload: { score: 80, recommend: true, opinion: '同意' } });
          const again = await call({ method: 'POST', url: `/api/workflow/applications/${id}/scores`, session, payload: { score: 90, recommend: true, opinion: '改分' } });
          expect(again.statusCode).toBe(409);
        }
      }
    }
    const review = (await detail(ids[0])).review;
    expect(review.aggregate).toMatchObject({ count: 2, mean: 80 });
    const todo = await ok({ method: 'GET', url: '/api/workflow/todo', session: city });
    expect(todo.items.some((item: { kind: string }) => item.kind === 'city_decision')).toBe(true);
  });

  it('publishes after 公示 with an objection answered, recognises into the registry and exports the list', async () => {
    const batchId = await createBatch(5);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const kept = await applicationIn(batchId, 'approved');
    const struck = await applicationIn(batchId, 'approved');
    const started = addDays(today, -14);
    const publicity = await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/publicity`, session: city, payload: { start_date: started } });
    expect(publicity.applications).toBe(2);
    expect((await detail(kept.id)).state).toBe('in_publicity');

    const first = await ok({ method: 'POST', url: `/api/workflow/applications/${kept.id}/objections`, session: city, payload: { received_on: addDays(started, 1), objector: '匿名', content: '反映其研发费用归集不实' } });
    await ok({ method: 'POST', url: `/api/workflow/applications/${struck.id}/objections`, session: city, payload: { received_on: addDays(started, 2), objector: '某同行企业', content: '反映其主导产品市场占有率虚报' } });
    const blocked = await call({ method: 'POST', url: `/api/workflow/batches/${batchId}/final-list`, session: city });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toContain('异议未处理完毕');

    await ok({ method: 'POST', url: `/api/workflow/objections/${first.id}/resolution`, session: city, payload: { outcome: 'dismissed', response: '经核查研发费用归集符合规定' } });
    const secondObjection = (await detail(struck.id)).objections[0];
    await ok({ method: 'POST', url: `/api/workflow/objections/${secondObjection.id}/resolution`, session: city, payload: { outcome: 'upheld', response: '经核查市场占有率数据不实' } });
    expect((await detail(struck.id)).state).toBe('struck');

    const published = await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/final-list`, session: city });
    expect(published.recognised).toBe(1);
    const recognised = await detail(kept.id, kept.owner.session);
    expect(recognised.state).toBe('recognized');
    expect(recognised.recognition.certificate_no).toBe('渝专精特新〔2026〕5-001');
    expect(recognised.recognition.expiry_date).toBe(addYears(today, 3));

    const portrait = await ok({ method: 'GET', url: `/api/enterprises/${kept.owner.code}/profile`, session: kept.owner.session });
    expect(portrait.qualifications).toContainEqual(expect.objectContaining({ title: 'specialized_sme', issue_date: today, expiry_date: addYears(today, 3), certificate_no: '渝专精特新〔2026〕5-001' }));
    const evaluation = await ok({ method: 'GET', url: `/api/enterprises/${kept.owner.code}/evaluation?standards=little_giant`, session: city });
    expect(evaluation.result.standards.little_giant.criteria.find((c: { id: string }) => c.id === 'X-1a').status).toBe('met');

    const file = await call({ method: 'GET', url: `/api/workflow/batches/${batchId}/final-list.xlsx`, session: district });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.length).toBe(3);
    expect(rows[2]).toContain(kept.owner.name);

    const inbox = await ok({ method: 'GET', url: '/api/workflow/inbox', session: kept.owner.session });
    expect(inbox.items.some((n: { title: string }) => n.title === '申报已认定')).toBe(true);
    await ok({ method: 'POST', url: `/api/workflow/inbox/${inbox.items[0].id}/read`, session: kept.owner.session });
    expect((await ok({ method: 'GET', url: '/api/workflow/inbox', session: kept.owner.session })).unread).toBe(inbox.unread - 1);
  });

  it('revokes every title for data fraud with a three-year bar the engine and new applications honour', async () => {
    const batchId = await createBatch(6);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const { id, owner } = await applicationIn(batchId, 'approved');
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/publicity`, session: city, payload: { start_date: addDays(today, -14) } });
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/final-list`, session: city });

    const result = await ok({ method: 'POST', url: '/api/workflow/revocations', session: city, payload: { credit_code: owner.code, reason_type: 'data_fraud', reason: '抽查发现研发费用数据造假' } });
    const banUntil = addDays(addYears(today, 3), -1);
    expect(result.ban_until).toBe(banUntil);
    expect(result.titles_ended).toContain('specialized_sme');
    expect(result.titles_ended).not.toContain('high_tech');
    expect((await detail(id)).state).toBe('revoked');

    const profile = await ok({ method: 'GET', url: `/api/enterprises/${owner.code}/profile`, session: city });
    expect(profile.compliance.application_ban_until).toBe(banUntil);
    for (const q of profile.qualifications) if (q.title !== 'high_tech') expect(q.expiry_date < today).toBe(true);

    const during = await ok({ method: 'GET', url: `/api/enterprises/${owner.code}/evaluation?as_of=${banUntil}`, session: city });
    expect(during.result.standards.specialized_sme.criteria.find((c: { id: string }) => c.id === 'G-06').status).toBe('unmet');
    expect(during.result.standards.specialized_sme.status).toBe('not_qualified');
    const after = await ok({ method: 'GET', url: `/api/enterprises/${owner.code}/evaluation?as_of=${addDays(banUntil, 1)}`, session: city });
    expect(after.result.standards.specialized_sme.criteria.find((c: { id: string }) => c.id === 'G-06').status).toBe('met');

    const nextBatch = await createBatch(7);
    const barred = await call({ method: 'POST', url: '/api/workflow/applications', session: owner.session, payload: { batch_id: nextBatch } });
    expect(barred.statusCode).toBe(409);
    expect(barred.json().code).toBe('APPLICATION_BARRED');
    expect(barred.json().message).toContain(banUntil);

    const dynamic = await ok({ method: 'GET', url: '/api/workflow/dynamic', session: district });
    expect(dynamic.revocations.some((r: { credit_code: string; ban_until: string }) => r.credit_code === owner.code && r.ban_until === banUntil)).toBe(true);
  });

  it('tracks annual updates, change reports and expiry in dynamic management, with reminders sent once', async () => {
    const batchId = await createBatch(8);
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/panel`, session: city, payload: { size: 4 } });
    const { id, owner } = await applicationIn(batchId, 'approved');
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/publicity`, session: city, payload: { start_date: addDays(today, -14) } });
    await ok({ method: 'POST', url: `/api/workflow/batches/${batchId}/final-list`, session: city });

    const late = await ok({ method: 'POST', url: '/api/workflow/change-reports', session: owner.session, payload: { credit_code: owner.code, change_type: 'name', change_date: addDays(today, -120), description: '企业名称变更' } });
    expect(late.late).toBe(true);
    const nextYear = Number(today.slice(0, 4)) + 1;
    const dueDay = `${nextYear}-06-01`;
    let overview = await ok({ method: 'GET', url: `/api/workflow/dynamic?year=${nextYear}`, session: district });
    expect(overview.annual_updates.find((u: { credit_code: string }) => u.credit_code === owner.code).status).toMatch(/pending|overdue/);
    expect(overview.change_reports[0]).toMatchObject({ credit_code: owner.code, late: true });
    expect((await call({ method: 'GET', url: '/api/workflow/dynamic', session: otherDistrict })).json().change_reports).toEqual([]);

    const updated = await ok({ method: 'POST', url: '/api/workflow/annual-updates', session: owner.session, payload: { year: 2026 } });
    expect(updated.ok).toBe(true);

    const dueSoon = await ok({ method: 'GET', url: '/api/workflow/dynamic?within_days=1200', session: city });
    const warning = dueSoon.re_reviews_due.find((r: { application_id: number }) => r.application_id === id);
    expect(warning.warning_status).toBeDefined();

    await dailyRun(db, dueDay);
    await dailyRun(db, dueDay);
    const overdue = await db.query<{ n: number }>(`select count(*)::int as n from workflow.notification where dedupe_key = $1`, [`annual-overdue:${owner.code}:${nextYear}`]);
    expect(overdue[0].n).toBe(1);

    await dailyRun(db, addDays(addYears(today, 3), 1));
    expect((await detail(id)).state).toBe('expired');
    overview = await ok({ method: 'GET', url: '/api/workflow/dynamic', session: city });
    expect(overview.expired.some((r: { application_id: number }) => r.application_id === id)).toBe(true);
  });
});
