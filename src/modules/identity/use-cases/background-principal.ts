import type { Db } from '../../../platform/db.ts';
import type { Role } from '../../../platform/policy.ts';
import type { Scope } from '../../../platform/scope.ts';
import { scopeOfGrants } from '../principal.ts';
import * as repo from '../repository.ts';

/**
 * The roles and registry scope a user has now, for work a background worker does on their behalf after they asked
 * for it over HTTP (an import the worker checks or commits): scopes stay made by identity, from the user's current
 * grants, so a grant withdrawn in between narrows the work too. Null when the account is gone or disabled.
 */
export async function backgroundPrincipal(db: Db, username: string): Promise<{ userId: number; roles: Role[]; scope: Scope } | null> {
  const user = await repo.findUserByName(db, username);
  if (!user || user.disabled) return null;
  const grants = await repo.grantsOf(db, user.id);
  return { userId: user.id, roles: [...new Set(grants.map((grant) => grant.role))], scope: await scopeOfGrants(db, user.id, grants) };
}
