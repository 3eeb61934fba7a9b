import type { FastifyRequest } from 'fastify';
import type { Actor } from './audit.ts';

/** The acting user of a request, for change sets and the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  if (!principal) return { id: 'anonymous', role: null, clientIp: request.ip };
  return { id: principal.username, role: [...principal.roles].join(','), clientIp: request.ip };
}
