import { readConfig } from '../../platform/config.ts';
import { todayIso } from '../../platform/dates.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { dailyRun } from '../../modules/workflow/use-cases/daily-run.ts';
import { parseArgs } from '../args.ts';

/** `tidu workflow daily [--date YYYY-MM-DD]`: run once a day (cron or a systemd timer). */
export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const date = options.get('date');
  if (positional[0] !== 'daily' || (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)))) {
    process.stderr.write('用法：tidu workflow daily [--date YYYY-MM-DD]\n');
    return 2;
  }
  const db = await openDatabase(readConfig());
  try {
    await migrate(db);
    const result = await dailyRun(db, typeof date === 'string' ? date : todayIso());
    process.stdout.write(`认定管理每日任务完成：${result.expired} 项称号到期\n`);
    return 0;
  } finally {
    await db.close();
  }
}
