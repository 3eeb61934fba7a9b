import { copyValue } from '../../platform/bulk.ts';
import { evaluateBatch, type Application, type StandardId, type StandardStatus } from '../../standards/index.ts';

/** Status codes stored in discovery.result.status (the engine's order). */
export const STATUS_ORDER: readonly StandardStatus[] = ['qualified', 'not_qualified', 'insufficient_data', 'manual_review'];
export const STATUS_CODE: Record<StandardStatus, number> = { qualified: 0, not_qualified: 1, insufficient_data: 2, manual_review: 3 };

/** Gaps are kept only for standards this close to passing: the candidates an officer will open. */
export const GAPS_KEPT_UP_TO_UNMET = 1;

export type StatusCounts = Record<StandardStatus, number>;
export type RunCounts = Record<string, StatusCounts>;

export interface RunSettings {
  runId: number;
  asOf: string;
  application: Application;
  standards: readonly StandardId[];
}

/** One row of discovery.result, arrays in the order of the run's standards. */
export interface ResultRow {
  credit_code: string;
  name: string;
  district_code: string | null;
  industry_code: string | null;
  chains: string[];
  size_class: string | null;
  status: number[];
  score: (number | null)[];
  unmet: number[];
  distance: number[];
  held_mask: number;
  title_expiry: (string | null)[] | null;
  review: (number | null)[] | null;
  gaps: Record<string, [string, number, string | null][]> | null;
}

export const RESULT_COLUMNS = [
  'run_id', 'credit_code', 'name', 'district_code', 'industry_code', 'chains', 'size_class',
  'status', 'score', 'unmet', 'distance', 'held_mask', 'title_expiry', 'review', 'gaps',
] as const;

export function emptyCounts(standards: readonly string[]): RunCounts {
  const counts: RunCounts = {};
  for (const id of standards) counts[id] = { qualified: 0, not_qualified: 0, insufficient_data: 0, manual_review: 0 };
  return counts;
}

/** Adds (sign 1) or removes (sign -1) rows from a tally. */
export function tally(counts: RunCounts, standards: readonly string[], rows: readonly { status: readonly number[] }[], sign: 1 | -1): void {
  for (const row of rows) {
    for (let k = 0; k < standards.length; k++) counts[standards[k]][STATUS_ORDER[row.status[k]]] += sign;
  }
}

interface Qualification {
  title?: unknown;
  issue_date?: unknown;
  expiry_date?: unknown;
}

/** Titles held on the date: a qualification counts from its issue date to its expiry date (an absent date does not limit it). */
function heldTitles(profile: Record<string, unknown>, standards: readonly StandardId[], asOf: string): { mask: number; expiry: (string | null)[] | null } {
  const list = profile.qualifications;
  if (!Array.isArray(list) || list.length === 0) return { mask: 0, expiry: null };
  let mask = 0;
  let expiry: (string | null)[] | null = null;
  for (const item of list as Qualification[]) {
    const k = standards.indexOf(item.title as StandardId);
    if (k < 0) continue;
    const issued = typeof item.issue_date === 'string' ? item.issue_date : '0000-00-00';
    const expires = typeof item.expiry_date === 'string' ? item.expiry_date : null;
    if (issued > asOf || (expires !== null && expires < asOf)) continue;
    expiry ??= standards.map(() => null);
    const seen = (mask & (1 << k)) !== 0;
    const previous = expiry[k];
    // An open-ended qualification (no expiry date) outlasts every dated one.
    if (!seen || (previous !== null && (expires === null || expires > previous))) expiry[k] = expires;
    mask |= 1 << k;
  }
  return { mask, expiry };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Evaluates a batch of profiles for a run: one row per enterprise, with re-review statuses for the titles it holds. */
export function evaluateForRun(profiles: readonly ({ credit_code: string } & Record<string, unknown>)[], settings: RunSettings): { rows: ResultRow[]; versions: Map<string, Set<string>> } {
  const { asOf, application, standards } = settings;
  // Read from the batch's columns: the record-per-profile view would build an object per enterprise and standard.
  const output = evaluateBatch(profiles, { asOf, application, standards });
  const width = standards.length;
  const versions = new Map<string, Set<string>>(standards.map((id) => [id, new Set<string>()]));
  const seenVersions = standards.map((id) => versions.get(id)!);
  const rows: ResultRow[] = new Array(profiles.length);
  const holders: number[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i];
    const held = heldTitles(profile, standards, asOf);
    if (held.mask !== 0) holders.push(i);
    const status: number[] = new Array(width);
    const score: (number | null)[] = new Array(width);
    const unmet: number[] = new Array(width);
    const distance: number[] = new Array(width);
    let gaps: ResultRow['gaps'] = null;
    for (let k = 0; k < width; k++) {
      const cell = i * width + k;
      status[k] = STATUS_CODE[output.statusOf(i, k)];
      score[k] = output.scoreOf(i, k);
      unmet[k] = output.unmet[cell];
      distance[k] = output.distance[cell];
      seenVersions[k].add(output.versionOf(i, k));
      if (unmet[k] > 0 && unmet[k] <= GAPS_KEPT_UP_TO_UNMET) {
        const found = output.gapsOf(i, k);
        if (found.length > 0) (gaps ??= {})[standards[k]] = found.map((gap) => [gap.id, gap.gap, gap.unit]);
      }
    }
    rows[i] = {
      credit_code: profile.credit_code,
      name: text(profile.name) ?? profile.credit_code,
      district_code: text(profile.district_code),
      industry_code: text(profile.industry_code),
      chains: Array.isArray(profile.chains) ? (profile.chains as string[]) : [],
      size_class: output.sizeClassOf(i),
      status,
      score,
      unmet,
      distance,
      held_mask: held.mask,
      title_expiry: held.expiry,
      review: null,
      gaps,
    };
  }
  if (holders.length > 0) {
    const review = evaluateBatch(holders.map((i) => profiles[i]), { asOf, application: 're_review', standards });
    holders.forEach((i, h) => {
      const row = rows[i];
      row.review = standards.map((_, k) => (row.held_mask & (1 << k) ? STATUS_CODE[review.statusOf(h, k)] : null));
    });
  }
  return { rows, versions };
}

const array = (values: readonly (number | string | null)[]): string => `{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}`;

/** A row in COPY text format. */
export function resultLine(runId: number, row: ResultRow): string {
  return [
    runId,
    copyValue(row.credit_code),
    copyValue(row.name),
    copyValue(row.district_code),
    copyValue(row.industry_code),
    copyValue(row.chains),
    copyValue(row.size_class),
    array(row.status),
    array(row.score),
    array(row.unmet),
    array(row.distance),
    row.held_mask,
    row.title_expiry ? array(row.title_expiry) : '\\N',
    row.review ? array(row.review) : '\\N',
    row.gaps ? copyValue(row.gaps) : '\\N',
  ].join('\t') + '\n';
}

/** The same row as query parameters, for the few rows the incremental watcher rewrites. */
export function resultParams(runId: number, row: ResultRow): unknown[] {
  return [
    runId, row.credit_code, row.name, row.district_code, row.industry_code, row.chains, row.size_class,
    row.status, row.score, row.unmet, row.distance, row.held_mask, row.title_expiry, row.review, row.gaps === null ? null : JSON.stringify(row.gaps),
  ];
}
