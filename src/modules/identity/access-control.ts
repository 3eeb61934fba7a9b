import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Policy } from '../../platform/policy.ts';
import { principalFromToken, type SessionCheck } from './principal.ts';
import { SESSION_COOKIE } from './session-settings.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes an account that must change its password may still use. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export interface RouteRecord {
  method: string;
  url: string;
  policy: Policy;
}

/**
 * Every route must declare a policy: routes under /api without one refuse to register. Pages and the
 * API documentation are public shells; the data behind them is not.
 */
export function installAccessControl(app: FastifyInstance, db: Db, config: Config): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    const policy = route.config?.policy;
    if (!policy) {
      if (isApi) throw new Error(`路由 ${route.method} ${route.url} 未声明访问策略`);
      route.config = { ...(route.config ?? {}), policy: { public: true } };
      return;
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
  });

  const limiter = new MinuteWindowLimiter();
  const sessions = new SessionCache(config.sessionCacheSeconds);
  app.decorate('sessionCache', sessions);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const policy = request.routeOptions.config?.policy ?? ({ public: true } as const);
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const check = await sessions.check(token, () => principalFromToken(db, token));
      if (check.kind === 'ok') request.principal = check.principal;
      else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        if (check.kind === 'expired' && !('public' in policy)) throw new AppError('SESSION_EXPIRED', '登录已超时，请重新登录');
      }
    }
    if ('public' in policy) return;
    const principal = request.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (!limiter.allow(`user:${principal.userId}`, config.apiRateLimitPerMinute)) {
      throw new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
      throw new AppError('CSRF_REJECTED', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试');
    }
    if (principal.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须先修改密码');
    }
    if ('roles' in policy && !policy.roles.some((role) => principal.roles.has(role))) {
      throw new AppError('FORBIDDEN', '您的角色无权执行此操作');
    }
  });
  return routes;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessionCache: SessionCache;
  }
}

/**
 * Signed-in sessions read in the last few seconds, so a burst of requests costs one lookup. Sign-out in this
 * process forgets at once; a change made in another process (a user disabled, a session expired) is seen
 * within the cache's seconds.
 */
export class SessionCache {
  private entries = new Map<string, { check: SessionCheck; until: number }>();
  constructor(private readonly seconds: number) {}

  async check(token: string, load: () => Promise<SessionCheck>): Promise<SessionCheck> {
    const now = Date.now();
    const cached = this.entries.get(token);
    if (cached && cached.until > now) return cached.check;
    const check = await load();
    if (this.seconds > 0 && check.kind === 'ok') {
      if (this.entries.size > 50_000) this.entries.clear();
      this.entries.set(token, { check, until: now + this.seconds * 1000 });
    } else this.entries.delete(token);
    return check;
  }

  forget(token: string) {
    this.entries.delete(token);
  }
}

/** Fixed one-minute windows per key, kept in this process (each API process limits on its own). */
export class MinuteWindowLimiter {
  private window = 0;
  private counts = new Map<string, number>();
  allow(key: string, limit: number, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= limit;
  }
}
