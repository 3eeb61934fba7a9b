import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { todayIso } from '../../platform/dates.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { loadDemo } from '../../modules/registry/demo/load-demo.ts';
import { createDemoAccounts } from '../../modules/identity/demo-accounts.ts';
import { enterprisesOfDistrict } from '../../modules/registry/use-cases/demo-enterprises.ts';
import { CliError, integerOption, parseArgs, progressBar } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  let count: number, seed: number, latestYear: number;
  try {
    count = integerOption(options, 'count', 5000);
    seed = integerOption(options, 'seed', 2026);
    latestYear = integerOption(options, 'year', Number(todayIso().slice(0, 4)) - 1);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n用法：tidu demo --count N --seed S [--year 最近财年] [--with-accounts]\n`);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(readConfig());
  const startedAt = Date.now();
  try {
    await migrate(db);
    const interactive = process.stderr.isTTY;
    await loadDemo(db, systemActor('tidu demo'), {
      count,
      seed,
      latestYear,
      today: todayIso(),
      onProgress: (done, total) => {
        if (interactive) process.stderr.write(progressBar('生成演示数据', done, total, startedAt));
      },
    });
    const seconds = (Date.now() - startedAt) / 1000;
    if (interactive) process.stderr.write('\n');
    if (options.has('with-accounts')) {
      await createDemoAccounts(db, await enterprisesOfDistrict(db, '500112', 40));
      process.stdout.write('已创建演示账号，密码均为 Tidu-demo-2026\n');
    }
    process.stdout.write(`已生成 ${count} 家演示企业（种子 ${seed}，财年截至 ${latestYear}），用时 ${seconds.toFixed(1)} 秒\n`);
    return 0;
  } finally {
    await db.close();
  }
}
