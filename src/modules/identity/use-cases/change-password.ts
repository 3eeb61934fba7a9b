import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../passwords.ts';
import * as repo from '../repository.ts';
import { tokenHash } from './login.ts';

export async function changePassword(db: Db, actor: Actor, principal: Principal, sessionToken: string, input: { current_password: string; new_password: string }) {
  const user = await repo.findUserById(db, principal.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.current_password))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ key: 'current_password', message: '当前密码不正确' }]);
  }
  const problems = passwordProblems(input.new_password, user.username);
  if (input.new_password === input.current_password) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.join('；'), problems.map((message) => ({ key: 'new_password', message })));
  const passwordHash = await hashPassword(input.new_password);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash, false);
    // Other sessions of this user end: whoever knew the old password is signed out.
    await repo.deleteSessionsOf(tx, user.id, tokenHash(sessionToken));
    await writeAudit(tx, actor, { action: 'user.password.change', objectType: 'user', objectId: user.username });
  });
}
