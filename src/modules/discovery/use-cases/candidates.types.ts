import { z } from 'zod';
import { gapItem, pageQuery, resultFilterQuery, runRef, standardId, standardStatus } from './results.types.ts';

export const candidatesQuery = resultFilterQuery.extend(pageQuery.shape).extend({
  standard: standardId.describe('目标标准'),
  run: z.coerce.number().int().positive().optional().describe('评价批次（默认最新完成的一次）'),
  max_unmet: z.coerce.number().int().min(0).max(20).default(3).describe('最多未达标指标数'),
  status: z.enum(['qualified', 'not_qualified', 'insufficient_data', 'manual_review']).optional().describe('只看某一评价结果'),
});
export type CandidatesQuery = z.infer<typeof candidatesQuery>;

export const candidateItem = z.object({
  rank: z.number().int(),
  credit_code: z.string(),
  name: z.string(),
  district_code: z.string().nullable(),
  district_name: z.string().nullable(),
  industry_code: z.string().nullable(),
  chains: z.array(z.string()),
  size_class: z.string().nullable(),
  status: standardStatus,
  score: z.number().nullable(),
  unmet_count: z.number().int().describe('未达标指标数'),
  distance: z.number().describe('归一化差距（0 为已达标）'),
  unmet: z.array(gapItem).describe('未达标指标及差额'),
  unknown: z.array(z.object({ id: z.string(), name: z.string() })).describe('缺少数据的指标'),
  manual: z.array(z.object({ id: z.string(), name: z.string() })).describe('待专家评审的指标'),
});
export type CandidateItem = z.infer<typeof candidateItem>;

export const candidatesResponse = z.object({ run: runRef, standard: standardId, items: z.array(candidateItem), total: z.number().int() });
export type CandidatesResponse = z.infer<typeof candidatesResponse>;
