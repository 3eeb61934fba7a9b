import { resolve } from 'node:path';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || 'data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
  };
}
