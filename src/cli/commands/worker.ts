import { readConfig } from '../../platform/config.ts';
import { openPostgres } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { DiscoveryRunner, runnerSettings } from '../../modules/discovery/runner.ts';
import { ImportRunner } from '../../modules/intake/runner.ts';

/**
 * `tidu worker`: a background process on the shared PostgreSQL database. It executes chunks of discovery runs from the
 * job queue (as many workers as there are cores to spare share one run), queues the nightly run and re-evaluates
 * changed enterprises; beside that, on its own loop, it checks uploaded import files and commits confirmed imports.
 * Stops on SIGTERM after the current discovery batch (handing its chunk back to the queue) and the import in hand.
 */
export async function run(): Promise<number> {
  const config = readConfig();
  if (!config.databaseUrl) {
    process.stderr.write('tidu worker 需要 DATABASE_URL：工作进程与 API 进程共用同一个 PostgreSQL 数据库（嵌入式 PGlite 由 tidu serve 自行执行后台任务）\n');
    return 2;
  }
  // Discovery's reads, writes, heartbeat and polls, and an import's transaction, heartbeat and progress.
  const db = await openPostgres(config.databaseUrl, { max: 6 });
  await migrate(db);
  const runner = new DiscoveryRunner(db, runnerSettings(db.kind));
  const imports = new ImportRunner(db);
  runner.start();
  imports.start();
  process.stdout.write(`后台工作进程已启动：${runner.owner}\n`);
  const stop = async () => {
    await Promise.all([runner.stop(), imports.stop()]);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
