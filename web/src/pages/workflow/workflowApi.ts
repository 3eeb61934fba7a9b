import { ApiError } from '../../api/client.ts';
import type { RoleGrant } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';

/** The workflow's calls. The CSRF token is read from /api/auth/me once per page load (the shared client keeps its own private). */
let csrf: Promise<string> | null = null;
function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json()).then((me: { csrf_token: string }) => me.csrf_token);
  return csrf;
}

async function call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  if (body !== undefined) headers['content-type'] = contentType;
  const payload = body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as BodyInit);
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json?.code ?? `HTTP_${response.status}`, json?.message ?? `请求失败（HTTP ${response.status}）`, json?.details ?? null);
  return json as T;
}

export const wf = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  upload: <T>(path: string, file: File) => call<T>('POST', path, file, file.type || 'application/octet-stream'),
  remove: <T>(path: string) => call<T>('DELETE', path),
};

export interface Batch {
  id: number;
  title: string;
  standard: string;
  standard_name: string;
  kind: 'new' | 're_review';
  year: number;
  batch_no: number;
  rule_version: string;
  window_start: string;
  window_end: string;
  district_review_deadline: string;
  city_review_deadline: string;
  publicity_working_days: number;
  validity_years: number;
  publicity_start: string | null;
  publicity_end: string | null;
  final_published_on: string | null;
  phase: string;
  phase_label: string;
  accepting: boolean;
}

export interface ApplicationSummary {
  id: number;
  batch_id: number;
  batch_title: string;
  enterprise_name: string;
  credit_code: string;
  district_code: string;
  state: string;
  state_label: string;
  standard_name: string;
  assessment_status: string | null;
  flag_count: number;
  submitted_at: string | null;
  updated_at: string;
  review_progress: { assigned: number; scored: number } | null;
}

export const ASSESSMENT_LABELS: Record<string, { label: string; color: string }> = {
  qualified: { label: '符合', color: 'green' },
  not_qualified: { label: '不符合', color: 'red' },
  insufficient_data: { label: '数据不足', color: 'orange' },
  manual_review: { label: '待人工判断', color: 'blue' },
};

export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  district_rejected: 'error',
  city_review: 'processing',
  city_rejected: 'error',
  approved: 'cyan',
  in_publicity: 'purple',
  struck: 'error',
  recognized: 'success',
  expired: 'default',
  revoked: 'error',
};

export function hasRole(roles: { role: string }[] | undefined, ...wanted: string[]) {
  return !!roles?.some((r) => wanted.includes(r.role));
}

/** The signed-in user's role grants ([] while loading or signed out); the server decides, this only hides what it would refuse. */
export function useGrants(): RoleGrant[] {
  const { state } = useAuth();
  return state.status === 'signed_in' ? state.me.roles : [];
}

export const CITY_ROLE_IDS = ['city_admin', 'city_officer'] as const;

/** Whether the holder of `grants` may act on an application of `target` in one of `allowed` (mirrors the server's actingRole). */
export function mayActOn(grants: RoleGrant[], allowed: readonly string[], target: { credit_code: string; district_code: string }): boolean {
  return grants.some(
    (grant) =>
      allowed.includes(grant.role) &&
      ((CITY_ROLE_IDS as readonly string[]).includes(grant.role) ||
        (grant.role === 'district_officer' && grant.district_code === target.district_code) ||
        (grant.role === 'enterprise_user' && grant.credit_code === target.credit_code)),
  );
}

/** The enterprises an enterprise user's account is bound to. */
export function ownEnterprises(grants: RoleGrant[]): string[] {
  return grants.filter((grant) => grant.role === 'enterprise_user' && grant.credit_code).map((grant) => grant.credit_code!);
}

/** 撤销原因 (server: src/modules/workflow/use-cases/revoke.ts REVOCATION_REASONS). */
export const REVOCATION_REASON_OPTIONS = [
  { value: 'data_fraud', label: '提供虚假材料、数据造假' },
  { value: 'major_incident', label: '发生重大安全、质量、环境污染事故' },
  { value: 'tax_evasion', label: '偷漏税等违法违规行为' },
  { value: 'dishonesty', label: '被列入严重失信主体名单' },
  { value: 'failed_review', label: '复核或抽查不合格' },
  { value: 'other', label: '其他' },
];
/** Data fraud bars new applications for this many years from the decision (server: FRAUD_BAN_YEARS). */
export const FRAUD_BAN_YEARS = 3;

/** 重大变化类型 (server: src/modules/workflow/use-cases/report-change.ts CHANGE_TYPES). */
export const CHANGE_TYPE_OPTIONS = [
  { value: 'name', label: '企业名称变更' },
  { value: 'merger', label: '兼并重组' },
  { value: 'restructuring', label: '改制、股权重大变化' },
  { value: 'relocation', label: '迁出本市' },
  { value: 'other', label: '其他重大变化' },
];

/** An 18-character unified social credit code (the server checks the check character). */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
