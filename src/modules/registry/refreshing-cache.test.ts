import { describe, expect, it } from 'vitest';
import { RefreshingCache } from './refreshing-cache.ts';

describe('RefreshingCache', () => {
  const setup = () => {
    let clock = 0;
    let loads = 0;
    let release: ((value: number) => void) | null = null;
    const cache = new RefreshingCache<number>(30, 300, 10_000, () => clock);
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    return { cache, load, tick: (seconds: number) => (clock += seconds * 1000), loads: () => loads, finish: (value: number) => release!(value) };
  };

  it('shares one load among concurrent misses, then serves the value for its seconds', async () => {
    const { cache, load, loads, finish, tick } = setup();
    const first = cache.get('k', load);
    const second = cache.get('k', load);
    finish(1);
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    tick(29);
    expect(await cache.get('k', load)).toBe(1);
    expect(loads()).toBe(1);
  });

  it('serves the old value while one recount runs, then the new one', async () => {
    const { cache, load, loads, finish, tick } = setup();
    const first = cache.get('k', load);
    finish(1);
    await first;
    tick(31);
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    expect(loads()).toBe(2);
    finish(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('k', load)).toBe(2);
  });

  it('makes the caller wait for a value older than the stale limit', async () => {
    const { cache, load, loads, finish, tick } = setup();
    const first = cache.get('k', load);
    finish(1);
    await first;
    tick(301);
    const waiting = cache.get('k', load);
    expect(loads()).toBe(2);
    finish(5);
    expect(await waiting).toBe(5);
  });

  it('forgets a failed first load, and keeps the old value when a recount fails', async () => {
    let clock = 0;
    let fail = true;
    const cache = new RefreshingCache<number>(30, 300, 10_000, () => clock);
    const load = () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(7));
    await expect(cache.get('k', load)).rejects.toThrow('down');
    fail = false;
    expect(await cache.get('k', load)).toBe(7);
    clock += 31_000;
    fail = true;
    expect(await cache.get('k', load)).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('k', load)).toBe(7);
  });
});
