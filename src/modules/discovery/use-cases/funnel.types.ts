import { z } from 'zod';
import { resultFilterQuery, runRef, standardId } from './results.types.ts';

export const funnelQuery = resultFilterQuery.extend({ run: z.coerce.number().int().positive().optional() });
export type FunnelQuery = z.infer<typeof funnelQuery>;

export const funnelResponse = z.object({
  run: runRef,
  enterprises: z.number().int().describe('范围内参评企业数'),
  tiers: z.array(
    z.object({
      standard: standardId,
      name: z.string(),
      ladder: z.boolean().describe('是否属于梯度培育主阶梯'),
      held: z.number().int().describe('持有称号'),
      qualified: z.number().int().describe('符合标准'),
      qualified_not_held: z.number().int().describe('符合但尚未获得称号'),
      one_short: z.number().int().describe('仅差 1 项'),
      insufficient_data: z.number().int(),
      manual_review: z.number().int(),
    }),
  ),
});
export type FunnelResponse = z.infer<typeof funnelResponse>;
