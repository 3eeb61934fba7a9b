import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementNames, type Db } from './db.ts';
import { openOneConnectionTestDb } from './testing/stores.ts';

describe('prepared statement names', () => {
  it('names a text with parameters from its second use on, the same name every time', () => {
    const names = new StatementNames();
    const sql = 'select * from registry.enterprise where credit_code = $1';
    expect(names.nameOf(sql, ['A'])).toBeUndefined();
    const name = names.nameOf(sql, ['B']);
    expect(name).toMatch(/^tidu_[\w-]{22}$/);
    expect(names.nameOf(sql, ['C'])).toBe(name);
    expect(names.nameOf('select * from registry.enterprise where name = $1', ['x'])).toBeUndefined();
  });

  it('leaves statements without parameters unnamed (they may hold several statements)', () => {
    const names = new StatementNames();
    for (let i = 0; i < 3; i++) expect(names.nameOf('select 1; select 2', [])).toBeUndefined();
    for (let i = 0; i < 3; i++) expect(names.nameOf('select 1', undefined)).toBeUndefined();
  });

  it('names at most 500 texts, keeping those it named', () => {
    const names = new StatementNames();
    const named = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const sql = `select $1::int + ${i}`;
      names.nameOf(sql, [1]);
      const name = names.nameOf(sql, [1]);
      if (name) named.add(name);
    }
    expect(named.size).toBe(500);
    expect(names.nameOf('select $1::int + 0', [1])).toMatch(/^tidu_/);
    expect(names.nameOf('select $1::int + 599', [1])).toBeUndefined();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL pool', () => {
  let db: Db;

  beforeAll(async () => {
    db = await openOneConnectionTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('prepares a repeated statement on the connection and gives the same rows as the first, unnamed run', async () => {
    const sql = 'select $1::int * 2 as doubled, $2::text as label';
    const first = await db.query(sql, [21, '甲']);
    const second = await db.query(sql, [21, '甲']);
    const third = await db.query(sql, [5, '乙']);
    expect(first).toEqual([{ doubled: 42, label: '甲' }]);
    expect(second).toEqual(first);
    expect(third).toEqual([{ doubled: 10, label: '乙' }]);
    const prepared = await db.query<{ statement: string }>('select statement from pg_prepared_statements');
    expect(prepared.map((row) => row.statement)).toEqual([sql]);
  });

  it('prepares statements inside transactions too, and a failed one leaves the transaction rolled back', async () => {
    await db.exec('create table counter (n int)');
    const insert = 'insert into counter (n) values ($1)';
    await db.transaction(async (tx) => {
      await tx.query(insert, [1]);
      await tx.query(insert, [2]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, [3]);
        await tx.query(insert, ['not a number']);
      }),
    ).rejects.toThrow();
    expect(await db.query('select n from counter order by n')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('prepares a statement again when a table it reads with * changed (a later release migrated while this one serves)', async () => {
    await db.exec('create table widget (id int primary key, label text)');
    await db.exec(`insert into widget values (1, '甲')`);
    const sql = 'select * from widget where id = $1';
    await db.query(sql, [1]);
    expect(await db.query(sql, [1])).toEqual([{ id: 1, label: '甲' }]);
    await db.exec('alter table widget add column note text');
    expect(await db.query(sql, [1])).toEqual([{ id: 1, label: '甲', note: null }]);

    await db.exec('alter table widget add column colour text');
    const read = () => db.transaction((tx) => tx.query(sql, [1]));
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect(await read()).toEqual([{ id: 1, label: '甲', note: null, colour: null }]);
  });

  it('runs an interactive pool without parallel query workers', async () => {
    expect(await db.query('show max_parallel_workers_per_gather')).toEqual([{ max_parallel_workers_per_gather: '0' }]);
  });
});
