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
  /** Background work (discovery runs, the nightly schedule, incremental re-evaluation) in this process; off when `tidu worker` processes do it. */
  serverRunsJobs: boolean;
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
    serverRunsJobs: !['0', 'false'].includes(env.SERVER_RUNS_JOBS ?? ''),
  };
}
