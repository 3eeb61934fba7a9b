import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { systemScope } from '../../platform/scope.ts';
import { openTestDb } from '../../platform/testing/stores.ts';
import { evaluateBatch, STANDARD_IDS } from '../../standards/index.ts';
import { loadDemo } from '../registry/demo/load-demo.ts';
import type { ProfileDocument } from '../registry/profile-mapping.ts';
import { readProfiles } from '../registry/use-cases/read-profiles.ts';
import { evaluateForRun, GAPS_KEPT_UP_TO_UNMET, STATUS_CODE } from './results.ts';

const AS_OF = '2026-06-30';

describe('a run’s result rows', () => {
  let db: Db;
  let profiles: ProfileDocument[];

  beforeAll(async () => {
    db = await openTestDb('pglite');
    await loadDemo(db, systemActor('results test'), { count: 3000, seed: 5, latestYear: 2025, today: AS_OF });
    profiles = [];
    for await (const batch of readProfiles(db, systemScope(), { batchSize: 1000 })) profiles.push(...batch.profiles);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('hold what the engine’s record-per-profile view says for every enterprise and standard', () => {
    const settings = { runId: 1, asOf: AS_OF, application: 'new' as const, standards: STANDARD_IDS };
    const { rows, versions } = evaluateForRun(profiles, settings);
    const records = evaluateBatch(profiles, { asOf: AS_OF, application: 'new', standards: STANDARD_IDS }).results;
    expect(rows).toHaveLength(3000);
    rows.forEach((row, i) => {
      const expected = records[i];
      expect(row.credit_code).toBe(expected.credit_code);
      expect(row.size_class).toBe(expected.size_class);
      expect(row.status).toEqual(expected.standards.map((record) => STATUS_CODE[record.status]));
      expect(row.score).toEqual(expected.standards.map((record) => record.score));
      expect(row.unmet).toEqual(expected.standards.map((record) => record.unmet_count));
      expect(row.distance).toEqual(expected.standards.map((record) => record.distance));
      const gaps = Object.fromEntries(
        expected.standards
          .filter((record) => record.unmet_count > 0 && record.unmet_count <= GAPS_KEPT_UP_TO_UNMET && record.gaps.length > 0)
          .map((record) => [record.standard, record.gaps.map((gap) => [gap.id, gap.gap, gap.unit])]),
      );
      expect(row.gaps ?? {}).toEqual(gaps);
    });
    for (const [k, id] of STANDARD_IDS.entries()) expect([...versions.get(id)!].sort()).toEqual([...new Set(records.map((r) => r.standards[k].version))].sort());
  });
});
