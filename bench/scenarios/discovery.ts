import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../src/platform/audit.ts';
import type { Db } from '../../src/platform/db.ts';
import { systemScope } from '../../src/platform/scope.ts';
import * as repo from '../../src/modules/discovery/repository.ts';
import { DiscoveryRunner, runnerSettings } from '../../src/modules/discovery/runner.ts';
import { startRun } from '../../src/modules/discovery/use-cases/start-run.ts';
import { getProfile } from '../../src/modules/registry/use-cases/get-portrait.ts';
import { saveProfile } from '../../src/modules/registry/use-cases/save-profile.ts';
import { BENCH_AS_OF, registryDatabase } from '../database.ts';

const tidu = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'tidu.js');
const actor = systemActor('bench');

/** `tidu worker` processes on the bench database, resolved once each has said it is ready. */
async function startWorkers(url: string, count: number): Promise<ChildProcess[]> {
  const env = { ...process.env, DATABASE_URL: url, DISCOVERY_SCHEDULE: 'off', DISCOVERY_WATCH_MS: '0', DISCOVERY_POLL_MS: '100' };
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [tidu, 'worker'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.stdout!.once('data', () => resolve(child));
        child.once('exit', (code) => reject(new Error(`tidu worker exited with ${code}`)));
      });
    }),
  );
}

/** Peak resident memory of a live process (VmHWM), in MiB. */
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** CPU seconds a process has used so far (user + system). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU used by the PostgreSQL backends serving the bench database, sampled while they live (a pool may replace a
 * connection mid-run). The machine is shared: CPU seconds, unlike wall time, do not depend on what else runs.
 */
function sampleBackends(db: Db): { stop: () => Promise<number> } {
  const used = new Map<number, number>();
  const sample = async () => {
    const rows = await db.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    for (const { pid } of rows) used.set(pid, Math.max(used.get(pid) ?? 0, cpuSeconds(pid)));
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 500);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      return [...used.values()].reduce((sum, seconds) => sum + seconds, 0);
    },
  };
}

/** One full run executed by `workers` worker processes: seconds from queueing to completion, and their peak memory. */
async function timedRun(db: Db, url: string, workers: number, chunkSize: number) {
  await db.exec('truncate discovery.key_list_member, discovery.key_list, discovery.result, discovery.run, jobs.job');
  const children = await startWorkers(url, workers);
  try {
    const load = loadavg()[0];
    const startCpu = children.map((child) => cpuSeconds(child.pid!));
    const backends = sampleBackends(db);
    const started = performance.now();
    const { run } = await startRun(db, actor, { as_of: BENCH_AS_OF, application: 'new' }, 'page', { chunkSize });
    let finished = run;
    while (finished.status !== 'completed' && finished.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = (await repo.getRun(db, run.id))!;
    }
    if (finished.status === 'failed') throw new Error(`评价批次失败：${finished.error}`);
    const seconds = (performance.now() - started) / 1000;
    const workerCpu = children.reduce((sum, child, i) => sum + cpuSeconds(child.pid!) - startCpu[i], 0);
    const postgresCpu = await backends.stop();
    const owners = await db.query<{ owner: string }>(`select distinct owner from jobs.job where status = 'done'`);
    const rss = children.map((child) => peakRssMb(child.pid!));
    return {
      run,
      finished,
      figures: {
        workers,
        seconds: Math.round(seconds * 10) / 10,
        enterprises_per_second: Math.round(finished.processed / seconds),
        workers_that_claimed_chunks: owners.length,
        peak_rss_mb_per_worker: Math.round(Math.max(...rss)),
        load_average_at_start: Math.round(load * 100) / 100,
        cpu_seconds_workers: Math.round(workerCpu * 10) / 10,
        cpu_seconds_postgres: Math.round(postgresCpu * 10) / 10,
        cpu_us_per_enterprise: Math.round(((workerCpu + postgresCpu) * 1e6) / finished.processed),
        // The floor on free cores: CPU seconds spread over the cores the processes could use, waits ignored.
        cpu_bound_floor_seconds: Math.round(((workerCpu + postgresCpu) / Math.min(cpus().length, workers + 1)) * 10) / 10,
      },
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  }
}

/**
 * Full discovery runs over the synthetic registry on PostgreSQL (read, evaluate, write) executed by one and by two
 * `tidu worker` processes sharing the run's chunks, with each worker's peak resident memory and the CPU used by the
 * workers and PostgreSQL; then the delay from one enterprise's change to its updated result (the watcher's path).
 */
export async function run({ quick }: { quick: boolean }) {
  const count = quick ? 10_000 : 1_000_000;
  const { db, url } = await registryDatabase(count);
  const settings = runnerSettings(db.kind);
  // Enough chunks for two workers to share at either scale.
  const chunkSize = Math.min(settings.chunkSize, Math.ceil(count / 10));
  try {
    // One, two, two, one: the load others put on a shared machine drifts, and this order cancels a steady drift.
    const runs: Awaited<ReturnType<typeof timedRun>>[] = [];
    for (const workers of quick ? [1, 2] : [1, 2, 2, 1]) runs.push(await timedRun(db, url, workers, chunkSize));
    const of = (workers: number) => runs.filter((run) => run.figures.workers === workers);
    const fastest = (workers: number) => of(workers).reduce((best, run) => (run.figures.seconds < best.figures.seconds ? run : best));
    const meanSeconds = (workers: number) => of(workers).reduce((sum, run) => sum + run.figures.seconds, 0) / of(workers).length;
    const one = fastest(1);
    const two = fastest(2);

    // One enterprise's change reaches its result through the watcher, polling at its default interval.
    const latest = runs[runs.length - 1].run.id;
    const runner = new DiscoveryRunner(db, { ...settings, schedule: null });
    runner.start();
    const [{ credit_code: target }] = await db.query<{ credit_code: string }>(`select credit_code from discovery.result where run_id = $1 order by credit_code limit 1`, [latest]);
    const original = await getProfile(db, systemScope(), target);
    const changed = { ...original, compliance: { ...(original.compliance as object), abnormal_list: !(original.compliance as { abnormal_list?: boolean } | null)?.abnormal_list } };
    const before = (await repo.getRun(db, latest))!.watermark;
    const changedAt = performance.now();
    await saveProfile(db, actor, systemScope(), target, changed, { source: 'platform' });
    while ((await repo.getRun(db, latest))!.watermark === before) await new Promise((resolve) => setTimeout(resolve, 10));
    const incrementalMs = Math.round(performance.now() - changedAt);
    await runner.stop();
    await saveProfile(db, actor, systemScope(), target, original, { source: 'platform' });

    return {
      store: 'postgresql',
      enterprises: two.finished.processed,
      seconds: two.figures.seconds,
      enterprises_per_second: two.figures.enterprises_per_second,
      peak_rss_mb: two.figures.peak_rss_mb_per_worker,
      incremental_ms: incrementalMs,
      // The fastest run of each kind (the least disturbed by other work on the machine), and the ratio of the means.
      one_worker: one.figures,
      two_workers: two.figures,
      two_vs_one_worker_speedup: Math.round((meanSeconds(1) / meanSeconds(2)) * 100) / 100,
      runs: runs.map((run) => run.figures),
      batch_size: settings.batchSize,
      chunk_size: chunkSize,
      watch_interval_ms: settings.watchMs,
    };
  } finally {
    await db.close();
  }
}
