import { systemActor } from '../../src/platform/audit.ts';
import { loadDemo } from '../../src/modules/registry/demo/load-demo.ts';
import { BENCH_AS_OF, BENCH_LATEST_YEAR, benchDatabase } from '../database.ts';

/** Generating the synthetic registry into PostgreSQL (PGlite with BENCH_STORE=pglite). */
export async function run({ quick }: { quick: boolean }) {
  const count = quick ? 10_000 : 1_000_000;
  const { db, store, drop } = await benchDatabase('demo');
  try {
    const started = performance.now();
    await loadDemo(db, systemActor('bench'), { count, seed: 42, latestYear: BENCH_LATEST_YEAR, today: BENCH_AS_OF });
    const seconds = (performance.now() - started) / 1000;
    const [{ years }] = await db.query<{ years: number }>('select count(*)::int as years from registry.enterprise_year');
    return { store, enterprises: count, year_rows: years, seconds: Math.round(seconds * 10) / 10, enterprises_per_second: Math.round(count / seconds), goal_seconds: 300 };
  } finally {
    await drop();
  }
}
