import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { listMigrations, migrate, splitStatements } from './migrate.ts';
import { openTestDb, testStores } from './testing/stores.ts';

describe.each(testStores)('migrations on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => db?.close());

  it('applies every migration once and loads the reference data', async () => {
    const applied = await db.query<{ name: string }>('select name from schema_migrations order by name');
    expect(applied.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
    const [counts] = await db.query<{ districts: number; classes: number; chains: number }>(
      `select (select count(*) from ref.district)::int as districts,
              (select count(*) from ref.industry where level = 'class')::int as classes,
              (select count(*) from ref.chain)::int as chains`,
    );
    expect(counts).toEqual({ districts: 41, classes: 1381, chains: 33 });
  });
});

describe('splitStatements', () => {
  it('keeps dollar-quoted bodies whole and drops comment lines', () => {
    const sql = `-- a comment\ncreate table a (x int);\ncreate function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql;\n`;
    expect(splitStatements(sql)).toEqual(['create table a (x int)', 'create function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql']);
  });
});
