/** Today's date in China (UTC+8) as YYYY-MM-DD: the decision date users mean when they say "today". */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
