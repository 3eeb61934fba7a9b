import { systemActor } from '../../src/platform/audit.ts';
import { loadDemo } from '../../src/modules/registry/demo/load-demo.ts';
import { benchDatabase } from '../database.ts';

/** Generating the synthetic registry into PostgreSQL (PGlite when no server is configured). */
export async function run({ quick }: { quick: boolean }) {
  const count = quick ? 10_000 : 1_000_000;
  const { db, store, drop } = await benchDatabase('demo');
  try {
    const started = performance.now();
    await loadDemo(db, systemActor('bench'), { count, seed: 42, latestYear: 2025, today: '2026-06-30' });
    const seconds = (performance.now() - started) / 1000;
    const [{ years }] = await db.query<{ years: number }>('select count(*)::int as years from registry.enterprise_year');
    return { store, enterprises: count, year_rows: years, seconds: Math.round(seconds * 10) / 10, enterprises_per_second: Math.round(count / seconds) };
  } finally {
    await drop();
  }
}
