import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { SharedCountCache } from './count-cache.ts';

describe.each(testStores)('registry counts shared by the API processes on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => db?.close());

  const counter = () => {
    let calls = 0;
    let next = 0;
    return { load: async () => (calls++, next), set: (value: number) => (next = value), calls: () => calls };
  };
  const age = (key: string, seconds: number) =>
    db.query(`update registry.count_cache set counted_at = now() - make_interval(secs => $1) where key = $2`, [seconds, sharedKey(key)]);
  const sharedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

  it('counts once for two processes, and shares concurrent misses in one', async () => {
    const first = new SharedCountCache<number>(db, 30);
    const second = new SharedCountCache<number>(db, 30);
    const count = counter();
    count.set(41);
    expect(await Promise.all([first.get('a', count.load), first.get('a', count.load)])).toEqual([41, 41]);
    expect(await second.get('a', count.load)).toBe(41);
    expect(count.calls()).toBe(1);
  });

  it('serves an old count while one process recounts, then the new one in every process', async () => {
    const count = counter();
    count.set(1);
    await new SharedCountCache<number>(db, 30).get('b', count.load);
    await age('b', 40);
    let finish: (value: number) => void = () => undefined;
    let recounts = 0;
    const slow = () => (recounts++, new Promise<number>((resolve) => (finish = resolve)));
    expect(await new SharedCountCache<number>(db, 30).get('b', slow)).toBe(1);
    expect(await new SharedCountCache<number>(db, 30).get('b', slow)).toBe(1);
    expect(recounts).toBe(1);
    finish(2);
    for (let i = 0; i < 100 && (await db.query<{ value: number }>(`select value from registry.count_cache where key = $1`, [sharedKey('b')]))[0].value !== 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await new SharedCountCache<number>(db, 30).get('b', slow)).toBe(2);
    expect(recounts).toBe(1);
  });

  it('makes the caller wait for a count older than the stale limit', async () => {
    const cache = new SharedCountCache<number>(db, 30);
    const count = counter();
    count.set(5);
    await cache.get('c', count.load);
    await age('c', 400);
    count.set(6);
    expect(await new SharedCountCache<number>(db, 30).get('c', count.load)).toBe(6);
  });

  it('keeps nothing of a failed count', async () => {
    const cache = new SharedCountCache<number>(db, 30);
    await expect(cache.get('d', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('d', async () => 9)).toBe(9);
  });
});
