import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../src/cli/args.ts';

/** `npm run bench [-- scenario …] [--quick]`: runs scenarios, writes bench/results/<name>.json and summary.md. */
const SCENARIOS: Record<string, () => Promise<{ run: (options: { quick: boolean }) => Promise<Record<string, unknown>> }>> = {
  demo: () => import('./scenarios/demo.ts'),
  engine: () => import('./scenarios/engine.ts'),
  import: () => import('./scenarios/import.ts'),
  api: () => import('./scenarios/api.ts'),
  discovery: () => import('./scenarios/discovery.ts'),
};

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const quick = options.has('quick');
  const names = positional.length ? positional : Object.keys(SCENARIOS);
  const unknown = names.filter((name) => !SCENARIOS[name]);
  if (unknown.length) {
    process.stderr.write(`未知的基准场景：${unknown.join('、')}。可选：${Object.keys(SCENARIOS).join('、')}\n`);
    return 2;
  }
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model ?? null, node: process.version };
  const summary: string[] = ['# 基准测试结果', '', `- 日期：${new Date().toISOString()}`, `- 提交：${gitCommit() ?? '未知'}`, `- 机器：${machine.cores} 核，${machine.memory_gb} GiB，${machine.cpu}`, `- 模式：${quick ? '快速（1/100 规模）' : '完整'}`, ''];
  for (const name of names) {
    process.stdout.write(`▶ ${name}${quick ? '（快速）' : ''} …\n`);
    const scenario = await SCENARIOS[name]();
    const figures = await scenario.run({ quick });
    const record = { scenario: name, quick, date: new Date().toISOString(), commit: gitCommit(), machine, ...figures };
    writeFileSync(join(resultsDir, `${name}${quick ? '.quick' : ''}.json`), JSON.stringify(record, null, 2) + '\n');
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    summary.push(`## ${name}`, '', '```json', JSON.stringify(figures, null, 2), '```', '');
  }
  writeFileSync(join(resultsDir, quick ? 'summary.quick.md' : 'summary.md'), summary.join('\n'));
  return 0;
}
