import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { todayIso } from '../../platform/dates.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { loadDemo } from '../../modules/registry/demo/load-demo.ts';
import { registryIsEmpty } from '../../modules/registry/repository.ts';
import { createDemoAccounts } from '../../modules/identity/demo-accounts.ts';
import { enterprisesOfDistrict } from '../../modules/registry/use-cases/demo-enterprises.ts';
import { buildServer } from '../../server.ts';

const FIRST_START_DEMO_COUNT = 5000;

export async function run(): Promise<number> {
  const startedAt = Date.now();
  const config = readConfig();
  const db = await openDatabase(config);
  const applied = await migrate(db);
  if (applied.length) process.stdout.write(`已执行 ${applied.length} 项数据库迁移\n`);
  if (!config.databaseUrl && (await registryIsEmpty(db))) {
    process.stdout.write(`首次启动：正在生成 ${FIRST_START_DEMO_COUNT} 家演示企业……\n`);
    const today = todayIso();
    await loadDemo(db, systemActor('首次启动'), { count: FIRST_START_DEMO_COUNT, seed: 2026, latestYear: Number(today.slice(0, 4)) - 1, today });
    // Demo accounts exist only in the embedded demo; a PostgreSQL deployment gets them only from `tidu demo --with-accounts`.
    await createDemoAccounts(db, await enterprisesOfDistrict(db, '500112', 40));
    process.stdout.write('已创建演示账号（密码 Tidu-demo-2026），登录页列出了全部演示账号\n');
  }
  const app = await buildServer({ db, config }, { logger: Boolean(process.env.LOG_REQUESTS) });
  await app.listen({ port: config.port, host: config.host });
  const store = config.databaseUrl ? 'PostgreSQL' : `嵌入式 PGlite（${config.dataDir}）`;
  process.stdout.write(`梯度平台已启动：http://localhost:${config.port}  数据库：${store}  用时 ${((Date.now() - startedAt) / 1000).toFixed(1)} 秒\n`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
