import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { readConfig } from '../../platform/config.ts';
import { systemActor } from '../../platform/audit.ts';
import { systemScope } from '../../platform/scope.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { signIn, type Session } from '../identity/testing.ts';
import { loadDemo } from './demo/load-demo.ts';
import { exampleProfile, testCreditCode } from './testing.ts';
import { getProfile } from './use-cases/get-portrait.ts';
import { readProfiles } from './use-cases/read-profiles.ts';
import { saveProfile } from './use-cases/save-profile.ts';

/** Absent and null both mean unknown: compare documents with the nulls dropped. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

describe.each(testStores)('registry on %s', (kind) => {
  let db: Db;
  let app: App;
  let officer: Session;
  const put = (code: string, body: unknown, query = '') =>
    app.inject({ method: 'PUT', url: `/api/enterprises/${code}/profile${query}`, payload: body as object, headers: officer.headers });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: officer.headers });

  beforeAll(async () => {
    db = await openTestDb(kind);
    app = await buildServer({ db, config: readConfig() });
    officer = await signIn(app, db, [{ role: 'city_officer' }]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('check character', () => {
    it('rejects a wrong check character, showing the expected one, and stores nothing', async () => {
      const good = testCreditCode('500112', 901);
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const response = await put(bad, exampleProfile({ credit_code: bad }));
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.details).toContainEqual(expect.objectContaining({ key: 'credit_code', code: 'INVALID_CREDIT_CODE' }));
      expect(body.message).toContain(`应为“${good[17]}”`);
      expect((await get(`/api/enterprises/${bad}`)).statusCode).toBe(404);
    });

    it('reports every bad key of a profile at once, in Chinese', async () => {
      const code = testCreditCode('500112', 902);
      const profile = exampleProfile({ credit_code: code, district_code: '999999', industry_code: '9999' });
      (profile.years as Record<string, Record<string, unknown>>)['2025'].rd_expense = '很多';
      const response = await put(code, profile);
      expect(response.statusCode).toBe(400);
      const keys = response.json().details.map((d: { key: string }) => d.key);
      expect(keys).toEqual(expect.arrayContaining(['district_code', 'industry_code', 'years.2025.rd_expense']));
    });
  });

  describe('profile round trip', () => {
    it('returns an equal document after PUT, unknowns kept as null', async () => {
      const profile = exampleProfile({ credit_code: testCreditCode('500112', 1), chains: ['nev_icv'] });
      const years = profile.years as Record<string, Record<string, unknown>>;
      years['2024'].rd_expense = null;
      delete years['2023'].hnt_income;
      profile.market = null;
      const saved = await put(profile.credit_code, profile, '?source=audit_report&source_ref=渝审〔2026〕12号');
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ version: 1, created: true, changed: true });

      const back = (await get(`/api/enterprises/${profile.credit_code}/profile`)).json();
      expect(withoutNulls(back)).toEqual(withoutNulls(profile));
      expect(back.years['2024'].rd_expense).toBeNull();
      expect(back.years['2023'].hnt_income).toBeNull();
      expect(back.market).toBeNull();
      expect(back.valuation_usd).toBeNull();
      expect(Object.keys(back).slice(0, 4)).toEqual(['credit_code', 'name', 'registration_date', 'district_code']);
    });

    it('keeps an empty list as a known "none" and an absent list as unknown', async () => {
      const profile = exampleProfile({ credit_code: testCreditCode('500112', 2), science_awards: [] });
      delete profile.standards;
      expect((await put(profile.credit_code, profile)).statusCode).toBe(200);
      const back = (await get(`/api/enterprises/${profile.credit_code}/profile`)).json();
      expect(back.science_awards).toEqual([]);
      expect(back.standards).toBeNull();
      const portrait = (await get(`/api/enterprises/${profile.credit_code}`)).json();
      expect(portrait.gaps.map((g: { path: string }) => g.path)).toContain('standards');
      expect(portrait.gaps.map((g: { path: string }) => g.path)).not.toContain('science_awards');
    });
  });

  describe('history of corrections', () => {
    it('keeps the old value readable and gives each value its own provenance', async () => {
      const profile = exampleProfile({ credit_code: testCreditCode('500105', 3), district_code: '500105' });
      await put(profile.credit_code, profile, '?source=self_declared');
      const corrected = structuredClone(profile);
      (corrected.years as Record<string, Record<string, number>>)['2025'].rd_expense = 455;
      const response = await put(profile.credit_code, corrected, '?source=audit_report&source_ref=审计报告2026-031');
      expect(response.json()).toMatchObject({ version: 2, changed: true });

      const history = (await get(`/api/enterprises/${profile.credit_code}/history`)).json();
      expect(history.items).toHaveLength(1);
      expect(history.items[0]).toMatchObject({
        entity: 'year:2025',
        before: { rd_expense: 420 },
        after: { rd_expense: 455 },
        change_set: { source: 'audit_report', source_label: '审计报告', source_ref: '审计报告2026-031' },
      });

      const portrait = (await get(`/api/enterprises/${profile.credit_code}`)).json();
      expect(portrait.profile.years['2025'].rd_expense).toBe(455);
      const changeSetOf = (path: string) => portrait.change_sets[portrait.provenance[path]];
      expect(changeSetOf('years.2025.rd_expense')).toMatchObject({ source: 'audit_report', source_ref: '审计报告2026-031' });
      expect(changeSetOf('years.2025.operating_revenue')).toMatchObject({ source: 'self_declared' });
      expect(changeSetOf('name')).toMatchObject({ source: 'self_declared' });
      // Each change set is described once: the two writes, whatever the number of values.
      expect(Object.keys(portrait.change_sets).sort()).toEqual([...new Set(Object.values(portrait.provenance).map(String))].sort());
      expect(Object.keys(portrait.change_sets)).toHaveLength(2);
      expect(portrait.meta).toMatchObject({ district_name: '江北区', version: 2 });
    });

    it('changes nothing when the same document is stored again', async () => {
      const profile = exampleProfile({ credit_code: testCreditCode('500105', 4), district_code: '500105' });
      await put(profile.credit_code, profile);
      const again = (await put(profile.credit_code, profile)).json();
      expect(again).toMatchObject({ version: 1, changed: false });
      expect((await get(`/api/enterprises/${profile.credit_code}/history`)).json().items).toHaveLength(0);
    });

    it('writes the audit record with the change, and rejects a stale version with 409', async () => {
      const profile = exampleProfile({ credit_code: testCreditCode('500105', 5), district_code: '500105' });
      await put(profile.credit_code, profile);
      const [{ count }] = await db.query<{ count: number }>(
        `select count(*)::int as count from platform.audit_log where object_id = $1 and action = 'enterprise.profile.create'`,
        [profile.credit_code],
      );
      expect(count).toBe(1);
      const stale = await put(profile.credit_code, { ...profile, name: '改名后的公司' }, '?expected_version=7');
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('CONFLICT');
      expect((await get(`/api/enterprises/${profile.credit_code}/profile`)).json().name).toBe(profile.name);
    });
  });

  describe('listing', () => {
    beforeAll(async () => {
      await loadDemo(db, systemActor('test'), { count: 400, seed: 7, latestYear: 2025, today: '2026-06-30' });
    });

    const all = async () =>
      db.query<{ credit_code: string; name: string; district_code: string; industry_code: string; chains: string[]; summary_operating_revenue: number | null; size_class: string | null }>(
        `select credit_code, name, district_code, industry_code, chains, summary_operating_revenue, size_class from registry.enterprise`,
      );

    async function pageThrough(query: string, limit: number) {
      const seen: { credit_code: string; operating_revenue: number | null; name: string }[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const response = await get(`/api/enterprises?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        total = body.total;
        seen.push(...body.items);
        cursor = body.next_cursor;
      } while (cursor);
      return { seen, total };
    }

    it('pages through every enterprise exactly once in revenue order, unknown revenue last', async () => {
      const { seen, total } = await pageThrough('sort=operating_revenue&order=desc', 37);
      const rows = await all();
      expect(total).toBe(rows.length);
      expect(new Set(seen.map((row) => row.credit_code)).size).toBe(rows.length);
      const revenues = seen.map((row) => row.operating_revenue);
      const known = revenues.filter((value): value is number => value !== null);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(revenues.slice(known.length).every((value) => value === null)).toBe(true);
      expect(revenues.some((value) => value === null)).toBe(true);
    });

    it('pages by name ascending without gaps or repeats', async () => {
      const { seen } = await pageThrough('sort=name&order=asc', 50);
      const names = seen.map((row) => row.name);
      expect(seen).toHaveLength((await all()).length);
      for (let i = 1; i < names.length; i++) expect(names[i - 1] <= names[i]).toBe(true);
    });

    it('filters by district, industry prefix, chain, size class and text, with counts', async () => {
      const rows = await all();
      const district = rows[0].district_code;
      const byDistrict = await pageThrough(`district=${district}`, 100);
      expect(byDistrict.total).toBe(rows.filter((r) => r.district_code === district).length);
      expect(byDistrict.seen.every((row) => (row as unknown as { district_code: string }).district_code === district)).toBe(true);

      const division = rows[0].industry_code.slice(0, 2);
      expect((await pageThrough(`industry=${division}`, 100)).total).toBe(rows.filter((r) => r.industry_code.startsWith(division)).length);

      const chain = rows.find((r) => r.chains.length > 0)!.chains[0];
      expect((await pageThrough(`chain=${chain}`, 100)).total).toBe(rows.filter((r) => r.chains.includes(chain)).length);

      const small = rows.filter((r) => r.size_class === 'small').length;
      expect(small).toBeGreaterThan(0);
      expect((await pageThrough('size_class=small', 100)).total).toBe(small);

      const target = rows[5];
      const byText = await pageThrough(`q=${encodeURIComponent(target.name.slice(2, 6))}`, 100);
      expect(byText.seen.map((r) => r.credit_code)).toContain(target.credit_code);
      expect((await pageThrough(`q=${target.credit_code.slice(0, 14)}`, 100)).seen.map((r) => r.credit_code)).toContain(target.credit_code);
    });

    it('pages a name keyword in credit-code order both ways, whether a page comes from the bounded walk or the name index', async () => {
      const rows = await all();
      const word = '有限';
      const expected = rows.filter((r) => r.name.includes(word)).map((r) => r.credit_code).sort();
      expect(expected.length).toBeGreaterThan(20);
      const ascending = await pageThrough(`q=${encodeURIComponent(word)}&with_total=false`, 7);
      expect(ascending.seen.map((r) => r.credit_code)).toEqual(expected);
      const descending = await pageThrough(`q=${encodeURIComponent(word)}&order=desc&with_total=false`, 9);
      expect(descending.seen.map((r) => r.credit_code)).toEqual([...expected].reverse());
      // A keyword with few matches: its only page comes from the name index.
      const rare = rows[11].name.slice(-8, -4);
      const found = await pageThrough(`q=${encodeURIComponent(rare)}`, 50);
      expect(found.seen.map((r) => r.credit_code)).toEqual(rows.filter((r) => r.name.includes(rare)).map((r) => r.credit_code).sort());
      expect(found.total).toBe(found.seen.length);
    });

    it('finds an enterprise by its new name on the next read after a rename, and no longer by the old one', async () => {
      const code = testCreditCode('500106', 31);
      await put(code, exampleProfile({ credit_code: code, district_code: '500106', name: '重庆沙坪坝改名前测试有限公司' }));
      const search = async (word: string) => (await get(`/api/enterprises?q=${encodeURIComponent(word)}`)).json().items.map((r: { credit_code: string }) => r.credit_code);
      expect(await search('改名前测试')).toEqual([code]);
      await put(code, exampleProfile({ credit_code: code, district_code: '500106', name: '重庆沙坪坝改名后测试有限公司' }));
      expect(await search('改名前测试')).toEqual([]);
      expect(await search('改名后测试')).toEqual([code]);
    });

    it("keeps a district officer's keyword search inside the district", async () => {
      const rows = await all();
      const district = rows[0].district_code;
      const officerOfDistrict = await signIn(app, db, [{ role: 'district_officer', district_code: district }]);
      const word = '有限';
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url = `/api/enterprises?q=${encodeURIComponent(word)}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await app.inject({ method: 'GET', url, headers: officerOfDistrict.headers });
        expect(response.statusCode).toBe(200);
        const body: { items: { credit_code: string }[]; next_cursor: string | null } = response.json();
        seen.push(...body.items.map((r) => r.credit_code));
        cursor = body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(rows.filter((r) => r.district_code === district && r.name.includes(word)).map((r) => r.credit_code).sort());
    });

    it('filters by a title held on the day, not one that has expired', async () => {
      const code = testCreditCode('500112', 77);
      await put(code, exampleProfile({
        credit_code: code,
        qualifications: [
          { title: 'little_giant', level: 'national', issue_date: '2020-07-01', expiry_date: '2023-07-01' },
          { title: 'high_tech', level: 'national', issue_date: '2024-11-15', expiry_date: '2099-11-15' },
        ],
      }));
      const giants = (await pageThrough('title=little_giant', 500)).seen.map((r) => r.credit_code);
      const hte = (await pageThrough('title=high_tech', 500)).seen;
      expect(giants).not.toContain(code);
      expect(hte.map((r) => r.credit_code)).toContain(code);
      expect(hte.find((r) => r.credit_code === code)).toMatchObject({ titles: ['high_tech'] });
    });

    it('rejects a forged cursor with a clear error', async () => {
      const response = await get('/api/enterprises?cursor=not-a-cursor');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_CURSOR' });
    });
  });
});

describe.each(testStores)('enterprise evaluation on %s', (kind) => {
  let db: Db;
  let app: App;
  let officer: Session;
  beforeAll(async () => {
    db = await openTestDb(kind);
    app = await buildServer({ db, config: readConfig() });
    officer = await signIn(app, db, [{ role: 'city_officer' }]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('evaluates the stored profile as of a date, with the rule version the date selects', async () => {
    const profile = exampleProfile({ credit_code: testCreditCode('500112', 61) });
    await app.inject({ method: 'PUT', url: `/api/enterprises/${profile.credit_code}/profile`, payload: profile, headers: officer.headers });
    const before = await app.inject({ method: 'GET', url: `/api/enterprises/${profile.credit_code}/evaluation?as_of=2026-03-31`, headers: officer.headers });
    const after = await app.inject({ method: 'GET', url: `/api/enterprises/${profile.credit_code}/evaluation?as_of=2026-04-01`, headers: officer.headers });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().result.standards.specialized_sme.version).toBe('2022');
    expect(after.json().result.standards.specialized_sme.version).toBe('2026');
    expect(after.json()).toMatchObject({ as_of: '2026-04-01', application: 'new', result: { credit_code: profile.credit_code, size_class: 'small' } });
    const criterion = after.json().result.standards.little_giant.criteria.find((c: { id: string }) => c.id === 'X-2a');
    expect(criterion).toMatchObject({ status: 'met', threshold: 5000, unit: '万元' });
  });

  it('rejects a malformed date in Chinese', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/enterprises/${testCreditCode('500112', 61)}/evaluation?as_of=2026-13-01`, headers: officer.headers });
    expect(response.statusCode).toBe(400);
  });
});

describe.each(testStores)('reading profiles in batches on %s', (kind) => {
  let db: Db;
  afterAll(async () => db?.close());

  it('gives every enterprise once, equal to its single profile, resumable after any batch', async () => {
    db = await openTestDb(kind);
    await loadDemo(db, systemActor('test'), { count: 230, seed: 3, latestYear: 2025, today: '2026-06-30' });
    const batches = [];
    for await (const batch of readProfiles(db, systemScope(), { batchSize: 50 })) batches.push(batch);
    const profiles = batches.flatMap((b) => b.profiles);
    expect(profiles).toHaveLength(230);
    expect(new Set(profiles.map((p) => p.credit_code)).size).toBe(230);
    expect(profiles[17]).toEqual(await getProfile(db, systemScope(), profiles[17].credit_code));
    const resumed = [];
    for await (const batch of readProfiles(db, systemScope(), { batchSize: 50, after: batches[1].last })) resumed.push(...batch.profiles);
    expect(resumed.map((p) => p.credit_code)).toEqual(profiles.slice(100).map((p) => p.credit_code));
  });
});

describe.each(testStores)('the demo load into an empty registry on %s', (kind) => {
  let db: Db;
  afterAll(async () => db?.close());

  it('writes the name table whole and in credit-code order, and leaves its trigger on for later writes', async () => {
    db = await openTestDb(kind);
    await loadDemo(db, systemActor('test'), { count: 250, seed: 5, latestYear: 2025, today: '2026-06-30' });
    const names = await db.query<{ credit_code: string; name: string }>(`select credit_code, name from registry.name_search order by ctid`);
    const enterprises = await db.query<{ credit_code: string; name: string }>(`select credit_code, name from registry.enterprise order by credit_code`);
    expect(names).toHaveLength(250);
    expect(names).toEqual(enterprises);

    const code = testCreditCode('500103', 41);
    const profile = exampleProfile({ credit_code: code, district_code: '500103', name: '重庆演示之后新增测试有限公司' });
    await saveProfile(db, systemActor('test'), systemScope(), code, profile, { source: 'platform' });
    expect(await db.query(`select name from registry.name_search where credit_code = $1`, [code])).toEqual([{ name: '重庆演示之后新增测试有限公司' }]);
  });
});

describe.each(testStores)('registry counts on %s', (kind) => {
  let db: Db;
  let app: App;
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('counts what the caller may see, by size, district and valid title', async () => {
    db = await openTestDb(kind);
    app = await buildServer({ db, config: readConfig() });
    const indexes = async () => (await db.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'registry' order by indexname`)).map((r) => r.indexname);
    const before = await indexes();
    await loadDemo(db, systemActor('test'), { count: 300, seed: 11, latestYear: 2025, today: '2026-06-30' });
    expect(await indexes()).toEqual(before);
    const city = await signIn(app, db, [{ role: 'city_officer' }]);
    const yubei = await signIn(app, db, [{ role: 'district_officer', district_code: '500112' }]);
    const stats = async (session: Session) => (await app.inject({ method: 'GET', url: '/api/registry/stats', headers: session.headers })).json();
    const all = await stats(city);
    const direct = await db.query<{ district_code: string; size_class: string | null }>(`select district_code, size_class from registry.enterprise`);
    expect(all.total).toBe(300);
    expect(all.by_size.small ?? 0).toBe(direct.filter((r) => r.size_class === 'small').length);
    expect(all.by_size.unknown ?? 0).toBe(direct.filter((r) => r.size_class === null).length);
    expect(all.by_district.find((d: { code: string }) => d.code === '500112').count).toBe(direct.filter((r) => r.district_code === '500112').length);
    expect(all.by_district).toHaveLength(41);
    const own = await stats(yubei);
    expect(own.total).toBe(direct.filter((r) => r.district_code === '500112').length);
    expect(own.by_district.map((d: { code: string }) => d.code)).toEqual(['500112']);
  });
});
