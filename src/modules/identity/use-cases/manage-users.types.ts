import { z } from 'zod';
import { ROLES } from '../../../platform/policy.ts';

export const grantSchema = z.object({
  role: z.enum(ROLES),
  district_code: z.string().nullish().transform((v) => v ?? null),
  credit_code: z.string().nullish().transform((v) => v ?? null),
  department: z.string().nullish().transform((v) => v ?? null),
  institution: z.string().nullish().transform((v) => v ?? null),
});

export const createUserBody = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{3,40}$/, { message: '用户名为 3 至 40 位字母、数字、下划线、点或连字符' }),
  display_name: z.string().min(1).max(60),
  grants: z.array(grantSchema).min(1, { message: '至少授予一个角色' }),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  display_name: z.string().min(1).max(60).optional(),
  disabled: z.boolean().optional(),
  grants: z.array(grantSchema).min(1).optional(),
});

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  must_change_password: z.boolean(),
  disabled: z.boolean(),
  locked_until: z.string().nullable(),
  created_at: z.string(),
  // Plain fields, not grantSchema: a response is encoded, and zod cannot encode grantSchema's input transforms.
  grants: z.array(
    z.object({
      role: z.enum(ROLES),
      district_code: z.string().nullable(),
      credit_code: z.string().nullable(),
      department: z.string().nullable(),
      institution: z.string().nullable(),
      role_label: z.string(),
    }),
  ),
});
