import { z } from 'zod';
import { isoDate } from './runs.types.ts';
import { standardId, standardStatus } from './results.types.ts';

export const promotionQuery = z.object({
  standard: standardId.optional().describe('目标标准（默认：尚未获得的下一梯度）'),
  as_of: isoDate.optional().describe('评价基准日，默认今天'),
  application: z.enum(['new', 're_review']).default('new'),
});
export type PromotionQuery = z.infer<typeof promotionQuery>;

const named = z.object({ id: z.string(), name: z.string() });

export const promotionResponse = z.object({
  credit_code: z.string(),
  standard: standardId,
  as_of: z.string(),
  application: z.enum(['new', 're_review']),
  current_status: standardStatus,
  outcome_status: standardStatus.describe('完成全部调整后的评价结果'),
  steps: z.array(
    z.object({
      criterion_id: z.string(),
      criterion_name: z.string(),
      path: z.string().describe('画像字段路径'),
      label: z.string(),
      kind: z.enum(['increase', 'decrease', 'set', 'add_items', 'wait']),
      from: z.unknown(),
      to: z.unknown(),
      items: z.array(z.unknown()).optional(),
      delta: z.number().nullable(),
      unit: z.string().nullable(),
      effort: z.number().describe('相对变动（变动量 ÷ 现值）'),
      reached_on: z.string().optional().describe('仅随时间增长的指标预计满足的日期'),
    }),
  ),
  blocked: z.array(named.extend({ reason: z.string() })),
  missing: z.array(named).describe('缺少数据、需先补充的指标'),
  manual: z.array(named).describe('需专家评审的指标'),
  passes_on: z.string().nullable(),
});
export type PromotionResponse = z.infer<typeof promotionResponse>;

export const whatIfBody = z.object({
  as_of: isoDate.optional().describe('评价基准日，默认今天'),
  application: z.enum(['new', 're_review']).default('new'),
  changes: z
    .array(
      z.object({
        path: z.string().regex(/^(years\.\d{4}\.[a-z_]+|[a-z_]+(\.[a-z_]+)?)$/, { message: '应为画像字段路径，如 years.2025.rd_expense' }),
        value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
      }),
    )
    .max(200)
    .default([])
    .describe('修改的数据（不保存）'),
});
export type WhatIfBody = z.infer<typeof whatIfBody>;

const standardOutcome = z.object({ status: standardStatus, score: z.number().nullable() });

export const whatIfResponse = z.object({
  credit_code: z.string(),
  as_of: z.string(),
  application: z.enum(['new', 're_review']),
  standards: z.array(z.object({ standard: standardId, before: standardOutcome, after: standardOutcome, changed: z.boolean() })),
  after: z.record(z.string(), z.unknown()).describe('修改后的完整评价（含每条指标）'),
});
export type WhatIfResponse = z.infer<typeof whatIfResponse>;
