import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { systemScope } from '../../platform/scope.ts';
import { openTestDb } from '../../platform/testing/stores.ts';
import { STANDARD_IDS, tallyBatch } from '../../standards/index.ts';
import { jobsOfGroup } from '../jobs/queue.ts';
import { loadDemo } from '../registry/demo/load-demo.ts';
import { readProfiles } from '../registry/use-cases/read-profiles.ts';
import * as repo from './repository.ts';
import { runGroup } from './use-cases/chunks.types.ts';
import { runSummary } from './use-cases/run-view.ts';
import { startRun } from './use-cases/start-run.ts';

const AS_OF = '2026-06-30';
const ENTERPRISES = 2000;
const actor = systemActor('worker test');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const title = serverUrl
  ? 'tidu worker processes on PostgreSQL'
  : 'tidu worker processes — skipped: TEST_DATABASE_URL is not set, and separate processes need a PostgreSQL server to share';

const ownerPid = (owner: string | null) => Number(owner?.split(':')[1]);

describe.skipIf(!serverUrl)(title, () => {
  let db: Db;
  let url: string;
  let children: ChildProcess[] = [];

  /** `tidu worker` processes, resolved once each has said it is ready. */
  async function startWorkers(count: number, env: Record<string, string> = {}): Promise<ChildProcess[]> {
    const started = await Promise.all(
      Array.from({ length: count }, () => {
        const child = spawn(process.execPath, ['bin/tidu.js', 'worker'], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: url, DISCOVERY_SCHEDULE: 'off', DISCOVERY_WATCH_MS: '0', DISCOVERY_POLL_MS: '100', DISCOVERY_BATCH_SIZE: '50', ...env },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        return new Promise<ChildProcess>((resolve, reject) => {
          child.stdout!.once('data', () => resolve(child));
          child.once('exit', (code) => reject(new Error(`tidu worker exited with ${code}`)));
        });
      }),
    );
    return started;
  }

  async function finishedRun(runId: number): Promise<repo.RunRow> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const run = (await repo.getRun(db, runId))!;
      if (run.status === 'completed' || run.status === 'failed' || Date.now() > deadline) return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function directCounts() {
    const profiles = [];
    for await (const batch of readProfiles(db, systemScope(), { batchSize: 500 })) profiles.push(...batch.profiles);
    return tallyBatch(profiles, { asOf: AS_OF, application: 'new' });
  }

  beforeAll(async () => {
    db = await openTestDb('postgres');
    url = db.pool!.options.connectionString!;
    await loadDemo(db, actor, { count: ENTERPRISES, seed: 11, latestYear: 2025, today: AS_OF });
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children = [];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('two workers share one run’s chunks and count every standard as a direct evaluation does', async () => {
    await startWorkers(2);
    const { run } = await startRun(db, actor, { as_of: AS_OF, application: 'new' }, 'page', { chunkSize: 100 });
    const finished = await finishedRun(run.id);
    expect(finished.status).toBe('completed');
    expect(finished.processed).toBe(ENTERPRISES);
    const chunks = await jobsOfGroup(db, runGroup(run.id));
    expect(chunks).toHaveLength(ENTERPRISES / 100 + 1);
    expect(new Set(chunks.map((chunk) => ownerPid(chunk.owner))).size).toBe(2);
    const direct = await directCounts();
    const summary = runSummary(finished);
    for (const id of STANDARD_IDS) expect(summary.standards[id], id).toEqual(direct[id]);
  }, 180_000);

  it('a worker killed mid-run has its chunk taken over after its heartbeat goes stale, with the same final counts', async () => {
    const [victim] = await startWorkers(2, { DISCOVERY_STALE_SECONDS: '2' });
    const { run } = await startRun(db, actor, { as_of: AS_OF, application: 'new' }, 'cli', { chunkSize: 250 });
    // Kill the victim once it has committed part of a chunk and is still working on it.
    let abandoned: number | null = null;
    const deadline = Date.now() + 60_000;
    while (abandoned === null && Date.now() < deadline) {
      const held = (await jobsOfGroup<unknown, { processed: number }>(db, runGroup(run.id))).find(
        (chunk) => chunk.status === 'running' && ownerPid(chunk.owner) === victim.pid && (chunk.progress?.processed ?? 0) > 0,
      );
      if (held) {
        victim.kill('SIGKILL');
        abandoned = held.id;
      } else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(abandoned, 'the victim never held a chunk mid-way').not.toBeNull();

    const finished = await finishedRun(run.id);
    expect(finished.status).toBe('completed');
    const chunks = await jobsOfGroup(db, runGroup(run.id));
    const retaken = chunks.find((chunk) => chunk.id === abandoned)!;
    expect(retaken.status).toBe('done');
    expect(retaken.attempts).toBeGreaterThanOrEqual(2);
    expect(ownerPid(retaken.owner)).not.toBe(victim.pid);

    expect(finished.processed).toBe(ENTERPRISES);
    const [{ rows }] = await db.query<{ rows: number }>(`select count(*)::int as rows from discovery.result where run_id = $1`, [run.id]);
    expect(rows).toBe(ENTERPRISES);
    const direct = await directCounts();
    const summary = runSummary(finished);
    for (const id of STANDARD_IDS) expect(summary.standards[id], id).toEqual(direct[id]);
  }, 180_000);
});
