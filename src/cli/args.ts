/** Minimal `--key value` / `--flag` parsing; commands validate what they read. */
export function parseArgs(args: string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options.set(key, inline);
      else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) options.set(key, args[++i]);
      else options.set(key, true);
    } else positional.push(arg);
  }
  return { positional, options };
}

export function integerOption(options: Map<string, string | true>, key: string, fallback: number): number {
  const raw = options.get(key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < 0) throw new CliError(`参数 --${key} 应为非负整数`);
  return value;
}

export class CliError extends Error {}

export function progressBar(label: string, done: number, total: number, startedAt: number): string {
  const width = 30;
  const ratio = total === 0 ? 1 : done / total;
  const elapsed = (Date.now() - startedAt) / 1000;
  const rate = elapsed > 0 ? done / elapsed : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  const filled = Math.round(ratio * width);
  return `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}% ${done}/${total} ${Math.round(rate)}/秒 剩余约 ${Math.ceil(left)} 秒`;
}
