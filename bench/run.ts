import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
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
  const commit = gitCommit();
  const summary: string[] = ['# 基准测试结果', '', `- 日期：${new Date().toISOString()}`, `- 提交：${commit ?? '未知'}`, `- 机器：${machine.cores} 核，${machine.memory_gb} GiB，${machine.cpu}`, `- 模式：${quick ? '快速（1/100 规模）' : '完整'}`, ''];
  const table: { name: string; wallSeconds: number; figures: Record<string, unknown> }[] = [];
  const suiteStarted = performance.now();
  for (const name of names) {
    process.stdout.write(`▶ ${name}${quick ? '（快速）' : ''} …\n`);
    const scenario = await SCENARIOS[name]();
    const started = performance.now();
    const figures = await scenario.run({ quick });
    const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
    const record = { scenario: name, quick, date: new Date().toISOString(), commit, machine, load_average: loadavg().map((value) => Math.round(value * 100) / 100), wall_seconds: wallSeconds, ...figures };
    writeFileSync(join(resultsDir, `${name}${quick ? '.quick' : ''}.json`), JSON.stringify(record, null, 2) + '\n');
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    table.push({ name, wallSeconds, figures });
    summary.push(`## ${name}`, '', '```json', JSON.stringify(figures, null, 2), '```', '');
  }
  const lines = resultTable(table, (performance.now() - suiteStarted) / 1000);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  summary.splice(7, 0, ...lines, '');
  writeFileSync(join(resultsDir, quick ? 'summary.quick.md' : 'summary.md'), summary.join('\n'));
  return 0;
}

/** A Markdown table of every scenario's top-level figures, for the terminal and the summary. */
function resultTable(rows: { name: string; wallSeconds: number; figures: Record<string, unknown> }[], totalSeconds: number): string[] {
  const headline = (figures: Record<string, unknown>) =>
    Object.entries(figures)
      .filter(([, value]) => typeof value === 'number' || typeof value === 'string')
      .map(([key, value]) => `${key} ${value}`)
      .join('，');
  return [
    '| 场景 | 用时（秒） | 主要数据 |',
    '|---|---:|---|',
    ...rows.map((row) => `| ${row.name} | ${row.wallSeconds} | ${headline(row.figures)} |`),
    `| 合计 | ${Math.round(totalSeconds * 10) / 10} | |`,
  ];
}
