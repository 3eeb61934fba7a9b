import type { Db } from './platform/db.ts';
import type { Config } from './platform/config.ts';
import { createHttpApp, type App } from './platform/http.ts';
import { registryRoutes } from './modules/registry/routes.ts';

export interface AppDeps {
  db: Db;
  config: Config;
}

/** The whole HTTP platform: every slice registers its routes here. */
export async function buildServer(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = await createHttpApp(options);
  await app.register(async (scope) => registryRoutes(scope, deps));
  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', store: deps.db.kind }));
  return app;
}
