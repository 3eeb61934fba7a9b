import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { ROLE_LABELS, type RoleGrant } from '../../../platform/policy.ts';
import { hashPassword, oneTimePassword } from '../passwords.ts';
import * as repo from '../repository.ts';
import type { CreateUserBody } from './manage-users.types.ts';

function describeGrant(grant: RoleGrant) {
  return { ...grant, role_label: ROLE_LABELS[grant.role] };
}

export async function listUsers(db: Db) {
  const users = await repo.listUsers(db);
  return users.map((user) => ({
    ...user,
    locked_until: user.locked_until ? new Date(user.locked_until).toISOString() : null,
    created_at: new Date(user.created_at).toISOString(),
    grants: user.grants.map(describeGrant),
  }));
}

function checkGrants(grants: RoleGrant[]) {
  for (const grant of grants) {
    if (grant.role === 'district_officer' && !grant.district_code) throw new AppError('VALIDATION_FAILED', '区县工作人员须绑定区县');
    if (grant.role === 'enterprise_user' && !grant.credit_code) throw new AppError('VALIDATION_FAILED', '企业用户须绑定统一社会信用代码');
    if (grant.role === 'department_handler' && !grant.department) throw new AppError('VALIDATION_FAILED', '市级部门经办人须绑定部门');
    if (grant.role === 'bank_viewer' && !grant.institution) throw new AppError('VALIDATION_FAILED', '金融机构用户须绑定机构');
  }
}

/** Creates an account with a one-time password that must be changed at first sign-in. */
export async function createUser(db: Db, actor: Actor, input: CreateUserBody, options: { password?: string; mustChangePassword?: boolean } = {}) {
  const grants = input.grants as RoleGrant[];
  checkGrants(grants);
  const password = options.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByName(tx, input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已存在`);
    const id = await repo.insertUser(tx, { username: input.username, displayName: input.display_name, passwordHash, mustChangePassword: options.mustChangePassword ?? true });
    for (const grant of grants) await repo.insertGrant(tx, id, grant);
    await writeAudit(tx, actor, { action: 'user.create', objectType: 'user', objectId: input.username, summary: { grants } });
    return { id, username: input.username, one_time_password: password };
  });
}

export async function updateUser(db: Db, actor: Actor, userId: number, input: { display_name?: string; disabled?: boolean; grants?: RoleGrant[] }) {
  if (input.grants) checkGrants(input.grants);
  return db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    const before = { disabled: user.disabled, grants: await repo.grantsOf(tx, userId) };
    if (input.disabled !== undefined) {
      await repo.setDisabled(tx, userId, input.disabled);
      if (input.disabled) await repo.deleteSessionsOf(tx, userId);
    }
    if (input.grants) {
      await repo.deleteGrants(tx, userId);
      for (const grant of input.grants) await repo.insertGrant(tx, userId, grant);
      await repo.deleteSessionsOf(tx, userId);
    }
    await writeAudit(tx, actor, { action: 'user.update', objectType: 'user', objectId: user.username, summary: { before, after: input } });
    return { id: userId };
  });
}

export async function resetPassword(db: Db, actor: Actor, userId: number) {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    await repo.setPassword(tx, userId, passwordHash, true);
    await repo.deleteSessionsOf(tx, userId);
    await writeAudit(tx, actor, { action: 'user.password.reset', objectType: 'user', objectId: user.username });
    return { id: userId, one_time_password: password };
  });
}
