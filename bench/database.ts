import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';

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
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tidu_bench_${scenario}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 20 });
  await migrate(db);
  return {
    db,
    store: 'postgresql',
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
