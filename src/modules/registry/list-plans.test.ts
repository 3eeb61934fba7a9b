import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { systemScope } from '../../platform/scope.ts';
import { openOneConnectionTestDb } from '../../platform/testing/stores.ts';
import { testCreditCode } from './testing.ts';
import { listEnterprises } from './use-cases/list-enterprises.ts';
import { saveProfile } from './use-cases/save-profile.ts';

const DISTRICTS = ['500112', '500105', '500103', '500106'];

describe.runIf(process.env.TEST_DATABASE_URL)('registry pages as prepared statements on PostgreSQL', () => {
  let db: Db;

  beforeAll(async () => {
    db = await openOneConnectionTestDb();
    await migrate(db);
    for (const [index, district] of DISTRICTS.entries()) {
      const code = testCreditCode(district, 100 + index);
      await saveProfile(db, systemActor('test'), systemScope(), code, { credit_code: code, name: `重庆计划测试${index}有限公司`, district_code: district, chains: ['robots'] }, { source: 'platform', today: '2026-06-30' });
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stop being planned per request: after a few pages a district list runs a generic plan', async () => {
    for (let i = 0; i < 8; i++) {
      const page = await listEnterprises(db, systemScope(), { district: DISTRICTS[i % DISTRICTS.length], limit: 50, with_total: 'false', sort: 'credit_code', order: 'asc' } as never, { today: '2026-06-30' });
      expect(page.items.map((item) => item.district_code)).toEqual([DISTRICTS[i % DISTRICTS.length]]);
    }
    const [statement] = await db.query<{ statement: string; generic_plans: number }>(
      `select statement, generic_plans::int from pg_prepared_statements where statement like '%e.district_code = $1%' and statement not like '%count(%'`,
    );
    expect(statement.statement).toMatch(/limit 51\b/);
    expect(statement.generic_plans).toBeGreaterThan(0);
  });

  it('name the chain in the text, so a generic plan can still use the chain index', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await listEnterprises(db, systemScope(), { chain: 'robots', district: DISTRICTS[i], limit: 20, with_total: 'false', sort: 'operating_revenue', order: 'desc' } as never, { today: '2026-06-30' });
      expect(page.items.map((item) => item.district_code)).toEqual([DISTRICTS[i]]);
    }
    const statements = await db.query<{ statement: string }>(`select statement from pg_prepared_statements where statement like '%chains @>%'`);
    expect(statements.map((row) => row.statement)).toEqual([expect.stringContaining(`e.chains @> array['robots']::text[]`)]);
  });

  it('name the title in the text, so a generic plan can still use the title index', async () => {
    const code = testCreditCode('500112', 140);
    const qualifications = [{ title: 'little_giant', level: 'national', issue_date: '2024-07-01', expiry_date: '2027-06-30' }];
    await saveProfile(db, systemActor('test'), systemScope(), code, { credit_code: code, name: '重庆计划测试小巨人有限公司', district_code: '500112', qualifications }, { source: 'platform', today: '2026-06-30' });
    for (let i = 0; i < 3; i++) {
      const page = await listEnterprises(db, systemScope(), { title: 'little_giant', limit: 50, with_total: 'false', sort: 'credit_code', order: 'asc' } as never, { today: '2026-06-30' });
      expect(page.items.map((item) => item.credit_code)).toEqual([code]);
    }
    const statements = await db.query<{ statement: string }>(`select statement from pg_prepared_statements where statement like '%titles @>%'`);
    expect(statements.map((row) => row.statement)).toEqual([expect.stringContaining(`e.titles @> array['little_giant']::text[]`)]);
    const indexes = await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'enterprise_title_little_giant'`);
    expect(indexes).toEqual([{ indexdef: expect.stringContaining(`WHERE (titles @> ARRAY['little_giant'::text])`) }]);
  });
});
