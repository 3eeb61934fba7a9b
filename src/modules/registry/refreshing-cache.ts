/** Where registry counts may be kept for a while (TtlCache or RefreshingCache). */
export interface CountCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Registry counts kept per process, like TtlCache, but a value past its seconds is still served while one recount
 * runs in the background: a dashboard recount over 1,000,000 enterprises takes seconds, and every request arriving
 * meanwhile used to wait for it (or time out). A value older than `staleSeconds` is not served: the caller waits for
 * the recount, as on the first request. Concurrent misses share one load; a failed load is forgotten.
 */
export class RefreshingCache<T> implements CountCache<T> {
  private entries = new Map<string, { value: T | null; at: number; loading: Promise<T> | null }>();
  constructor(
    private readonly seconds: number,
    private readonly staleSeconds = seconds * 10,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.seconds <= 0) return load();
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.value !== null) {
      const age = (now - entry.at) / 1000;
      if (age < this.seconds) return Promise.resolve(entry.value);
      if (age < this.staleSeconds) {
        if (!entry.loading) this.refresh(key, entry, load).catch(() => undefined);
        return Promise.resolve(entry.value);
      }
    }
    if (entry?.loading) return entry.loading;
    if (!entry && this.entries.size >= this.maxEntries) this.entries.clear();
    const fresh = entry ?? { value: null, at: 0, loading: null };
    this.entries.set(key, fresh);
    return this.refresh(key, fresh, load);
  }

  private refresh(key: string, entry: { value: T | null; at: number; loading: Promise<T> | null }, load: () => Promise<T>): Promise<T> {
    const loading = load().then(
      (value) => {
        entry.value = value;
        entry.at = this.now();
        entry.loading = null;
        return value;
      },
      (error: unknown) => {
        entry.loading = null;
        if (entry.value === null) this.entries.delete(key);
        throw error;
      },
    );
    entry.loading = loading;
    return loading;
  }
}
