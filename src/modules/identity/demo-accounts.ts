import { systemActor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { ROLE_LABELS, type RoleGrant } from '../../platform/policy.ts';
import * as repo from './repository.ts';
import { createUser } from './use-cases/manage-users.ts';

export const DEMO_PASSWORD = 'Tidu-demo-2026';
export const DEMO_INSTITUTION = '重庆示范银行（演示）';
export const DEMO_DEPARTMENT = '市科技局';

const grant = (role: RoleGrant['role'], binding: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  district_code: null,
  credit_code: null,
  department: null,
  institution: null,
  ...binding,
});

export interface DemoAccount {
  username: string;
  display_name: string;
  description: string;
}

/** The demo accounts; they exist only in the embedded demo, or where `tidu demo --with-accounts` was run. */
export async function createDemoAccounts(db: Db, enterprisesInYubei: string[]): Promise<DemoAccount[]> {
  const [ownEnterprise, ...others] = enterprisesInYubei;
  const accounts: { username: string; display_name: string; description: string; grants: RoleGrant[] }[] = [
    { username: 'demo_city_admin', display_name: '市经济信息委 系统管理员', description: '市级管理员：全市数据、用户与审计', grants: [grant('city_admin')] },
    { username: 'demo_city_officer', display_name: '市经济信息委 中小企业处', description: '市级工作人员：全市数据与评价', grants: [grant('city_officer')] },
    { username: 'demo_district_500112', display_name: '渝北区经济信息委', description: '区县工作人员：仅渝北区', grants: [grant('district_officer', { district_code: '500112' })] },
    { username: 'demo_district_500105', display_name: '江北区经济信息委', description: '区县工作人员：仅江北区', grants: [grant('district_officer', { district_code: '500105' })] },
    { username: 'demo_commissioner', display_name: '服务专员 张明', description: '服务专员：仅所服务的企业', grants: [grant('commissioner')] },
    { username: 'demo_department', display_name: `${DEMO_DEPARTMENT} 经办人`, description: '市级部门经办人：办理转办的企业诉求', grants: [grant('department_handler', { department: DEMO_DEPARTMENT })] },
    { username: 'demo_bank', display_name: DEMO_INSTITUTION, description: '金融机构：仅白名单中已授权的企业', grants: [grant('bank_viewer', { institution: DEMO_INSTITUTION })] },
    { username: 'demo_expert', display_name: '评审专家 李华', description: '评审专家：仅分配给本人的申报', grants: [grant('expert')] },
    ...(ownEnterprise
      ? [{ username: 'demo_enterprise', display_name: '演示企业用户', description: '企业用户：仅本企业（渝北区）', grants: [grant('enterprise_user', { credit_code: ownEnterprise })] }]
      : []),
  ];
  const actor = systemActor('demo');
  for (const account of accounts) {
    if (await repo.findUserByName(db, account.username)) continue;
    const { id } = await createUser(db, actor, { username: account.username, display_name: account.display_name, grants: account.grants }, { password: DEMO_PASSWORD, mustChangePassword: false });
    if (account.username === 'demo_commissioner') for (const code of others.slice(0, 20)) await repo.assignEnterprise(db, id, code);
  }
  for (const code of others.slice(20, 30)) await repo.grantInstitutionAccess(db, DEMO_INSTITUTION, code);
  return accounts.map(({ username, display_name, description }) => ({ username, display_name, description }));
}

export async function listDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const users = await repo.listUsers(db);
  return users
    .filter((user) => user.username.startsWith('demo_'))
    .map((user) => ({
      username: user.username,
      display_name: user.display_name,
      description: user.grants.map((g) => ROLE_LABELS[g.role] + (g.district_code ? `（${g.district_code}）` : '')).join('、'),
    }));
}
