/** `tidu <command>`: each command is a thin wrapper in ./commands/<command>.ts exporting run(args). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  serve: { summary: '启动平台（HTTP API 与网页）', load: () => import('./commands/serve.ts') },
  migrate: { summary: '执行数据库迁移', load: () => import('./commands/migrate.ts') },
  demo: { summary: '生成演示数据：--count N --seed S', load: () => import('./commands/demo.ts') },
  evaluate: { summary: '按认定标准评价企业画像文件', load: () => import('./commands/evaluate.ts') },
  user: { summary: '创建用户：create --username U --role R [--district …] [--enterprise …]', load: () => import('./commands/user.ts') },
  audit: { summary: '导出审计日志：export --from 日期 --to 日期', load: () => import('./commands/audit.ts') },
  discover: { summary: '全库评价（主动发现）：--as-of 日期 [--application new|re_review] [--json]', load: () => import('./commands/discover.ts') },
  workflow: { summary: '认定管理每日任务：daily [--date 日期]（到期处理与截止提醒）', load: () => import('./commands/workflow.ts') },
  import: { summary: '导入 Excel/CSV：文件 --type basics|years|ip|… [--dry-run] [--json]', load: () => import('./commands/import.ts') },
  worker: { summary: '后台工作进程：从任务队列执行全库评价的分块（需要 DATABASE_URL）', load: () => import('./commands/worker.ts') },
  bench: { summary: '运行基准测试，结果写入 bench/results/', load: () => import('../../bench/run.ts') },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const lines = Object.entries(COMMANDS).map(([key, c]) => `  tidu ${key.padEnd(10)} ${c.summary}`);
    process.stderr.write(`用法：tidu <命令> [参数]\n${lines.join('\n')}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const module = await command.load();
  return module.run(rest);
}
