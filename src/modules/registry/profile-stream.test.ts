import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { makeScope, systemScope, type Scope } from '../../platform/scope.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { loadDemo } from './demo/load-demo.ts';
import { streamProfiles } from './profile-stream.ts';
import { exampleProfile, testCreditCode } from './testing.ts';
import { readProfiles, type ProfileBatch } from './use-cases/read-profiles.ts';
import { saveProfile } from './use-cases/save-profile.ts';

const actor = systemActor('profile stream test');

async function collect(batches: AsyncIterable<ProfileBatch>): Promise<ProfileBatch[]> {
  const all: ProfileBatch[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describe.each(testStores)('bulk profile read on %s', (kind) => {
  let db: Db;
  const sparse = testCreditCode('500103', 9001);
  const figures = testCreditCode('500103', 9002);
  const full = testCreditCode('500112', 9003);

  beforeAll(async () => {
    db = await openTestDb(kind);
    await loadDemo(db, actor, { count: 120, seed: 11, latestYear: 2025, today: '2026-06-30' });
    // Almost nothing known: no years, no lists, no nested objects.
    await saveProfile(db, actor, systemScope(), sparse, { credit_code: sparse, name: '重庆稀疏数据测试有限公司', district_code: '500103' }, { source: 'platform' });
    // Years with unknown figures, zeros, negatives, decimals and more digits than a double holds; known-empty and absent lists.
    const withFigures = exampleProfile({ credit_code: figures, district_code: '500103' });
    const years = withFigures.years as Record<string, Record<string, number | null>>;
    years['2025'] = { ...years['2025'], rd_expense: null, net_profit: -12.5, hnt_income: 0, total_assets: 12345678901234.567, operating_revenue: 0.001, platform_srdi_score: 77.25 };
    years['2024'] = Object.fromEntries(Object.keys(years['2024']).map((field) => [field, null]));
    delete years['2023'];
    withFigures.ip_items = [];
    delete withFigures.science_awards;
    withFigures.market = { scope: '含"引号"、反斜杠\\和\t制表符\n换行的细分市场', share_pct: 3.5, rank_domestic: null };
    await saveProfile(db, actor, systemScope(), figures, withFigures, { source: 'platform' });
    await saveProfile(db, actor, systemScope(), full, exampleProfile({ credit_code: full }), { source: 'platform' });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('yields exactly the profiles and batches of the registry profile read', async () => {
    const expected = await collect(readProfiles(db, systemScope(), { batchSize: 7 }));
    const streamed = await collect(streamProfiles(db, systemScope(), { batchSize: 7 }));
    expect(streamed.length).toBe(expected.length);
    expect(streamed.flatMap((batch) => batch.profiles)).toHaveLength(123);
    // toStrictEqual: null is not undefined, an absent key is not a null one, 0 is not null.
    expect(streamed).toStrictEqual(expected);
  });

  it('keeps unknown unknown: no years, no lists, null figures stay null and never become 0', async () => {
    const [profile] = (await collect(streamProfiles(db, systemScope(), { after: testCreditCode('500103', 9000), upTo: sparse }))).flatMap((b) => b.profiles);
    expect(profile.credit_code).toBe(sparse);
    expect(profile.years).toStrictEqual({});
    expect(profile.ip_items).toBeNull();
    expect(profile.qualifications).toBeNull();
    expect(profile.valuation_usd).toBeNull();
    expect(profile.compliance).toBeNull();

    const [withFigures] = (await collect(streamProfiles(db, systemScope(), { after: sparse, upTo: figures }))).flatMap((b) => b.profiles);
    const years = withFigures.years as Record<string, Record<string, number | null>>;
    expect(Object.keys(years)).toEqual(['2024', '2025']);
    expect(years['2025'].rd_expense).toBeNull();
    expect(years['2025'].net_profit).toBe(-12.5);
    expect(years['2025'].hnt_income).toBe(0);
    expect(years['2025'].operating_revenue).toBe(0.001);
    expect(years['2025'].total_assets).toBe(12345678901234.567);
    expect(Object.values(years['2024']).every((value) => value === null)).toBe(true);
    expect(withFigures.ip_items).toStrictEqual([]);
    expect(withFigures.science_awards).toBeNull();
    expect((withFigures.market as { scope: string }).scope).toBe('含"引号"、反斜杠\\和\t制表符\n换行的细分市场');
  });

  it('reads a credit-code range and a district scope as the registry read does', async () => {
    const codes = (await collect(readProfiles(db, systemScope(), { batchSize: 1000 }))).flatMap((b) => b.profiles.map((p) => p.credit_code));
    const range = { after: codes[10], upTo: codes[40], batchSize: 6 };
    expect(await collect(streamProfiles(db, systemScope(), range))).toStrictEqual(await collect(readProfiles(db, systemScope(), range)));

    const district: Scope = makeScope({ all: false, districts: ['500103'], creditCodes: [full] });
    const expected = await collect(readProfiles(db, district, { batchSize: 4 }));
    const streamed = await collect(streamProfiles(db, district, { batchSize: 4 }));
    expect(streamed).toStrictEqual(expected);
    const seen = streamed.flatMap((b) => b.profiles);
    expect(seen.map((p) => p.credit_code)).toEqual(expect.arrayContaining([sparse, figures, full]));
    expect(seen.every((p) => p.district_code === '500103' || p.credit_code === full)).toBe(true);
  });
});
