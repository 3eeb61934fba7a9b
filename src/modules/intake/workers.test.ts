import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { openTestDb } from '../../platform/testing/stores.ts';
import { createUser } from '../identity/use-cases/manage-users.ts';
import { jobsOfGroup } from '../jobs/queue.ts';
import { loadDemo } from '../registry/demo/load-demo.ts';
import { workbookOf } from './testing.ts';
import { requestCommit } from './use-cases/commit-import.ts';
import { getImport } from './use-cases/get-import.ts';
import { batchGroup, COMMIT_JOB, type ImportProgress } from './use-cases/import-jobs.types.ts';
import type { Viewer } from './use-cases/list-imports.ts';
import { startImport } from './use-cases/start-import.ts';

const TODAY = '2026-06-30';
const ENTERPRISES = 1500;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const title = serverUrl
  ? 'imports in tidu worker processes on PostgreSQL'
  : 'imports in tidu worker processes — skipped: TEST_DATABASE_URL is not set, and separate processes need a PostgreSQL server to share';
const city: Viewer = { actor: { id: 'import_worker_tester', role: 'city_officer', clientIp: null }, seesAll: true };

const ownerPid = (owner: string | null) => Number(owner?.split(':')[1]);

describe.skipIf(!serverUrl)(title, () => {
  let db: Db;
  let url: string;
  let children: ChildProcess[] = [];

  async function startWorkers(count: number): Promise<ChildProcess[]> {
    return Promise.all(
      Array.from({ length: count }, () => {
        const child = spawn(process.execPath, ['bin/tidu.js', 'worker'], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: url, DISCOVERY_SCHEDULE: 'off', DISCOVERY_WATCH_MS: '0', JOB_POLL_MS: '100', JOB_STALE_SECONDS: '5' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        return new Promise<ChildProcess>((resolve, reject) => {
          child.stdout!.once('data', () => resolve(child));
          child.once('exit', (code) => reject(new Error(`tidu worker exited with ${code}`)));
        });
      }),
    );
  }

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    db = await openTestDb('postgres');
    url = db.pool!.options.connectionString!;
    await loadDemo(db, systemActor('import worker test'), { count: ENTERPRISES, seed: 5, latestYear: 2025, today: TODAY });
    await createUser(
      db,
      systemActor('test'),
      { username: city.actor.id, display_name: '市级测试', grants: [{ role: 'city_officer', district_code: null, credit_code: null, department: null, institution: null }] },
      { password: 'Test-pass-2026!', mustChangePassword: false },
    );
  }, 120_000);
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children = [];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a worker killed while committing has the commit taken over after its heartbeat goes stale, and the batch is written exactly once', async () => {
    const [first] = await startWorkers(2);
    expect(first.pid).toBeGreaterThan(0);
    const codes = (await db.query<{ credit_code: string }>(`select credit_code from registry.enterprise order by credit_code`)).map((row) => row.credit_code);
    expect(codes).toHaveLength(ENTERPRISES);
    // A new figure for every enterprise: each is an update of its own, which takes the commit a few seconds.
    const file = await workbookOf(
      'years',
      codes.map((credit_code, i) => ({ credit_code, year: 2025, operating_revenue: 100_000 + i })),
    );
    const { id } = await startImport(db, city, city.actor.id, { kind: 'years', fileName: '年度.xlsx', file }, TODAY);
    const preview = await until(
      () => getImport(db, city, id, { limit: 1, offset: 0 }),
      (batch) => batch.status !== 'analysing',
    );
    // On failure, say why: the batch's reason and its jobs.
    expect(preview.status, JSON.stringify([preview.failure, await jobsOfGroup(db, batchGroup(id))])).toBe('previewed');
    // Nearly all are updates (a few demo enterprises were founded after the year, and are rejected with the reason).
    const updated = preview.counts!.updated;
    expect(updated).toBeGreaterThan(ENTERPRISES * 0.9);

    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });
    // Kill the worker holding the commit once it has written part of the batch.
    const held = await until(
      async () => (await jobsOfGroup<unknown, ImportProgress>(db, batchGroup(id))).find((job) => job.kind === COMMIT_JOB)!,
      (job) => job.status === 'running' && (job.progress?.rows ?? 0) > 0,
    );
    expect(held.status, 'the commit never got under way').toBe('running');
    const victim = children.find((child) => child.pid === ownerPid(held.owner))!;
    victim.kill('SIGKILL');
    const progressAtDeath = held.progress!.rows;
    expect(progressAtDeath).toBeLessThan(updated);

    const done = await until(
      () => getImport(db, city, id, { limit: 1, offset: 0 }),
      (batch) => batch.status === 'committed' || batch.status === 'failed',
    );
    expect(done).toMatchObject({ status: 'committed', counts: { updated } });
    const job = (await jobsOfGroup(db, batchGroup(id))).find((j) => j.kind === COMMIT_JOB)!;
    // At least the victim's attempt and the survivor's (on a loaded machine a slow heartbeat can add a hand-over).
    expect(job.status).toBe('done');
    expect(job.attempts).toBeGreaterThanOrEqual(2);
    expect(ownerPid(job.owner)).not.toBe(victim.pid);

    const [{ n: changeSets }] = await db.query<{ n: number }>(`select count(*)::int as n from platform.change_set where source_ref like $1`, [`导入批次 #${id}｜%`]);
    expect(changeSets).toBe(updated);
    const [{ n: commits }] = await db.query<{ n: number }>(`select count(*)::int as n from platform.audit_log where action = 'intake.import.commit' and object_id = $1`, [String(id)]);
    expect(commits).toBe(1);
    const [{ n: changes }] = await db.query<{ n: number }>(`select count(*)::int as n from intake.batch_change where batch_id = $1`, [id]);
    expect(changes).toBe(updated);
  }, 240_000);
});
