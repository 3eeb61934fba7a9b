import type {
  ApplicationType,
  AuditEntry,
  AuditFilter,
  DemoAccounts,
  Me,
  Chain,
  District,
  EnterpriseListItem,
  EnterpriseQuery,
  Evaluation,
  HistoryEntry,
  Industry,
  NewUser,
  OneTimePassword,
  Page,
  Portrait,
  RegistryStats,
  RoleGrant,
  StandardCatalogueEntry,
  UserAccount,
} from './types.ts';

/** An error answered by the API: `{ code, message (Chinese), details }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | undefined | null;

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIGN_IN_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

// The session cookie is httpOnly; writes must echo the session's anti-forgery token in a header.
let csrfToken: string | null = null;
let onSignInRequired: ((error: ApiError) => void) | null = null;
let onForbidden: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The anti-forgery header for a write sent outside `request` (an upload that reports its progress). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when a data request finds no valid session (or a password that must be changed first). */
export function setSignInRequiredHandler(handler: ((error: ApiError) => void) | null) {
  onSignInRequired = handler;
}

/**
 * Called when reading a page's data is refused (403 FORBIDDEN on a GET): the page cannot show anything,
 * so the layout shows the 403 page with the server's message. A refused write stays with the page that made it.
 */
export function setForbiddenHandler(handler: ((error: ApiError) => void) | null) {
  onForbidden = handler;
}

async function send(path: string, init: RequestInit, accept: string): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  if (!response.ok) throw await refusal(path, method, response);
  return response;
}

/** The API's error body as an ApiError, after telling the session guard or the layout when they must act. */
async function refusal(path: string, method: string, response: Response): Promise<ApiError> {
  const error = (parseJson(await response.text()) ?? {}) as { code?: string; message?: string; details?: unknown };
  const apiError = new ApiError(
    response.status,
    error.code ?? `HTTP_${response.status}`,
    error.message ?? `请求失败（HTTP ${response.status}）`,
    error.details ?? null,
  );
  const needsSignIn = SIGN_IN_CODES.has(apiError.code) || apiError.code === 'PASSWORD_CHANGE_REQUIRED';
  if (needsSignIn && !path.startsWith('/api/auth/')) onSignInRequired?.(apiError);
  if (apiError.code === 'FORBIDDEN' && SAFE_METHODS.has(method)) onForbidden?.(apiError);
  return apiError;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await send(path, init, 'application/json');
  return parseJson(await response.text()) as T;
}

/** A file answered by the API, named by its Content-Disposition (RFC 5987 `filename*=UTF-8''…`). */
async function download(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const response = await send(path, {}, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : fallbackName };
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<Me>('/api/auth/me'),
  login: (username: string, password: string) =>
    request<{ csrf_token: string; must_change_password: boolean }>('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    }),
  logout: () => request<{ ok: boolean }>('/api/auth/logout', { method: 'POST', body: '{}' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: boolean }>('/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({ current_password: currentPassword, new_password: newPassword }),
    }),
  demoAccounts: () => request<DemoAccounts>('/api/auth/demo-accounts'),
  districts: () => request<District[]>('/api/reference/districts'),
  chains: () => request<Chain[]>('/api/reference/chains'),
  industries: (query: { q?: string; level?: string } = {}) =>
    request<Industry[]>(withQuery('/api/reference/industries', query)),
  geojson: () => request<GeoJsonFeatureCollection>('/api/reference/geojson'),
  enterprises: (query: EnterpriseQuery = {}) =>
    request<Page<EnterpriseListItem>>(withQuery('/api/enterprises', { ...query })),
  portrait: (creditCode: string) => request<Portrait>(`/api/enterprises/${enc(creditCode)}`),
  history: (creditCode: string) =>
    request<{ items: HistoryEntry[] }>(`/api/enterprises/${enc(creditCode)}/history`),
  evaluation: (creditCode: string, asOf: string, application: ApplicationType) =>
    request<Evaluation>(withQuery(`/api/enterprises/${enc(creditCode)}/evaluation`, { as_of: asOf, application })),
  standards: () => request<StandardCatalogueEntry[] | { items: StandardCatalogueEntry[] }>('/api/standards'),
  registryStats: () => request<RegistryStats>('/api/registry/stats'),
  users: () => request<UserAccount[]>('/api/users'),
  createUser: (user: NewUser) =>
    request<OneTimePassword>('/api/users', { method: 'POST', body: JSON.stringify(user) }),
  updateUser: (id: number, change: { display_name?: string; disabled?: boolean; grants?: RoleGrant[] }) =>
    request<{ id: number }>(`/api/users/${id}`, { method: 'PATCH', body: JSON.stringify(change) }),
  resetPassword: (id: number) =>
    request<OneTimePassword>(`/api/users/${id}/reset-password`, { method: 'POST', body: '{}' }),
  audit: (filter: AuditFilter, beforeId?: number) =>
    request<{ items: AuditEntry[]; next_before_id: number | null }>(
      withQuery('/api/audit', { ...filter, before_id: beforeId }),
    ),
  auditExport: (filter: AuditFilter) => download(withQuery('/api/audit/export', { ...filter }), '审计日志.xlsx'),
};

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { adcode: number | string; name: string }; geometry: unknown }[];
}
