/** The server's roles (src/platform/policy.ts), with the labels officers know them by. */
export const ROLES = [
  'city_admin',
  'city_officer',
  'district_officer',
  'commissioner',
  'department_handler',
  'enterprise_user',
  'bank_viewer',
  'expert',
] as const;
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
