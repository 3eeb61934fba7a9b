import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import * as repo from '../../modules/discovery/repository.ts';
import { runnerSettings } from '../../modules/discovery/runner.ts';
import { executeRun } from '../../modules/discovery/use-cases/execute-run.ts';
import { runSummary } from '../../modules/discovery/use-cases/run-view.ts';
import { startRunBody } from '../../modules/discovery/use-cases/runs.types.ts';
import { startRun } from '../../modules/discovery/use-cases/start-run.ts';
import { newOwner } from '../../modules/jobs/worker.ts';
import { STANDARD_IDS, STANDARD_NAMES } from '../../standards/index.ts';
import { parseArgs, progressBar } from '../args.ts';

const USAGE = '用法：tidu discover --as-of YYYY-MM-DD [--application new|re_review] [--json]\n';

/** `tidu discover`: evaluates the whole registry as of a date, with a progress bar on stderr, and prints the summary. */
export async function run(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  const parsed = startRunBody.safeParse({ as_of: options.get('as-of'), application: options.get('application') ?? undefined });
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const key = problem.path[0] === 'as_of' ? '--as-of' : '--application';
    process.stderr.write(`参数 ${key} 无效：${options.get(key.slice(2)) === undefined ? '未填写' : problem.message}\n${USAGE}`);
    return 2;
  }
  const json = options.has('json');
  const db = await openDatabase(readConfig());
  try {
    await migrate(db);
    const settings = runnerSettings(db.kind);
    const { run } = await startRun(db, systemActor('tidu discover'), parsed.data, 'cli', { chunkSize: settings.chunkSize });
    // Running `tidu worker` processes share the run's chunks with this one.
    const outcome = await executeRun(db, run, `${newOwner()}:cli`, {
      batchSize: settings.batchSize,
      staleSeconds: settings.staleSeconds,
      onProgress: ({ processed, total, startedAt }) => process.stderr.write(progressBar(`评价批次 #${run.id}`, processed, total, startedAt)),
    });
    process.stderr.write('\n');
    if (outcome !== 'completed') {
      process.stderr.write(`评价批次 #${run.id} 失败：${(await repo.getRun(db, run.id))?.error ?? '未知原因'}\n`);
      return 1;
    }
    const summary = runSummary((await repo.getRun(db, run.id))!);
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      const lines = STANDARD_IDS.map((id) => {
        const c = summary.standards[id];
        return `  ${STANDARD_NAMES[id].padEnd(16, '　')} 符合 ${c.qualified}  不符合 ${c.not_qualified}  数据不足 ${c.insufficient_data}  待人工评审 ${c.manual_review}`;
      });
      process.stdout.write(`评价批次 #${summary.run_id}（基准日 ${summary.as_of}）：共评价 ${summary.enterprises} 家企业\n${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
