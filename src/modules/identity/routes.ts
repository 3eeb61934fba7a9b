import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf, ROLE_LABELS } from '../../platform/policy.ts';
import { actorOf } from '../../platform/request-actor.ts';
import type { AppDeps } from '../../server.ts';
import { MinuteWindowLimiter } from './access-control.ts';
import { DEMO_PASSWORD, listDemoAccounts } from './demo-accounts.ts';
import * as repo from './repository.ts';
import { ABSOLUTE_TIMEOUT_HOURS, SESSION_COOKIE } from './session-settings.ts';
import { exportAuditLog, searchAuditLog } from './use-cases/audit-log.ts';
import { changePassword } from './use-cases/change-password.ts';
import { login, tokenHash } from './use-cases/login.ts';
import { createUser, listUsers, resetPassword, updateUser } from './use-cases/manage-users.ts';
import { createUserBody, updateUserBody, userView } from './use-cases/manage-users.types.ts';

/** A district office signs in from behind one address; one account is also limited on its own (besides the lockout). */
const LOGIN_ATTEMPTS_PER_MINUTE_PER_ACCOUNT = 10;
const auditQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
  object_id: z.string().optional(),
  before_id: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export async function identityRoutes(fastify: FastifyInstance, { db, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['身份与权限'];
  const loginLimiter = new MinuteWindowLimiter();

  app.post('/api/auth/login', {
    config: { policy: { public: true } },
    schema: {
      tags,
      summary: '用户名密码登录（成功后设置会话 Cookie）',
      body: z.object({ username: z.string().min(1).max(60), password: z.string().min(1).max(200) }),
      response: { 200: z.object({ csrf_token: z.string(), must_change_password: z.boolean() }) },
    },
    handler: async (request, reply) => {
      const allowed =
        loginLimiter.allow(`address:${request.ip}`, config.loginAttemptsPerMinutePerAddress) &&
        loginLimiter.allow(`account:${request.ip}:${request.body.username}`, LOGIN_ATTEMPTS_PER_MINUTE_PER_ACCOUNT);
      if (!allowed) throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请一分钟后再试');
      const result = await login(db, { ...request.body, clientIp: request.ip, userAgent: request.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: ABSOLUTE_TIMEOUT_HOURS * 3600,
      });
      return { csrf_token: result.csrfToken, must_change_password: result.mustChangePassword };
    },
  });

  app.get('/api/auth/me', {
    config: { policy: { signedIn: true } },
    schema: { tags, summary: '当前用户、角色与防伪令牌' },
    handler: async (request) => {
      const principal = principalOf(request);
      return {
        username: principal.username,
        display_name: principal.displayName,
        must_change_password: principal.mustChangePassword,
        csrf_token: principal.csrfToken,
        roles: principal.grants.map((grant) => ({ ...grant, role_label: ROLE_LABELS[grant.role] })),
        scope: principal.scope.all ? { all: true } : { all: false, districts: principal.scope.districts, enterprises: principal.scope.creditCodes.length },
      };
    },
  });

  app.post('/api/auth/logout', {
    config: { policy: { signedIn: true } },
    schema: { tags, summary: '退出登录' },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]!;
      fastify.sessionCache.forget(token);
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, tokenHash(token));
        await writeAudit(tx, actorOf(request), { action: 'auth.logout', objectType: 'user', objectId: principalOf(request).username });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  app.post('/api/auth/password', {
    config: { policy: { signedIn: true } },
    schema: { tags, summary: '修改本人密码', body: z.object({ current_password: z.string().min(1), new_password: z.string().min(1).max(200) }) },
    handler: async (request) => {
      const token = request.cookies[SESSION_COOKIE]!;
      await changePassword(db, actorOf(request), principalOf(request), token, request.body);
      fastify.sessionCache.forget(token);
      return { ok: true };
    },
  });

  app.get('/api/auth/demo-accounts', {
    config: { policy: { public: true } },
    schema: { tags, summary: '演示账号（仅演示环境存在）' },
    handler: async () => {
      const accounts = await listDemoAccounts(db);
      return { password: accounts.length ? DEMO_PASSWORD : null, accounts };
    },
  });

  const admin = { policy: { roles: ['city_admin'] } } as const;
  app.get('/api/users', {
    config: admin,
    schema: { tags, summary: '用户列表', response: { 200: z.array(userView) } },
    handler: () => listUsers(db),
  });
  app.post('/api/users', {
    config: admin,
    schema: { tags, summary: '创建用户（返回一次性密码，首次登录须修改）', body: createUserBody },
    handler: (request) => createUser(db, actorOf(request), request.body),
  });
  app.patch('/api/users/:id', {
    config: admin,
    schema: { tags, summary: '修改用户（停用、角色）', params: z.object({ id: z.coerce.number().int() }), body: updateUserBody },
    handler: (request) => updateUser(db, actorOf(request), request.params.id, request.body),
  });
  app.post('/api/users/:id/reset-password', {
    config: admin,
    schema: { tags, summary: '重置密码（返回一次性密码）', params: z.object({ id: z.coerce.number().int() }) },
    handler: (request) => resetPassword(db, actorOf(request), request.params.id),
  });

  app.get('/api/audit', {
    config: admin,
    schema: { tags: ['审计日志'], summary: '检索审计日志（新在前）', querystring: auditQuery },
    handler: (request) => {
      const { from, to, actor, action, object_id, before_id, limit } = request.query;
      return searchAuditLog(db, { from, to, actor, action, objectId: object_id, beforeId: before_id }, limit);
    },
  });
  app.get('/api/audit/export', {
    config: admin,
    schema: { tags: ['审计日志'], summary: '导出审计日志为 Excel', querystring: auditQuery.omit({ before_id: true, limit: true }) },
    handler: async (request, reply) => {
      const { from, to, actor, action, object_id } = request.query;
      const buffer = await exportAuditLog(db, actorOf(request), { from, to, actor, action, objectId: object_id });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`审计日志_${from ?? '全部'}_${to ?? ''}.xlsx`)}`);
      return reply.send(buffer);
    },
  });
}
