/** The platform's roles and the labels officers know them by; shared by the server and the web app. */
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
