import { z } from 'zod';
import { IMPORT_KINDS } from '../sheets.ts';

export const importKind = z.enum(IMPORT_KINDS).describe('导入类型');

export const startImportQuery = z.object({
  type: importKind,
  file_name: z.string().min(1).max(200).describe('上传文件名（含扩展名 .xlsx 或 .csv）'),
});

export const batchParams = z.object({ id: z.coerce.number().int().positive() });

export const rowProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const counts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  file_problems: z.array(rowProblem).optional(),
});

export const batchSummary = z.object({
  id: z.number().int(),
  kind: importKind,
  kind_label: z.string(),
  file_name: z.string(),
  file_format: z.enum(['xlsx', 'csv']),
  status: z.enum(['analysing', 'previewed', 'committing', 'committed', 'undone', 'failed']),
  actor: z.string(),
  counts: counts.nullable(),
  failure: z.string().nullable().describe('校验或提交失败的原因；排队重试时为上一次尝试的错误'),
  progress: z
    .object({
      phase: z.enum(['queued', 'reading', 'checking', 'saving', 'writing']),
      rows: z.number().int().describe('已处理的行数（写入时为已写入的企业数）'),
      total: z.number().int().nullable().describe('总数（读取文件时尚未知）'),
    })
    .nullable()
    .describe('后台任务的进度：校验中或提交中时有值'),
  created_at: z.string(),
  committed_at: z.string().nullable(),
  committed_by: z.string().nullable(),
  undone_at: z.string().nullable(),
  undone_by: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof batchSummary>;

export const batchRowsQuery = z.object({
  outcome: z.enum(['new', 'updated', 'unchanged', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const batchRow = z.object({
  sheet: z.string(),
  row: z.number().int(),
  credit_code: z.string().nullable(),
  outcome: z.enum(['new', 'updated', 'unchanged', 'rejected']),
  problems: z.array(rowProblem),
  changes: z.array(z.object({ column: z.string(), old: z.unknown(), new: z.unknown() })),
});

export const batchDetail = batchSummary.extend({ rows: z.array(batchRow) });
export type BatchDetail = z.infer<typeof batchDetail>;

export const batchList = z.object({ items: z.array(batchSummary) });
