import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { audiencesOf } from '../viewer.ts';

export async function listInbox(db: Db, principal: Principal) {
  const audiences = audiencesOf(principal);
  const items = await repo.inbox(db, audiences, principal.username, 100);
  return {
    unread: await repo.unreadCount(db, audiences, principal.username),
    items: items.map((item) => ({ ...item, created_at: item.created_at.toISOString() })),
  };
}

export async function markNotificationRead(db: Db, principal: Principal, id: number) {
  if (!(await repo.markRead(db, audiencesOf(principal), principal.username, id))) throw new AppError('NOT_FOUND', `通知 ${id} 不存在`);
  return { ok: true };
}
