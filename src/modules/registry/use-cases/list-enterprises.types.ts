import { z } from 'zod';

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

export const listEnterprisesQuery = z.object({
  district: z.string().optional().describe('区县代码'),
  industry: z.string().regex(/^\d{2,4}$/).optional().describe('行业代码（门类下的大类/中类/小类前缀）'),
  chain: z.string().optional().describe('产业链编号'),
  size_class: z.enum(SIZE_CLASSES).optional(),
  title: z.string().optional().describe('当前有效的称号，例如 little_giant'),
  q: z.string().max(100).optional().describe('名称关键字或信用代码前缀'),
  sort: z.enum(['name', 'credit_code', 'registration_date', 'operating_revenue']).default('credit_code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional().describe('上一页返回的 next_cursor'),
  with_total: z.enum(['true', 'false']).default('true').describe('是否统计符合条件的总数'),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuery>;

export const enterpriseListItem = z.object({
  credit_code: z.string(),
  name: z.string(),
  district_code: z.string().nullable(),
  district_name: z.string().nullable(),
  industry_code: z.string().nullable(),
  industry_name: z.string().nullable(),
  chains: z.array(z.object({ id: z.string(), name: z.string() })),
  size_class: z.enum(SIZE_CLASSES).nullable(),
  registration_date: z.string().nullable(),
  is_listed: z.boolean().nullable(),
  titles: z.array(z.string()),
  summary_year: z.number().int().nullable(),
  operating_revenue: z.number().nullable(),
  rd_expense: z.number().nullable(),
  employees: z.number().nullable(),
});

export const listEnterprisesResponse = z.object({
  items: z.array(enterpriseListItem),
  next_cursor: z.string().nullable(),
  total: z.number().int().nullable(),
});
export type ListEnterprisesResponse = z.infer<typeof listEnterprisesResponse>;
