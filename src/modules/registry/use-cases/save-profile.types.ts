import { z } from 'zod';

export const PROFILE_SOURCES = ['audit_report', 'tax_data', 'self_declared', 'platform', 'import', 'workflow'] as const;

export const saveProfileQuery = z.object({
  source: z.enum(PROFILE_SOURCES).default('platform').describe('数据来源'),
  source_ref: z.string().max(500).optional().describe('来源说明，例如审计报告文号或导入文件与行号'),
  expected_version: z.coerce.number().int().positive().optional().describe('乐观并发：调用方读取时的版本号'),
});
export type SaveProfileQuery = z.infer<typeof saveProfileQuery>;

export const saveProfileResponse = z.object({
  credit_code: z.string(),
  version: z.number().int(),
  created: z.boolean(),
  changed: z.boolean(),
  change_set_id: z.number().int().nullable().describe('本次写入的变更集编号；内容未变时为空'),
});
export type SaveProfileResponse = z.infer<typeof saveProfileResponse>;
