/** [R] checked against several reprints · [S] secondary source only · [U] memory or interpretation, unverified. */
export type Quality = 'R' | 'S' | 'U';

/**
 * A scoring band. Higher-is-better bands give `min` (inclusive unless `exclusive`); lower-is-better bands give
 * `max` (inclusive unless `exclusive`). Bands are listed from the best to the worst; a value matching none scores 0.
 * `points_max` marks an expert range (e.g. 高新 7–8 points): the engine knows only the range unless a reviewer scores it.
 */
export interface Band {
  min?: number;
  max?: number;
  exclusive?: boolean;
  points: number;
  points_max?: number;
}

export type ParameterValue = number | boolean | string | readonly number[] | readonly Band[] | readonly string[] | Readonly<Record<string, number>>;

export interface ParameterEntry<V extends ParameterValue = ParameterValue> {
  /** First day the value applies (decision date), YYYY-MM-DD. */
  from: string;
  value: V;
  unit: string;
  /** 文号 and article, e.g. `工信部企业〔2026〕2号 附件1`. */
  source: string;
  quality: Quality;
  note?: string;
}

export interface Parameter<V extends ParameterValue = ParameterValue> {
  id: string;
  name: string;
  /** Sorted by `from`; each entry applies until the next one starts. */
  entries: readonly ParameterEntry<V>[];
}

export function parameter<V extends ParameterValue>(id: string, name: string, entries: ParameterEntry<V>[]): Parameter<V> {
  const sorted = [...entries].sort((a, b) => (a.from < b.from ? -1 : 1));
  return { id, name, entries: sorted };
}

/** The entry in force on `asOf`, or undefined before the first one. */
export function entryAt<V extends ParameterValue>(p: Parameter<V>, asOf: string): ParameterEntry<V> | undefined {
  let found: ParameterEntry<V> | undefined;
  for (const entry of p.entries) if (entry.from <= asOf) found = entry;
  return found;
}

export function valueAt<V extends ParameterValue>(p: Parameter<V>, asOf: string): V {
  const entry = entryAt(p, asOf);
  if (!entry) throw new Error(`参数 ${p.id}（${p.name}）在 ${asOf} 尚未生效`);
  return entry.value;
}

/** The date until which an entry applies (the day before the next entry), or null while it is the latest. */
export function entryUntil(p: Parameter, index: number): string | null {
  const next = p.entries[index + 1];
  if (!next) return null;
  return previousDay(next.from);
}

function previousDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** A parameter factory for one document: every parameter starts on the document's effective date. */
export function documentParameters(prefix: string, from: string, documentNumber: string) {
  return function define<V extends ParameterValue>(
    id: string,
    name: string,
    value: V,
    unit: string,
    article: string,
    quality: Quality,
    note?: string,
  ): Parameter<V> {
    return parameter(`${prefix}.${id}`, name, [{ from, value, unit, source: `${documentNumber} ${article}`, quality, note }]);
  };
}
