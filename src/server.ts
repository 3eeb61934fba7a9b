import type { Db } from './platform/db.ts';
import type { Config } from './platform/config.ts';
import { createHttpApp, type App } from './platform/http.ts';
import { installAccessControl, type RouteRecord } from './modules/identity/access-control.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { registryRoutes } from './modules/registry/routes.ts';
import { evaluationRoutes } from './modules/evaluation/routes.ts';
import { workflowRoutes } from './modules/workflow/routes.ts';
import { intakeRoutes } from './modules/intake/routes.ts';
import { discoveryRoutes } from './modules/discovery/routes.ts';

export interface AppDeps {
  db: Db;
  config: Config;
}

/** The whole HTTP platform: every slice registers its routes here. */
export async function buildServer(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App & { routeTable: RouteRecord[] }> {
  const app = await createHttpApp({ ...options, trustProxy: deps.config.trustProxy });
  const routeTable = installAccessControl(app, deps.db, deps.config);
  await app.register(async (scope) => identityRoutes(scope, deps));
  await app.register(async (scope) => registryRoutes(scope, deps));
  await app.register(async (scope) => evaluationRoutes(scope, deps));
  await app.register(async (scope) => workflowRoutes(scope, deps));
  await app.register(async (scope) => intakeRoutes(scope, deps));
  await app.register(async (scope) => discoveryRoutes(scope, deps));
  app.get('/api/health', { config: { policy: { public: true } }, schema: { hide: true } }, async () => ({ status: 'ok', store: deps.db.kind }));
  return Object.assign(app, { routeTable });
}
