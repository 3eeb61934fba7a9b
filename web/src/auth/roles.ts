import { ROLES, ROLE_LABELS, type Role } from '../../../src/platform/roles.ts';

export { ROLES, ROLE_LABELS, type Role } from '../../../src/platform/roles.ts';

export const CITY_ROLES: readonly Role[] = ['city_admin', 'city_officer'];
/** City and district officers: the government staff who run cultivation. */
export const GOVERNMENT_ROLES: readonly Role[] = [...CITY_ROLES, 'district_officer'];
/** Roles that browse the registry within their scope (an enterprise user only sees its own portrait). */
export const REGISTRY_BROWSERS: readonly Role[] = [...GOVERNMENT_ROLES, 'commissioner', 'bank_viewer'];
/** Every role that works on others' enterprises, i.e. all but the enterprise's own user. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'enterprise_user');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** "district_officer,commissioner" (an audit row's actor_role) → "区县经信部门工作人员、服务专员". */
export function roleLabelsOf(roles: string | null): string {
  if (!roles) return '—';
  return roles
    .split(',')
    .map((role) => (isRole(role) ? ROLE_LABELS[role] : role === 'system' ? '系统' : role))
    .join('、');
}
