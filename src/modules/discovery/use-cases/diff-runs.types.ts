import { z } from 'zod';
import { pageQuery, resultFilterQuery, runRef, standardId, standardStatus } from './results.types.ts';

export const diffQuery = resultFilterQuery.extend(pageQuery.shape).extend({
  from: z.coerce.number().int().positive().optional().describe('对比的前一批次（默认：最新批次之前的一次）'),
  to: z.coerce.number().int().positive().optional().describe('对比的后一批次（默认：最新完成的批次）'),
  standard: standardId.optional(),
  change: z.enum(['newly_qualified', 'no_longer_qualified', 'changed']).optional().describe('变化类型'),
});
export type DiffQuery = z.infer<typeof diffQuery>;

const counts = z.object({ newly_qualified: z.number().int(), no_longer_qualified: z.number().int(), changed: z.number().int() });

export const diffResponse = z.object({
  from_run: runRef.nullable(),
  to_run: runRef.nullable(),
  summary: z.array(counts.extend({ standard: standardId })),
  by_district: z.array(counts.extend({ standard: standardId, district_code: z.string().nullable(), district_name: z.string().nullable() })),
  by_chain: z.array(counts.extend({ standard: standardId, chain: z.string().nullable(), chain_name: z.string().nullable() })),
  items: z.array(
    z.object({
      credit_code: z.string(),
      name: z.string(),
      district_code: z.string().nullable(),
      district_name: z.string().nullable(),
      chains: z.array(z.string()),
      standard: standardId,
      before: standardStatus.nullable().describe('前一批次的结果（新登记企业为空）'),
      after: standardStatus,
    }),
  ),
  total: z.number().int(),
});
export type DiffResponse = z.infer<typeof diffResponse>;
