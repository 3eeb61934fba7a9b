import { createHash, randomBytes } from 'node:crypto';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import * as repo from '../repository.ts';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from '../session-settings.ts';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash for unknown users keeps the answer time the same whether the name exists or not.
let decoyHash: Promise<string> | null = null;

export interface LoginResult {
  token: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export async function login(db: Db, input: { username: string; password: string; clientIp: string | null; userAgent: string | null }): Promise<LoginResult> {
  const actor: Actor = { id: input.username, role: null, clientIp: input.clientIp };
  const user = await repo.findUserByName(db, input.username);
  const failure = async (reason: string) => {
    await db.transaction((tx) => writeAudit(tx, actor, { action: 'auth.login.failure', objectType: 'user', objectId: input.username, summary: { reason } }));
  };
  if (!user || user.disabled) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await decoyHash, input.password);
    await failure(user ? 'disabled' : 'unknown_user');
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    await failure('locked');
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`, { locked_until: user.locked_until.toISOString() });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const state = await db.transaction(async (tx) => {
      const updated = await repo.recordFailedLogin(tx, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      await writeAudit(tx, actor, { action: 'auth.login.failure', objectType: 'user', objectId: user.username, summary: { reason: 'wrong_password', failed_attempts: updated.failed_attempts } });
      return updated;
    });
    if (state.locked_until) throw new AppError('ACCOUNT_LOCKED', `连续 ${LOCK_AFTER_FAILURES} 次登录失败，账户已锁定 ${LOCK_MINUTES} 分钟`);
    throw new AppError('UNAUTHENTICATED', `用户名或密码错误（还可尝试 ${LOCK_AFTER_FAILURES - state.failed_attempts} 次）`);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id);
    await repo.insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, csrfToken, clientIp: input.clientIp, userAgent: input.userAgent });
    const roles = (await repo.grantsOf(tx, user.id)).map((grant) => grant.role).join(',');
    await writeAudit(tx, { ...actor, id: user.username, role: roles }, { action: 'auth.login.success', objectType: 'user', objectId: user.username });
  });
  return { token, csrfToken, mustChangePassword: user.must_change_password };
}
