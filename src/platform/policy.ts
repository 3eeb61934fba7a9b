import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Scope } from './scope.ts';

export const ROLES = ['city_admin', 'city_officer', 'district_officer', 'commissioner', 'department_handler', 'enterprise_user', 'bank_viewer', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市级管理员',
  city_officer: '市经济信息委工作人员',
  district_officer: '区县经信部门工作人员',
  commissioner: '服务专员',
  department_handler: '市级部门经办人',
  enterprise_user: '企业用户',
  bank_viewer: '金融机构',
  expert: '评审专家',
};

/** Every route declares who may call it; a route without a policy refuses to register. */
export type Policy = { readonly public: true } | { readonly signedIn: true } | { readonly roles: readonly Role[] };

export interface RoleGrant {
  role: Role;
  district_code: string | null;
  credit_code: string | null;
  department: string | null;
  institution: string | null;
}

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  grants: RoleGrant[];
  roles: ReadonlySet<Role>;
  scope: Scope;
  csrfToken: string;
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.principal;
}

export const CITY_ROLES: readonly Role[] = ['city_admin', 'city_officer'];
/** Roles that see enterprises in the registry, each within its own scope. */
export const REGISTRY_READERS: readonly Role[] = ['city_admin', 'city_officer', 'district_officer', 'commissioner', 'enterprise_user', 'bank_viewer'];
/** Roles that may correct an enterprise's figures, each within its own scope. */
export const REGISTRY_WRITERS: readonly Role[] = ['city_admin', 'city_officer', 'district_officer', 'enterprise_user'];
