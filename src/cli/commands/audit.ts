import { writeFileSync } from 'node:fs';
import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { exportAuditLog } from '../../modules/identity/use-cases/audit-log.ts';
import { parseArgs } from '../args.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const from = options.get('from');
  const to = options.get('to');
  if (positional[0] !== 'export' || typeof from !== 'string' || typeof to !== 'string' || !DATE.test(from) || !DATE.test(to)) {
    process.stderr.write('用法：tidu audit export --from YYYY-MM-DD --to YYYY-MM-DD [--out 文件.xlsx]\n');
    return 2;
  }
  const out = typeof options.get('out') === 'string' ? (options.get('out') as string) : `审计日志_${from}_${to}.xlsx`;
  const db = await openDatabase(readConfig());
  try {
    writeFileSync(out, await exportAuditLog(db, systemActor('tidu audit export'), { from, to }));
    process.stdout.write(`已导出审计日志到 ${out}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
