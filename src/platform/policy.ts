import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Scope } from './scope.ts';
import type { Role } from './roles.ts';

export { ROLES, ROLE_LABELS, type Role } from './roles.ts';

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
