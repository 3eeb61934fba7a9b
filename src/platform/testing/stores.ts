import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../db.ts';
import { migrate } from '../migrate.ts';

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). */
export const testStores: StoreKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database of the given kind; close() removes it. */
export async function openTestDb(kind: StoreKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite('memory');
    await migrate(db);
    return db;
  }
  const { url, drop } = await createTestDatabase();
  const db = await openPostgres(url, { max: 20 });
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await drop();
    },
  });
}

/** An empty database on the TEST_DATABASE_URL server: its URL, and `drop` to remove it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tidu_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * An empty database on the TEST_DATABASE_URL server behind an API-like pool of one connection (so the connection's
 * prepared statements can be inspected); close() also removes the database.
 */
export async function openOneConnectionTestDb(): Promise<Db> {
  const { url, drop } = await createTestDatabase();
  const db = await openPostgres(url, { max: 1, interactive: true });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await drop();
    },
  });
}
