import { z } from 'zod';
import { gapItem, pageQuery, resultFilterQuery, runRef, standardId, standardStatus } from './results.types.ts';

export const warningsQuery = resultFilterQuery.extend(pageQuery.shape).extend({
  months: z.coerce.number().int().min(1).max(36).default(6).describe('复核或到期落在几个月内'),
  standard: standardId.optional(),
  run: z.coerce.number().int().positive().optional(),
  include_insufficient: z.enum(['true', 'false']).default('false').describe('是否包含因数据不足而无法判断的企业'),
});
export type WarningsQuery = z.infer<typeof warningsQuery>;

export const warningsResponse = z.object({
  run: runRef,
  until: z.string().describe('预警截止日'),
  items: z.array(
    z.object({
      credit_code: z.string(),
      name: z.string(),
      district_code: z.string().nullable(),
      district_name: z.string().nullable(),
      standard: standardId,
      expiry_date: z.string().describe('称号到期（复核）日'),
      review_status: standardStatus.describe('按复核口径的评价结果'),
      failing: z.array(gapItem).describe('不达标的指标'),
      unknown: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  total: z.number().int(),
});
export type WarningsResponse = z.infer<typeof warningsResponse>;
