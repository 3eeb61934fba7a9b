import { readConfig } from '../../platform/config.ts';
import { openPostgres } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { DiscoveryRunner, runnerSettings } from '../../modules/discovery/runner.ts';

/**
 * `tidu worker`: a background process on the shared PostgreSQL database. It executes chunks of discovery runs from the
 * job queue (as many workers as there are cores to spare share one run), queues the nightly run and re-evaluates
 * changed enterprises. Stops on SIGTERM after the current batch, handing its chunk back to the queue.
 */
export async function run(): Promise<number> {
  const config = readConfig();
  if (!config.databaseUrl) {
    process.stderr.write('tidu worker 需要 DATABASE_URL：工作进程与 API 进程共用同一个 PostgreSQL 数据库（嵌入式 PGlite 由 tidu serve 自行执行后台任务）\n');
    return 2;
  }
  const db = await openPostgres(config.databaseUrl, { max: 4 });
  await migrate(db);
  const runner = new DiscoveryRunner(db, runnerSettings(db.kind));
  runner.start();
  process.stdout.write(`后台工作进程已启动：${runner.owner}\n`);
  const stop = async () => {
    await runner.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
