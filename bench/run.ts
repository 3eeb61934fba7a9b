import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  }
  process.stdout.write(`\n${resultTable(table, (performance.now() - suiteStarted) / 1000).join('\n')}\n`);
  writeFileSync(join(resultsDir, quick ? 'summary.quick.md' : 'summary.md'), summaryOfResults(quick, machine));
  return 0;
}

const RECORD_KEYS = new Set(['scenario', 'quick', 'date', 'commit', 'machine', 'load_average', 'wall_seconds']);

/**
 * The summary of every scenario's latest result file, so running one scenario updates its row and keeps the others;
 * each row names the commit and date it measured.
 */
function summaryOfResults(quick: boolean, machine: Record<string, unknown>): string {
  const lines = ['# 基准测试结果', '', `- 本次运行的机器：${machine.cores} 核，${machine.memory_gb} GiB，${machine.cpu}（各场景测于哪台机器见其小节）`, `- 模式：${quick ? '快速（1/100 规模）' : '完整'}`, ''];
  const table: { name: string; wallSeconds: number; figures: Record<string, unknown> }[] = [];
  const sections: string[] = [];
  for (const name of Object.keys(SCENARIOS)) {
    const path = join(resultsDir, `${name}${quick ? '.quick' : ''}.json`);
    if (!existsSync(path)) continue;
    const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const figures = Object.fromEntries(Object.entries(record).filter(([key]) => !RECORD_KEYS.has(key)));
    table.push({ name, wallSeconds: Number(record.wall_seconds ?? 0), figures });
    const measuredOn = record.machine as { cores?: number; cpu?: string | null } | undefined;
    sections.push(
      `## ${name}`,
      '',
      `提交 ${record.commit ?? '未知'}，${record.date}，机器 ${measuredOn?.cores ?? '?'} 核 ${measuredOn?.cpu ?? '未知'}，负载 ${JSON.stringify(record.load_average ?? null)}`,
      '',
      '```json',
      JSON.stringify(figures, null, 2),
      '```',
      '',
    );
  }
  const wall = table.reduce((sum, row) => sum + row.wallSeconds, 0);
  return [...lines, ...resultTable(table, wall), '', ...sections].join('\n');
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
