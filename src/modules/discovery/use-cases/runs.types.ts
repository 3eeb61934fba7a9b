import { z } from 'zod';
import { STANDARD_IDS } from '../../../standards/index.ts';

export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '应为 YYYY-MM-DD 格式的日期' });

export const statusCounts = z.object({ qualified: z.number().int(), not_qualified: z.number().int(), insufficient_data: z.number().int(), manual_review: z.number().int() });

export const startRunBody = z.object({
  as_of: isoDate.describe('评价基准日'),
  application: z.enum(['new', 're_review']).default('new').describe('申报类型：新申报或复核'),
});
export type StartRunBody = z.infer<typeof startRunBody>;

export const runView = z.object({
  id: z.number().int(),
  as_of: z.string(),
  application: z.enum(['new', 're_review']),
  trigger: z.enum(['page', 'cli', 'schedule']),
  requested_by: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  total: z.number().int().nullable().describe('应评价企业数'),
  processed: z.number().int().describe('已评价企业数'),
  percent: z.number().nullable(),
  rate_per_second: z.number().nullable().describe('每秒评价企业数'),
  seconds_left: z.number().nullable().describe('预计剩余秒数'),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  seconds: z.number().nullable(),
  error: z.string().nullable(),
  rule_versions: z.record(z.string(), z.array(z.string())),
  standards: z.record(z.string(), statusCounts).nullable().describe('全市各标准的评价结果计数（仅市级用户可见）'),
});
export type RunView = z.infer<typeof runView>;

export const runsResponse = z.object({ items: z.array(runView) });
export const runIdParams = z.object({ id: z.coerce.number().int().positive().describe('评价批次编号') });

/** The summary `tidu discover --json` prints: every standard of the contract. */
export interface RunSummary {
  run_id: string;
  as_of: string;
  enterprises: number;
  standards: Record<(typeof STANDARD_IDS)[number], z.infer<typeof statusCounts>>;
}
