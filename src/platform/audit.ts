import type { Queryable } from './db.ts';

/** Who is acting: the server fills this in from the request; background jobs name themselves. */
export interface Actor {
  id: string;
  role: string | null;
  clientIp: string | null;
}

export const systemActor = (id: string): Actor => ({ id, role: 'system', clientIp: null });

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | null;
  summary?: unknown;
}

/** Always called with the transaction of the change it records, so the two commit or fail together. */
export async function writeAudit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.query(
    `insert into platform.audit_log (actor, actor_role, action, object_type, object_id, summary, client_ip)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.id, actor.role, entry.action, entry.objectType, entry.objectId, entry.summary === undefined ? null : JSON.stringify(entry.summary), actor.clientIp],
  );
}
