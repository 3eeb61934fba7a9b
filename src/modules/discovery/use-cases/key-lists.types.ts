import { z } from 'zod';
import { standardId, standardStatus } from './results.types.ts';

export const KEY_LIST_KINDS = ['district', 'specialized_pool', 'champion_city', 'champion_national', 'ipo_reserve', 'demonstration'] as const;

export const KEY_LIST_KIND_LABELS: Record<(typeof KEY_LIST_KINDS)[number], string> = {
  district: '区县重点培育清单',
  specialized_pool: '专精特新培育库',
  champion_city: '市级单项冠军培育清单',
  champion_national: '国家级单项冠军培育清单',
  ipo_reserve: '拟上市企业储备库',
  demonstration: '年度示范企业',
};

/** The standard a list cultivates toward when none is given. */
export const DEFAULT_STANDARD: Record<(typeof KEY_LIST_KINDS)[number], z.infer<typeof standardId>> = {
  district: 'specialized_sme',
  specialized_pool: 'specialized_sme',
  champion_city: 'cq_single_champion',
  champion_national: 'single_champion',
  ipo_reserve: 'little_giant',
  demonstration: 'little_giant',
};

export const createKeyListBody = z.object({
  kind: z.enum(KEY_LIST_KINDS),
  name: z.string().trim().min(1).max(80).optional().describe('清单名称（默认按类型和年度生成）'),
  year: z.number().int().min(2020).max(2100),
  district_code: z.string().max(12).optional().describe('区县清单的区县代码'),
  standard: standardId.optional().describe('培育目标标准'),
  capacity: z.number().int().min(1).max(100_000).optional().describe('计划规模（如拟上市储备库约 100 家）'),
  note: z.string().max(500).optional(),
});
export type CreateKeyListBody = z.infer<typeof createKeyListBody>;

export const keyListQuery = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  kind: z.enum(KEY_LIST_KINDS).optional(),
});

export const keyListView = z.object({
  id: z.number().int(),
  kind: z.enum(KEY_LIST_KINDS),
  kind_label: z.string(),
  name: z.string(),
  year: z.number().int(),
  district_code: z.string().nullable(),
  district_name: z.string().nullable(),
  standard: standardId,
  capacity: z.number().int().nullable(),
  note: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  members: z.number().int().describe('当前成员数（您权限范围内）'),
});
export type KeyListView = z.infer<typeof keyListView>;

export const memberView = z.object({
  credit_code: z.string(),
  name: z.string(),
  district_code: z.string().nullable(),
  district_name: z.string().nullable(),
  chains: z.array(z.string()),
  added_at: z.string(),
  added_by: z.string(),
  add_reason: z.string(),
  removed_at: z.string().nullable(),
  removed_by: z.string().nullable(),
  remove_reason: z.string().nullable(),
  added_status: standardStatus.nullable().describe('加入时的评价结果'),
  added_unmet: z.number().int().nullable(),
  current_status: standardStatus.nullable().describe('最新评价结果'),
  current_unmet: z.number().int().nullable(),
  movement: z.enum(['reached', 'lost', 'closer', 'further', 'unchanged', 'unknown']).describe('加入以来的变化'),
});
export type MemberView = z.infer<typeof memberView>;

export const keyListDetail = keyListView.extend({
  run: z.object({ id: z.number().int(), as_of: z.string() }).nullable(),
  items: z.array(memberView),
});
export type KeyListDetail = z.infer<typeof keyListDetail>;

export const keyListDetailQuery = z.object({ history: z.enum(['true', 'false']).default('false').describe('是否包含已移出的成员') });

export const addMemberBody = z.object({
  credit_code: z.string().min(1).max(40),
  reason: z.string().trim().min(2, { message: '请填写加入理由' }).max(500),
});
export const removeMemberBody = z.object({ reason: z.string().trim().min(2, { message: '请填写移出理由' }).max(500) });
export const memberParams = z.object({ id: z.coerce.number().int().positive(), credit_code: z.string().min(1).max(40) });
