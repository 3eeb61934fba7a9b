import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';
import * as repo from './repository.ts';

/** Where registry counts may be kept for a while. */
export interface CountCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Registry counts (list totals, the dashboard) shared by every API process through registry.count_cache, and kept in
 * each process between looks at it.
 *
 * - A count younger than `seconds` (by the database clock) is served as it is.
 * - An older one, up to `staleSeconds`, is still served while one process — whichever claims it first — recounts in
 *   the background: a dashboard recount over 1,000,000 enterprises takes seconds, and N processes each recounting
 *   the same numbers multiplied that by N (and every request arriving meanwhile waited for it, or timed out).
 * - Without a count, or with one older than `staleSeconds`, the caller counts and waits, as on the first request.
 *
 * Concurrent misses in a process share one look; a failed count is not kept.
 */
export class SharedCountCache<T> implements CountCache<T> {
  private local = new Map<string, { value: T; until: number }>();
  private looking = new Map<string, Promise<T>>();
  constructor(
    private readonly db: Queryable,
    private readonly seconds: number,
    private readonly staleSeconds = seconds * 10,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.seconds <= 0) return load();
    const kept = this.local.get(key);
    if (kept && kept.until > Date.now()) return Promise.resolve(kept.value);
    let look = this.looking.get(key);
    if (!look) {
      look = this.look(createHash('sha256').update(key).digest('base64url'), key, load);
      this.looking.set(key, look);
      const forget = () => this.looking.delete(key);
      look.then(forget, forget);
    }
    // A count this process already had is served while it looks again.
    return kept ? Promise.resolve(kept.value) : look;
  }

  private async look(sharedKey: string, key: string, load: () => Promise<T>): Promise<T> {
    const shared = await repo.sharedCount(this.db, sharedKey);
    if (shared && shared.age_seconds < this.seconds) {
      this.keep(key, shared.value as T, this.seconds - shared.age_seconds);
      return shared.value as T;
    }
    if (shared && shared.age_seconds < this.staleSeconds) {
      if (await repo.claimRecount(this.db, sharedKey, Math.max(60, this.seconds * 2))) {
        this.recount(sharedKey, key, load).catch(() => undefined);
      }
      // Looked at again in a few seconds, to pick up the recount whichever process makes it.
      this.keep(key, shared.value as T, Math.min(5, this.seconds));
      return shared.value as T;
    }
    return this.recount(sharedKey, key, load);
  }

  private async recount(sharedKey: string, key: string, load: () => Promise<T>): Promise<T> {
    const value = await load();
    await repo.storeSharedCount(this.db, sharedKey, value);
    this.keep(key, value, this.seconds);
    return value;
  }

  private keep(key: string, value: T, seconds: number) {
    if (this.local.size >= this.maxEntries && !this.local.has(key)) this.local.clear();
    this.local.set(key, { value, until: Date.now() + seconds * 1000 });
  }
}
