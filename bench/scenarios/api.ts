import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { systemActor } from '../../src/platform/audit.ts';
import { createUser } from '../../src/modules/identity/use-cases/manage-users.ts';
import { findUserByName } from '../../src/modules/identity/repository.ts';
import { BENCH_AS_OF, registryDatabase } from '../database.ts';
import { readCpuTimes, type CpuTimes } from '../process-cpu.ts';

const PORT = 3917;
/** API processes behind the one port (`tidu serve --processes N`): one per core of this machine. */
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 2);
const PASSWORD = 'Bench-pass-2026!';
const BASE = `http://127.0.0.1:${PORT}`;
const GOAL = { p95_ms: 100, errors: 0 };

/** Mixed read load on the real server over loopback: lists with filters and deep pages, portraits, evaluations, counts. */
export async function run({ quick }: { quick: boolean }) {
  const count = quick ? 10_000 : 1_000_000;
  const { db, url } = await registryDatabase(count);
  let server: ChildProcess | null = null;
  try {
    if (!(await findUserByName(db, 'bench_city_officer'))) {
      await createUser(db, systemActor('bench'), { username: 'bench_city_officer', display_name: '基准测试', grants: [{ role: 'city_officer', district_code: null, credit_code: null, department: null, institution: null }] }, { password: PASSWORD, mustChangePassword: false });
    }
    // This server runs with autovacuum off; a deployment's autovacuum keeps the visibility map that lets counts read
    // indexes only. A vacuum of tables already vacuumed skips their pages and takes a moment.
    await db.exec('vacuum (analyze) registry.enterprise, registry.enterprise_year, registry.name_search');
    const codes = (await db.query<{ credit_code: string }>(`select credit_code from registry.enterprise tablesample system (1) limit 3000`)).map((r) => r.credit_code);
    const districts = (await db.query<{ code: string }>(`select code from ref.district`)).map((r) => r.code);
    const chains = (await db.query<{ id: string }>(`select id from ref.chain`)).map((r) => r.id);

    // The API alone: background work (a queued discovery run in the shared database, the nightly schedule) is for workers.
    server = spawn(process.execPath, ['bin/tidu.js', 'serve', '--processes', String(API_PROCESSES)], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', API_RATE_LIMIT_PER_MINUTE: '1000000000', SERVER_RUNS_JOBS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const serverPid = server.pid!;
    await waitForHealth();
    const login = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_city_officer', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
    const cursor = (code: string) => Buffer.from(JSON.stringify([code, code])).toString('base64url');
    const paths: [number, () => string][] = [
      [20, () => `/api/enterprises?district=${pick(districts)}&limit=50`],
      [10, () => `/api/enterprises?chain=${pick(chains)}&size_class=${pick(['small', 'medium', 'micro'])}&sort=operating_revenue&order=desc&limit=50`],
      [15, () => `/api/enterprises?sort=credit_code&limit=50&with_total=false&cursor=${cursor(pick(codes))}`],
      [25, () => `/api/enterprises/${pick(codes)}`],
      [15, () => `/api/enterprises/${pick(codes)}/evaluation?as_of=${BENCH_AS_OF}`],
      [10, () => `/api/registry/stats`],
      [5, () => `/api/enterprises?q=${encodeURIComponent(pick(['精密', '电子科技', '渝北', '新材料']))}&limit=20&with_total=false`],
    ];
    const total = paths.reduce((sum, [weight]) => sum + weight, 0);
    const nextPath = () => {
      let roll = Math.random() * total;
      for (const [weight, make] of paths) if ((roll -= weight) < 0) return make();
      return paths[0][1]();
    };

    const load = async (connections: number, seconds: number) => {
      const latencies: number[] = [];
      const cpuBefore = readCpuTimes(serverPid);
      const instance = autocannon({
        url: BASE,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
      });
      (instance as unknown as import('node:events').EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      const result = await instance;
      const cpu = cpuPerRequest(cpuBefore, readCpuTimes(serverPid), latencies.length);
      latencies.sort((a, b) => a - b);
      const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10;
      return {
        connections,
        seconds,
        requests: latencies.length,
        requests_per_second: Math.round(latencies.length / seconds),
        p50_ms: at(50),
        p95_ms: at(95),
        p99_ms: at(99),
        errors: result.errors + result.timeouts + result.non2xx,
        cpu_ms_per_request: cpu?.total ?? null,
        cpu_ms_per_request_by_process: cpu?.byProcess ?? null,
      };
    };
    // Steady state: every process has its dashboard counts (a recount over the registry takes seconds; later ones run
    // in the background while the previous counts are served).
    await Promise.all(Array.from({ length: API_PROCESSES * 4 }, () => fetch(`${BASE}/api/registry/stats`, { headers: { cookie } })));
    await load(20, quick ? 2 : 5);
    const c50 = await load(50, quick ? 5 : 20);
    const c200 = await load(200, quick ? 5 : 30);
    return { enterprises: count, api_processes: API_PROCESSES, ...c200, c50, goal: GOAL, capacity: capacity(c200.cpu_ms_per_request, c200.connections) };
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await once(server, 'exit').catch(() => undefined);
    }
    await db.close();
  }
}

/** Machine CPU (all cores) a request cost in one load test, by process group. */
function cpuPerRequest(before: CpuTimes | null, after: CpuTimes | null, requests: number) {
  if (!before || !after || requests === 0) return null;
  const per = (key: keyof CpuTimes) => Math.round(((after[key] - before[key]) / requests) * 1000) / 1000;
  const byProcess = { api: per('api'), postgresql: per('postgresql'), load_generator: per('load_generator') };
  return { total: Math.round((byProcess.api + byProcess.postgresql + byProcess.load_generator) * 1000) / 1000, byProcess };
}

/**
 * What the cores allow at the measured cost per request. By Little's law the mean latency of N connections, each
 * sending its next request when the last one is answered, is N / throughput; with every core busy, throughput is at
 * most cores / CPU per request. So the goal's 100 ms at 200 connections needs at least 2,000 requests a second, and a
 * request may cost at most cores × 100 ms / 200 of machine CPU — for the mean; a p95 within it needs less still.
 */
function capacity(cpuMsPerRequest: number | null, connections: number) {
  if (cpuMsPerRequest === null) return null;
  const cores = availableParallelism();
  const cpuBoundRequestsPerSecond = Math.round((cores * 1000) / cpuMsPerRequest);
  return {
    cores,
    cpu_bound_requests_per_second: cpuBoundRequestsPerSecond,
    mean_latency_floor_ms: Math.round((connections / cpuBoundRequestsPerSecond) * 1000),
    goal_mean_needs_cpu_ms_per_request_at_most: Math.round(((cores * GOAL.p95_ms) / connections) * 1000) / 1000,
  };
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('API server did not start');
}
