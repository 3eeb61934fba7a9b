import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { systemScope } from '../../platform/scope.ts';
import { IMPORT_KINDS, type ImportKind } from '../../modules/intake/sheets.ts';
import { importFile } from '../../modules/intake/use-cases/import-file.ts';
import { parseArgs } from '../args.ts';

const USAGE = `用法：tidu import 文件 --type ${IMPORT_KINDS.join('|')} [--dry-run] [--json]\n`;

/**
 * `tidu import FILE --type …`: checks a file and commits its valid rows as one undoable batch (the whole city's scope).
 * Runs inline, in this process and one transaction, without the job queue: it is an administrator's command on the
 * server and needs no worker (imports from the page are jobs, src/modules/intake/runner.ts).
 */
export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const kind = options.get('type');
  if (positional.length !== 1 || typeof kind !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dryRun = options.has('dry-run');
  const db = await openDatabase(readConfig());
  try {
    const report = await importFile(
      db,
      { actor: systemActor('tidu import'), seesAll: true },
      systemScope(),
      { kind: kind as ImportKind, fileName: basename(positional[0]), file: readFileSync(positional[0]) },
      { dryRun, source: 'import' },
    );
    if (options.has('json')) {
      const rejected = report.rejected.map(({ row, column, code, message }) => ({ row, column, code, message }));
      process.stdout.write(`${JSON.stringify({ new: report.new, updated: report.updated, unchanged: report.unchanged, rejected }, null, 2)}\n`);
    } else {
      const rows = new Set(report.rejected.map((problem) => `${problem.sheet}:${problem.row}`)).size;
      process.stdout.write(`${dryRun ? '试导入（未写入）' : `已导入，批次 #${report.batch_id}`}：新增 ${report.new} 行，更新 ${report.updated} 行，未变 ${report.unchanged} 行，拒绝 ${rows} 行\n`);
      for (const problem of report.rejected) process.stdout.write(`  ${problem.sheet} 第 ${problem.row} 行【${problem.column}】${problem.code}：${problem.message}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
