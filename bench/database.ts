import pg from 'pg';
import { systemActor } from '../src/platform/audit.ts';
import { openPglite, openPostgres, type Db } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { loadDemo } from '../src/modules/registry/demo/load-demo.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_AS_OF = '2026-06-30';
export const BENCH_LATEST_YEAR = 2025;

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database for one scenario: on the PostgreSQL server named by BENCH_DATABASE_URL
 * (default: the local server), or PGlite with BENCH_STORE=pglite.
 */
export async function benchDatabase(scenario: string): Promise<{ db: Db; store: string; url: string | null; drop: () => Promise<void> }> {
  if (process.env.BENCH_STORE === 'pglite') {
    const db = await openPglite('memory');
    await migrate(db);
    return { db, store: 'pglite', url: null, drop: () => db.close() };
  }
  const name = `tidu_bench_${scenario}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const db = await openPostgres(databaseUrl(name), { max: 20 });
  await migrate(db);
  return {
    db,
    store: 'postgresql',
    url: databaseUrl(name),
    async drop() {
      await db.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * The synthetic registry of a given size that the read scenarios share (discovery, api), loaded once and kept
 * between runs: loading a million enterprises takes minutes and is measured by the demo scenario.
 */
export async function registryDatabase(count: number): Promise<{ db: Db; url: string }> {
  const name = `tidu_bench_registry_${count}`;
  const exists = (await admin(`select 1 from pg_database where datname = '${name}'`)).rowCount === 1;
  if (!exists) await admin(`create database ${name}`);
  const url = databaseUrl(name);
  const db = await openPostgres(url, { max: 20 });
  await migrate(db);
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from registry.enterprise`);
  if (n !== count) {
    await db.exec(`truncate registry.enterprise, registry.enterprise_year, registry.revision cascade`);
    await loadDemo(db, systemActor('bench'), { count, seed: 42, latestYear: BENCH_LATEST_YEAR, today: BENCH_AS_OF });
    await db.exec('analyze');
  }
  return { db, url };
}
