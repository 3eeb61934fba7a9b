import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { systemScope } from '../../platform/scope.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { STANDARD_IDS, tallyBatch, type StandardId } from '../../standards/index.ts';
import { loadDemo } from '../registry/demo/load-demo.ts';
import { readProfiles } from '../registry/use-cases/read-profiles.ts';
import { getProfile } from '../registry/use-cases/get-portrait.ts';
import { saveProfile } from '../registry/use-cases/save-profile.ts';
import * as repo from './repository.ts';
import { DiscoveryRunner, runnerSettings, type RunnerSettings } from './runner.ts';
import { applyChanges } from './use-cases/apply-changes.ts';
import { diffRuns } from './use-cases/diff-runs.ts';
import { executeRun } from './use-cases/execute-run.ts';
import { runSummary } from './use-cases/run-view.ts';
import { startRun } from './use-cases/start-run.ts';

const AS_OF = '2026-06-30';
const actor = systemActor('discovery test');

export async function runToEnd(db: Db, asOf = AS_OF, batchSize = 64): Promise<repo.RunRow> {
  const { run } = await startRun(db, actor, { as_of: asOf, application: 'new' }, 'cli');
  expect(await executeRun(db, run, 'test-owner', { batchSize })).toBe('completed');
  return (await repo.getRun(db, run.id))!;
}

async function directCounts(db: Db) {
  const profiles = [];
  for await (const batch of readProfiles(db, systemScope(), { batchSize: 500 })) profiles.push(...batch.profiles);
  return { count: profiles.length, tally: tallyBatch(profiles, { asOf: AS_OF, application: 'new' }) };
}

const quietSettings = (db: Db): RunnerSettings => ({ ...runnerSettings(db.kind), batchSize: 50, watchMs: 0, schedule: null, pollMs: 60_000 });

describe.each(testStores)('discovery runs on %s', (kind) => {
  let db: Db;

  beforeAll(async () => {
    db = await openTestDb(kind);
    await loadDemo(db, actor, { count: 400, seed: 7, latestYear: 2025, today: AS_OF });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts every standard as a direct evaluation of every enterprise does', async () => {
    const run = await runToEnd(db);
    const direct = await directCounts(db);
    const summary = runSummary(run);
    expect(summary.enterprises).toBe(direct.count);
    expect(Object.keys(summary.standards)).toEqual([...STANDARD_IDS]);
    for (const id of STANDARD_IDS) expect(summary.standards[id], id).toEqual(direct.tally[id]);
    expect(run.rule_versions.little_giant?.length).toBeGreaterThan(0);
    // The stored rows add up to the same counts.
    const stored = await db.query<{ k: number; status: number; n: number }>(
      `select k, status[k] as status, count(*)::int as n from discovery.result, generate_series(1, ${STANDARD_IDS.length}) k where run_id = $1 group by 1, 2`,
      [run.id],
    );
    const order = ['qualified', 'not_qualified', 'insufficient_data', 'manual_review'] as const;
    for (const row of stored) expect(row.n).toBe(direct.tally[STANDARD_IDS[row.k - 1]][order[row.status]]);
  });

  it('resumes a run stopped mid-way and ends with the result of an uninterrupted run', async () => {
    const reference = await runToEnd(db, AS_OF, 50);
    const { run } = await startRun(db, actor, { as_of: AS_OF, application: 'new' }, 'page');
    const dying = new DiscoveryRunner(db, quietSettings(db), 3);
    dying.start();
    await dying.idle();
    await dying.stop();
    const stopped = (await repo.getRun(db, run.id))!;
    expect(stopped.status).toBe('running');
    expect(stopped.processed).toBe(150);

    const restarted = new DiscoveryRunner(db, { ...quietSettings(db), staleSeconds: 0 });
    restarted.start();
    await restarted.idle();
    await restarted.stop();
    const resumed = (await repo.getRun(db, run.id))!;
    expect(resumed.status).toBe('completed');
    expect(runSummary(resumed).standards).toEqual(runSummary(reference).standards);
    expect(resumed.processed).toBe(reference.processed);
    const rowsOf = (id: number) =>
      db.query(`select credit_code, status, score, unmet, distance, held_mask, review, gaps from discovery.result where run_id = $1 order by credit_code`, [id]);
    expect(await rowsOf(run.id)).toEqual(await rowsOf(reference.id));
  });

  it('shows the enterprises whose status changed between runs after their figures change', async () => {
    const before = await runToEnd(db);
    const target = await pickQualified(db, before.id, 'innovative_sme');
    await listAsAbnormal(db, target);
    const after = await runToEnd(db);
    const diff = await diffRuns(db, systemScope(), { from: before.id, to: after.id, standard: 'innovative_sme', change: 'no_longer_qualified', limit: 50, offset: 0 });
    expect(diff.items.map((row) => row.credit_code)).toEqual([target]);
    expect(diff.items[0]).toMatchObject({ before: 'qualified', standard: 'innovative_sme' });
    expect(diff.summary.find((row) => row.standard === 'innovative_sme')).toMatchObject({ no_longer_qualified: 1, newly_qualified: 0 });
    const all = await diffRuns(db, systemScope(), { from: before.id, to: after.id, limit: 200, offset: 0 });
    expect(new Set(all.items.map((row) => row.credit_code))).toEqual(new Set([target]));
  });

  it('re-evaluates changed enterprises in the latest run without a full run', async () => {
    const latest = await runToEnd(db);
    const target = await pickQualified(db, latest.id, 'innovative_sme');
    await listAsAbnormal(db, target);
    expect(await applyChanges(db)).toBe(1);
    expect(await applyChanges(db)).toBe(0);
    const updated = (await repo.getRun(db, latest.id))!;
    const direct = await directCounts(db);
    for (const id of STANDARD_IDS) expect(updated.counts[id], id).toEqual(direct.tally[id]);
    const k = updated.standards.indexOf('innovative_sme') + 1;
    const [row] = await db.query<{ status: number }>(`select status[${k}] as status from discovery.result where run_id = $1 and credit_code = $2`, [latest.id, target]);
    expect(row.status).toBe(1);
  });
});

/** Puts the enterprise on the abnormal-operations list: every ladder standard requires it not to be (G-03). */
async function listAsAbnormal(db: Db, creditCode: string) {
  const profile = await getProfile(db, systemScope(), creditCode);
  profile.compliance = { ...(profile.compliance as object), abnormal_list: true };
  await saveProfile(db, actor, systemScope(), creditCode, profile, { source: 'platform' });
}

async function pickQualified(db: Db, runId: number, standard: StandardId): Promise<string> {
  const run = (await repo.getRun(db, runId))!;
  const k = run.standards.indexOf(standard) + 1;
  const [row] = await db.query<{ credit_code: string }>(`select credit_code from discovery.result where run_id = $1 and status[${k}] = 0 order by credit_code limit 1`, [runId]);
  if (!row) throw new Error(`no enterprise qualifies for ${standard}`);
  return row.credit_code;
}
