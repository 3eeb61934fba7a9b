import { ApiError } from '../../api/client.ts';
import type { StandardStatus } from '../../api/types.ts';

/** Discovery, gap analysis and key-list calls. The CSRF token comes from /api/auth/me once per page load. */
let csrf: Promise<string> | null = null;
function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json()).then((me: { csrf_token: string }) => me.csrf_token);
  return csrf;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json?.code ?? `HTTP_${response.status}`, json?.message ?? `请求失败（HTTP ${response.status}）`, json?.details ?? null);
  return json as T;
}

export function query(path: string, values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface RunView {
  id: number;
  as_of: string;
  application: 'new' | 're_review';
  trigger: 'page' | 'cli' | 'schedule';
  requested_by: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number | null;
  processed: number;
  percent: number | null;
  rate_per_second: number | null;
  seconds_left: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  seconds: number | null;
  error: string | null;
  standards: Record<string, Record<StandardStatus, number>> | null;
}

export interface GapItem {
  id: string;
  name: string | null;
  gap: number | null;
  unit: string | null;
  value: unknown;
  threshold: unknown;
}

export interface Candidate {
  rank: number;
  credit_code: string;
  name: string;
  district_name: string | null;
  industry_code: string | null;
  size_class: string | null;
  status: StandardStatus;
  score: number | null;
  unmet_count: number;
  distance: number;
  unmet: GapItem[];
  unknown: { id: string; name: string }[];
  manual: { id: string; name: string }[];
}

export interface Tier {
  standard: string;
  name: string;
  ladder: boolean;
  held: number;
  qualified: number;
  qualified_not_held: number;
  one_short: number;
  insufficient_data: number;
  manual_review: number;
}

export interface DiffResult {
  from_run: { id: number; as_of: string } | null;
  to_run: { id: number; as_of: string } | null;
  summary: { standard: string; newly_qualified: number; no_longer_qualified: number; changed: number }[];
  by_district: { standard: string; district_name: string | null; newly_qualified: number; no_longer_qualified: number; changed: number }[];
  items: { credit_code: string; name: string; district_name: string | null; standard: string; before: StandardStatus | null; after: StandardStatus }[];
  total: number;
}

export interface Warning {
  credit_code: string;
  name: string;
  district_name: string | null;
  standard: string;
  expiry_date: string;
  review_status: StandardStatus;
  failing: GapItem[];
}

export interface PathStep {
  criterion_id: string;
  criterion_name: string;
  path: string;
  label: string;
  kind: 'increase' | 'decrease' | 'set' | 'add_items' | 'wait';
  from: unknown;
  to: unknown;
  delta: number | null;
  unit: string | null;
  effort: number;
  reached_on?: string;
}

export interface PromotionPath {
  standard: string;
  as_of: string;
  current_status: StandardStatus;
  outcome_status: StandardStatus;
  steps: PathStep[];
  blocked: { id: string; name: string; reason: string }[];
  missing: { id: string; name: string }[];
  manual: { id: string; name: string }[];
  passes_on: string | null;
}

export interface WhatIfResult {
  standards: { standard: string; before: { status: StandardStatus; score: number | null }; after: { status: StandardStatus; score: number | null }; changed: boolean }[];
}

export interface KeyList {
  id: number;
  kind: string;
  kind_label: string;
  name: string;
  year: number;
  district_name: string | null;
  standard: string;
  capacity: number | null;
  members: number;
  created_by: string;
}

export interface Member {
  credit_code: string;
  name: string;
  district_name: string | null;
  added_at: string;
  added_by: string;
  add_reason: string;
  removed_at: string | null;
  remove_reason: string | null;
  added_status: StandardStatus | null;
  current_status: StandardStatus | null;
  added_unmet: number | null;
  current_unmet: number | null;
  movement: 'reached' | 'lost' | 'closer' | 'further' | 'unchanged' | 'unknown';
}

type Filters = Record<string, string | number | undefined>;

export const discoveryApi = {
  runs: () => call<{ items: RunView[] }>('GET', '/api/discovery/runs'),
  startRun: (asOf: string, application: 'new' | 're_review') => call<RunView>('POST', '/api/discovery/runs', { as_of: asOf, application }),
  funnel: (filters: Filters) => call<{ run: { id: number; as_of: string }; enterprises: number; tiers: Tier[] }>('GET', query('/api/discovery/funnel', filters)),
  candidates: (filters: Filters) => call<{ items: Candidate[]; total: number; run: { as_of: string } }>('GET', query('/api/discovery/candidates', filters)),
  diff: (filters: Filters) => call<DiffResult>('GET', query('/api/discovery/diff', filters)),
  warnings: (filters: Filters) => call<{ items: Warning[]; total: number; until: string }>('GET', query('/api/discovery/warnings', filters)),
  promotionPath: (creditCode: string, filters: Filters) => call<PromotionPath>('GET', query(`/api/enterprises/${encodeURIComponent(creditCode)}/promotion-path`, filters)),
  whatIf: (creditCode: string, asOf: string, changes: { path: string; value: number | string | boolean | null }[]) =>
    call<WhatIfResult>('POST', `/api/enterprises/${encodeURIComponent(creditCode)}/what-if`, { as_of: asOf, changes }),
  keyLists: (filters: Filters) => call<{ items: KeyList[] }>('GET', query('/api/key-lists', filters)),
  createKeyList: (body: { kind: string; year: number; district_code?: string; name?: string }) => call<KeyList>('POST', '/api/key-lists', body),
  keyList: (id: number, history: boolean) => call<KeyList & { items: Member[]; run: { as_of: string } | null }>('GET', query(`/api/key-lists/${id}`, { history: String(history) })),
  addMember: (id: number, creditCode: string, reason: string) => call<unknown>('POST', `/api/key-lists/${id}/members`, { credit_code: creditCode, reason }),
  removeMember: (id: number, creditCode: string, reason: string) => call<unknown>('DELETE', `/api/key-lists/${id}/members/${encodeURIComponent(creditCode)}`, { reason }),
};

/** A gap in words: "近两年研发费用 差 37.5 万元". */
export function gapText(gap: GapItem): string {
  if (gap.gap === null) return gap.name ?? gap.id;
  return `${gap.name ?? gap.id} 差 ${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(gap.gap)}${gap.unit ? ` ${gap.unit}` : ''}`;
}
