/**
 * Results that may be a little old (registry-wide counts), kept per process for a few seconds so that a busy
 * dashboard costs one scan per period, not one per request. Concurrent misses share one load.
 */
export class TtlCache<T> {
  private entries = new Map<string, { value: Promise<T>; until: number }>();
  constructor(
    private readonly seconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.seconds <= 0) return load();
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, until: now + this.seconds * 1000 });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
