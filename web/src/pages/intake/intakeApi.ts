import { ApiError, csrfHeader, request, withQuery } from '../../api/client.ts';

/** Import and export calls (src/modules/intake/routes.ts); files are fetched by the browser itself through links. */

export const IMPORT_KINDS = ['basics', 'years', 'ip', 'qualifications', 'awards', 'institutions', 'financing', 'compliance'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The server's own labels (src/modules/intake/sheets.ts), so the wizard, the templates and the history agree. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  basics: '企业基本信息',
  years: '年度经营数据',
  ip: '知识产权',
  qualifications: '资质荣誉',
  awards: '科技奖励',
  institutions: '研发机构',
  financing: '股权融资',
  compliance: '合规事件',
};

export type BatchStatus = 'analysing' | 'previewed' | 'committing' | 'committed' | 'undone' | 'failed';
export type RowOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface RowProblem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface BatchCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  /** Problems of the file as a whole (a column the importer does not know, a sheet it skipped). */
  file_problems?: RowProblem[];
}

export interface BatchSummary {
  id: number;
  kind: ImportKind;
  kind_label: string;
  file_name: string;
  file_format: 'xlsx' | 'csv';
  status: BatchStatus;
  actor: string;
  counts: BatchCounts | null;
  /** Why checking or committing failed; while a job waits to be retried, the error of its last attempt. */
  failure: string | null;
  /** How far the background job on the batch has got (while `analysing` or `committing`); total is null until known. */
  progress: { phase: 'queued' | 'reading' | 'checking' | 'saving' | 'writing'; rows: number; total: number | null } | null;
  created_at: string;
  committed_at: string | null;
  committed_by: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

export interface BatchRow {
  sheet: string;
  row: number;
  credit_code: string | null;
  outcome: RowOutcome;
  problems: RowProblem[];
  changes: { column: string; old: unknown; new: unknown }[];
}

export const templateUrl = (kind: ImportKind) => `/api/intake/templates/${kind}`;
export const errorWorkbookUrl = (batchId: number) => `/api/intake/imports/${batchId}/errors.xlsx`;
export const enterprisesExportUrl = (filter: Record<string, string | number | undefined>) => withQuery('/api/exports/enterprises.xlsx', filter);
export const PROFILES_EXPORT_URL = '/api/exports/profiles.json';

export const intakeApi = {
  batch: (id: number) => request<BatchSummary>(`/api/intake/imports/${id}?limit=1`),
  rows: (id: number, outcome: RowOutcome, page: { limit: number; offset: number }) =>
    request<BatchSummary & { rows: BatchRow[] }>(withQuery(`/api/intake/imports/${id}`, { outcome, ...page })).then((batch) => batch.rows),
  history: () => request<{ items: BatchSummary[] }>('/api/intake/imports').then((list) => list.items),
  commit: (id: number) => request<BatchSummary>(`/api/intake/imports/${id}/commit`, { method: 'POST', body: '{}' }),
  undo: (id: number) => request<BatchSummary>(`/api/intake/imports/${id}/undo`, { method: 'POST', body: '{}' }),
};

/**
 * Sends a file as the request body to start a dry run, reporting the share sent so far (0–100):
 * fetch cannot report upload progress, so this one request goes through XMLHttpRequest.
 */
export function uploadForPreview(kind: ImportKind, file: File, onProgress: (percent: number) => void): Promise<BatchSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/intake/imports', { type: kind, file_name: file.name }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as BatchSummary);
      else {
        const error = (body ?? {}) as { code?: string; message?: string; details?: unknown };
        reject(new ApiError(xhr.status, error.code ?? `HTTP_${xhr.status}`, error.message ?? `上传失败（HTTP ${xhr.status}）`, error.details ?? null));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '上传中断：无法连接服务器，请检查网络后重试', null));
    xhr.send(file);
  });
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
