import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { systemScope } from '../../platform/scope.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { titlesHeldOn, titleTerms } from './listing-columns.ts';
import { listEnterprises } from './use-cases/list-enterprises.ts';
import { saveProfile } from './use-cases/save-profile.ts';
import { testCreditCode } from './testing.ts';

const TODAY = '2026-06-30';
const QUALIFICATIONS = [
  { title: 'specialized_sme', level: 'provincial', issue_date: '2024-09-01', expiry_date: '2027-08-31' },
  { title: 'innovative_sme', level: 'provincial', issue_date: '2021-07-01', expiry_date: '2024-06-30' },
  { title: 'high_tech', level: 'national', issue_date: null, expiry_date: null },
  { title: 'little_giant', level: 'national', issue_date: '2026-07-01', expiry_date: '2029-06-30' },
  { title: null, level: 'city', issue_date: '2025-01-01', expiry_date: '2028-01-01' },
];

describe('title terms', () => {
  it('keep each titled qualification with its period, an unknown date as the widest one', () => {
    expect(titleTerms(QUALIFICATIONS)).toEqual([
      'high_tech|0000|9999',
      'innovative_sme|2021-07-01|2024-06-30',
      'little_giant|2026-07-01|2029-06-30',
      'specialized_sme|2024-09-01|2027-08-31',
    ]);
  });

  it('hold a title from its issue day to its expiry day, both included, and list it once', () => {
    const terms = titleTerms([...QUALIFICATIONS, { title: 'specialized_sme', issue_date: '2021-09-01', expiry_date: '2024-08-31' }]);
    expect(titlesHeldOn(terms, '2024-08-31')).toEqual(['high_tech', 'specialized_sme']);
    expect(titlesHeldOn(terms, '2024-06-30')).toEqual(['high_tech', 'innovative_sme', 'specialized_sme']);
    expect(titlesHeldOn(terms, '2024-07-01')).toEqual(['high_tech', 'specialized_sme']);
    expect(titlesHeldOn(terms, '2026-07-01')).toEqual(['high_tech', 'little_giant', 'specialized_sme']);
    expect(titlesHeldOn(terms, '2027-09-01')).toEqual(['high_tech', 'little_giant']);
    expect(titlesHeldOn([], '2026-06-30')).toEqual([]);
  });
});

describe.each(testStores)('title terms on %s', (kind) => {
  let db: Db;
  const holder = testCreditCode('500112', 9001);

  beforeAll(async () => {
    db = await openTestDb(kind);
    await saveProfile(db, systemActor('test'), systemScope(), holder, { credit_code: holder, name: '重庆称号期限测试有限公司', district_code: '500112', qualifications: QUALIFICATIONS }, { source: 'platform', today: TODAY });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('are written with the profile, and the migration derives the same from the stored qualifications', async () => {
    const stored = async () => (await db.query<{ title_terms: string[] }>(`select title_terms from registry.enterprise where credit_code = $1`, [holder]))[0].title_terms;
    const written = await stored();
    expect(written).toEqual(titleTerms(QUALIFICATIONS));
    await db.exec(`update registry.enterprise set title_terms = '{}'`);
    const migration = readFileSync(new URL('./migrations/0063_title_terms.sql', import.meta.url), 'utf8');
    await db.exec(migration.slice(migration.indexOf('update registry.enterprise')));
    expect(await stored()).toEqual(written);
  });

  it('give the titles held on the day in the listing and its title filter: not the expired, not the one not yet issued', async () => {
    const list = (title?: string) => listEnterprises(db, systemScope(), { limit: 50, with_total: 'true', sort: 'credit_code', order: 'asc', title } as never, { today: TODAY });
    const all = await list();
    expect(all.items.find((item) => item.credit_code === holder)?.titles).toEqual(['high_tech', 'specialized_sme']);
    expect((await list('specialized_sme')).items.map((item) => item.credit_code)).toEqual([holder]);
    expect((await list('high_tech')).total).toBe(1);
    expect((await list('innovative_sme')).total).toBe(0);
    expect((await list('little_giant')).total).toBe(0);
  });
});
