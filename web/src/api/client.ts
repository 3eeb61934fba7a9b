import type {
  ApplicationType,
  DemoAccounts,
  Me,
  Chain,
  District,
  EnterpriseListItem,
  EnterpriseQuery,
  Evaluation,
  HistoryEntry,
  Industry,
  Page,
  Portrait,
  StandardCatalogueEntry,
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

function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
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

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a data request finds no valid session (or a password that must be changed first). */
export function setSignInRequiredHandler(handler: ((error: ApiError) => void) | null) {
  onSignInRequired = handler;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string; details?: unknown };
    const apiError = new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? `请求失败（HTTP ${response.status}）`,
      error.details ?? null,
    );
    const needsSignIn = SIGN_IN_CODES.has(apiError.code) || apiError.code === 'PASSWORD_CHANGE_REQUIRED';
    if (needsSignIn && !path.startsWith('/api/auth/')) onSignInRequired?.(apiError);
    throw apiError;
  }
  return body as T;
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
};

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { adcode: number | string; name: string }; geometry: unknown }[];
}
