import { z } from 'zod';
import { STANDARD_IDS } from '../../../standards/index.ts';

export const standardId = z.enum(STANDARD_IDS);
export const standardStatus = z.enum(['qualified', 'not_qualified', 'insufficient_data', 'manual_review']);

/** Filters every discovery list shares; the caller's scope is applied on top of them. */
export const resultFilterQuery = z.object({
  district: z.string().max(12).optional().describe('区县代码'),
  chain: z.string().max(40).optional().describe('产业链编号'),
  industry: z.string().max(8).optional().describe('行业代码（前缀匹配）'),
  size_class: z.enum(['micro', 'small', 'medium', 'large']).optional().describe('企业规模'),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const runRef = z.object({
  as_of: z.string(),
  application: z.enum(['new', 're_review']),
  id: z.number().int(),
});

export const gapItem = z.object({
  id: z.string().describe('指标编号'),
  name: z.string().nullable(),
  gap: z.number().nullable().describe('差额（按单位）'),
  unit: z.string().nullable(),
  value: z.unknown(),
  threshold: z.unknown(),
});
export type GapItem = z.infer<typeof gapItem>;
