import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.ts';

/**
 * One ordered set of migrations for PGlite and PostgreSQL. Each slice keeps its own in
 * src/modules/<slice>/migrations/NNNN_name.(sql|ts); the number orders them across slices.
 * A .ts migration exports `up(tx)` (for loading reference data from files in the repository).
 */
const modulesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'modules');

interface Migration {
  name: string;
  path: string;
}

export function listMigrations(): Migration[] {
  const found: Migration[] = [];
  for (const slice of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!slice.isDirectory()) continue;
    const dir = join(modulesDir, slice.name, 'migrations');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      if (/^\d{4}_.+\.(sql|ts)$/.test(file) && !file.endsWith('.test.ts')) {
        found.push({ name: basename(file).replace(/\.(sql|ts)$/, ''), path: join(dir, file) });
      }
    }
  }
  found.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const migration of found) {
    const number = migration.name.slice(0, 4);
    if (seen.has(number)) throw new Error(`两个迁移使用了同一编号 ${number}`);
    seen.add(number);
  }
  return found;
}

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`);
  // Two API processes starting at once must not both apply the same migration.
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(72011)');
    const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
    for (const migration of listMigrations()) {
      if (done.has(migration.name)) continue;
      await applyOne(tx, migration);
      await tx.query('insert into schema_migrations (name) values ($1)', [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}

async function applyOne(tx: Queryable, migration: Migration) {
  if (migration.path.endsWith('.sql')) {
    for (const statement of splitStatements(readFileSync(migration.path, 'utf8'))) await tx.query(statement);
    return;
  }
  const module = (await import(migration.path)) as { up: (tx: Queryable) => Promise<void> };
  await module.up(tx);
}

/** Splits on semicolons at line ends; migrations keep function bodies in $$ … $$ blocks. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (/^\s*--/.test(line) && !inDollar) continue;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += line + '\n';
    if (!inDollar && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
