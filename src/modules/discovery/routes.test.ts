import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { signIn, type Session } from '../identity/testing.ts';
import { loadDemo } from '../registry/demo/load-demo.ts';

const AS_OF = '2026-06-30';

describe.each(testStores)('discovery over HTTP on %s', (kind) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let city: Session;
  let district: Session;
  let districtCode: string;
  const get = (session: Session, url: string) => app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    db = await openTestDb(kind);
    await loadDemo(db, systemActor('test'), { count: 300, seed: 11, latestYear: 2025, today: AS_OF });
    [{ district_code: districtCode }] = await db.query<{ district_code: string }>(
      `select district_code from registry.enterprise group by 1 order by count(*) desc limit 1`,
    );
    app = await buildServer({ db, config: readConfig() });
    city = await signIn(app, db, [{ role: 'city_officer' }]);
    district = await signIn(app, db, [{ role: 'district_officer', district_code: districtCode }]);
    const started = await app.inject({ method: 'POST', url: '/api/discovery/runs', headers: city.headers, payload: { as_of: AS_OF } });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id;
    for (let i = 0; i < 600 && (await get(city, `/api/discovery/runs/${id}`)).json().status !== 'completed'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('shows a run with its counts to the city and without them to a district', async () => {
    const cityRuns = (await get(city, '/api/discovery/runs')).json().items;
    expect(cityRuns[0]).toMatchObject({ status: 'completed', percent: 100, processed: 300, total: 300 });
    expect(Object.keys(cityRuns[0].standards)).toContain('little_giant');
    expect((await get(district, '/api/discovery/runs')).json().items[0].standards).toBeNull();
    const again = await app.inject({ method: 'POST', url: '/api/discovery/runs', headers: district.headers, payload: { as_of: AS_OF } });
    expect(again.statusCode).toBe(403);
  });

  it('ranks candidates closest first, explains them, and keeps a district to its own enterprises', async () => {
    const response = await get(city, '/api/discovery/candidates?standard=innovative_sme&limit=50');
    expect(response.statusCode, response.body).toBe(200);
    const { items, total } = response.json();
    expect(total).toBeGreaterThan(0);
    const keys = items.map((item: { unmet_count: number; distance: number }) => [item.unmet_count, item.distance]);
    for (let i = 1; i < keys.length; i++) expect(keys[i][0]).toBeGreaterThanOrEqual(keys[i - 1][0]);
    const notQualified = items.find((item: { status: string }) => item.status === 'not_qualified');
    if (notQualified) expect(notQualified.unmet.length).toBeGreaterThan(0);
    const scoped = (await get(district, '/api/discovery/candidates?standard=innovative_sme&limit=200')).json().items;
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((item: { district_code: string }) => item.district_code === districtCode)).toBe(true);
    const funnel = (await get(district, '/api/discovery/funnel')).json();
    expect(funnel.tiers.map((tier: { standard: string }) => tier.standard)).toContain('little_giant');
    expect(funnel.enterprises).toBe(scoped.length === 0 ? 0 : funnel.enterprises);
  });

  it('exports candidates to a workbook with Chinese headers and unit-labelled gap columns', async () => {
    const response = await get(city, '/api/discovery/candidates/export?standard=specialized_sme&max_unmet=2');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const headers = (book.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 3)).toEqual(['排名', '统一社会信用代码', '企业名称']);
    expect(headers).toContain('未达标指标数（项）');
    expect(headers.filter((h) => /差额（(万元|%|项|分|人|年)）$/.test(h)).length).toBeGreaterThan(0);
  });

  it('re-evaluates edited figures without saving them', async () => {
    const [{ credit_code: code }] = (await get(city, '/api/discovery/candidates?standard=innovative_sme&status=qualified&limit=1')).json().items;
    const response = await app.inject({
      method: 'POST',
      url: `/api/enterprises/${code}/what-if`,
      headers: city.headers,
      payload: { as_of: AS_OF, changes: [{ path: 'compliance.abnormal_list', value: true }] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const innovative = response.json().standards.find((s: { standard: string }) => s.standard === 'innovative_sme');
    expect(innovative).toMatchObject({ before: { status: 'qualified' }, after: { status: 'not_qualified' }, changed: true });
    const profile = (await get(city, `/api/enterprises/${code}/profile`)).json();
    expect(profile.compliance?.abnormal_list ?? false).toBe(false);
    const path = (await get(city, `/api/enterprises/${code}/promotion-path?standard=specialized_sme&as_of=${AS_OF}`)).json();
    expect(path).toMatchObject({ credit_code: code, standard: 'specialized_sme' });
  });

  it('keeps a district list with reasons and history, and shows each member\'s movement', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/key-lists', headers: district.headers, payload: { kind: 'district', year: 2026 } });
    expect(created.statusCode, created.body).toBe(201);
    const list = created.json();
    expect(list).toMatchObject({ district_code: districtCode, standard: 'specialized_sme' });
    const pool = await app.inject({ method: 'POST', url: '/api/key-lists', headers: district.headers, payload: { kind: 'ipo_reserve', year: 2026 } });
    expect(pool.statusCode).toBe(403);

    const [candidate] = (await get(district, '/api/discovery/candidates?standard=specialized_sme&limit=1')).json().items;
    const added = await app.inject({ method: 'POST', url: `/api/key-lists/${list.id}/members`, headers: district.headers, payload: { credit_code: candidate.credit_code, reason: '研发投入连年增长' } });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().items[0]).toMatchObject({ credit_code: candidate.credit_code, add_reason: '研发投入连年增长', movement: 'unchanged' });
    const twice = await app.inject({ method: 'POST', url: `/api/key-lists/${list.id}/members`, headers: district.headers, payload: { credit_code: candidate.credit_code, reason: '重复加入' } });
    expect(twice.statusCode).toBe(409);

    const removed = await app.inject({ method: 'DELETE', url: `/api/key-lists/${list.id}/members/${candidate.credit_code}`, headers: district.headers, payload: { reason: '企业迁出本区' } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items).toEqual([]);
    const history = (await get(district, `/api/key-lists/${list.id}?history=true`)).json().items;
    expect(history[0]).toMatchObject({ credit_code: candidate.credit_code, remove_reason: '企业迁出本区' });
    const audit = await db.query(`select action from platform.audit_log where object_type = 'key_list' and object_id = $1 order by id`, [String(list.id)]);
    expect(audit.map((row) => row.action)).toEqual(['discovery.key_list.create', 'discovery.key_list.add', 'discovery.key_list.remove']);
    const exported = await get(district, `/api/key-lists/${list.id}/export`);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
