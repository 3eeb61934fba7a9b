import cluster from 'node:cluster';
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
import { CliError, integerOption, parseArgs } from '../args.ts';

const FIRST_START_DEMO_COUNT = 5000;

/**
 * `tidu serve [--processes N]` (or `API_PROCESSES=N`): the platform on one port. With N > 1 (PostgreSQL only) a
 * primary process runs the migrations once and forks N API processes that share the port (node:cluster hands each
 * new connection to one of them); sessions live in PostgreSQL, so any process serves any request.
 */
export async function run(args: string[] = []): Promise<number> {
  if (cluster.isWorker) return serve({ runsJobs: process.env.TIDU_WORKER_RUNS_JOBS !== '0' });
  const { options } = parseArgs(args);
  const processes = integerOption(options, 'processes', Number(process.env.API_PROCESSES || 1));
  if (processes <= 1) return serve({ runsJobs: true });
  const config = readConfig();
  if (!config.databaseUrl) throw new CliError('多个 API 进程需要 PostgreSQL（设置 DATABASE_URL）：嵌入式 PGlite 只能由一个进程打开');
  return supervise(processes);
}

async function supervise(processes: number): Promise<number> {
  const startedAt = Date.now();
  const db = await openDatabase(readConfig());
  const applied = await migrate(db);
  await db.close();
  if (applied.length) process.stdout.write(`已执行 ${applied.length} 项数据库迁移\n`);
  let stopping = false;
  let listening = 0;
  const fork = (index: number) => {
    // Background work (discovery runs, the nightly schedule, the watcher) stays in the first process, as configured.
    const worker = cluster.fork({ TIDU_WORKER_RUNS_JOBS: index === 0 ? '1' : '0', TIDU_QUIET: '1' });
    worker.on('listening', () => {
      if (++listening === processes) {
        process.stdout.write(`梯度平台已启动：http://localhost:${readConfig().port}  ${processes} 个 API 进程  数据库：PostgreSQL  用时 ${((Date.now() - startedAt) / 1000).toFixed(1)} 秒\n`);
      }
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(`API 进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重新启动\n`);
      setTimeout(() => fork(index), 1000);
    });
  };
  for (let index = 0; index < processes; index++) fork(index);
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const exitWhenDone = () => (Object.keys(cluster.workers ?? {}).length === 0 ? process.exit(0) : setTimeout(exitWhenDone, 100));
    exitWhenDone();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

async function serve({ runsJobs }: { runsJobs: boolean }): Promise<number> {
  const startedAt = Date.now();
  const env = readConfig();
  const config = { ...env, serverRunsJobs: env.serverRunsJobs && runsJobs };
  const db = await openDatabase(config, { interactive: true });
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
  if (!process.env.TIDU_QUIET) {
    const store = config.databaseUrl ? 'PostgreSQL' : `嵌入式 PGlite（${config.dataDir}）`;
    process.stdout.write(`梯度平台已启动：http://localhost:${config.port}  数据库：${store}  用时 ${((Date.now() - startedAt) / 1000).toFixed(1)} 秒\n`);
  }
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
