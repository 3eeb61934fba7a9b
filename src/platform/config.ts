import { resolve } from 'node:path';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  trustProxy: boolean;
  apiRateLimitPerMinute: number;
  sessionCacheSeconds: number;
  countCacheSeconds: number;
  loginAttemptsPerMinutePerAddress: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || 'data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    apiRateLimitPerMinute: Number(env.API_RATE_LIMIT_PER_MINUTE || 1200),
    sessionCacheSeconds: Number(env.SESSION_CACHE_SECONDS ?? 5),
    countCacheSeconds: Number(env.COUNT_CACHE_SECONDS ?? 30),
    loginAttemptsPerMinutePerAddress: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE || 120),
  };
}
