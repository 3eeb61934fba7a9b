import type {
  ApplicationType,
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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...init });
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
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? `请求失败（HTTP ${response.status}）`,
      error.details ?? null,
    );
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
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
