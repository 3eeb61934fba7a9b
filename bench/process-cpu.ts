import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, milliseconds) the processes of one load test have used so far. */
export interface CpuTimes {
  /** The API server: the process started and every process under it. */
  api: number;
  /** Every PostgreSQL process on this machine (the bench's server holds only the bench's databases busy). */
  postgresql: number;
  /** This process, which runs the load generator. */
  load_generator: number;
}

interface ProcessStat {
  pid: number;
  ppid: number;
  command: string;
  ticks: number;
}

/** One line of /proc/<pid>/stat: the command sits in parentheses and may itself hold spaces or parentheses. */
export function parseProcessStat(line: string): ProcessStat | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = line.slice(close + 2).split(' ');
  // After the command: state, ppid, …, utime (the 12th) and stime (the 13th), in clock ticks.
  const [ppid, utime, stime] = [fields[1], fields[11], fields[12]].map(Number);
  if (![ppid, utime, stime].every(Number.isFinite)) return null;
  return { pid: Number(line.slice(0, open).trim()), ppid, command: line.slice(open + 1, close), ticks: utime + stime };
}

/** Splits the machine's processes into the groups of a load test, in clock ticks (the load generator excluded). */
export function groupTicks(processes: readonly ProcessStat[], serverPid: number): { api: number; postgresql: number } {
  const children = new Map<number, ProcessStat[]>();
  for (const process of processes) {
    const siblings = children.get(process.ppid);
    if (siblings) siblings.push(process);
    else children.set(process.ppid, [process]);
  }
  let api = 0;
  const pending = processes.filter((process) => process.pid === serverPid);
  while (pending.length) {
    const process = pending.pop()!;
    api += process.ticks;
    pending.push(...(children.get(process.pid) ?? []));
  }
  const postgresql = processes.filter((process) => process.command === 'postgres').reduce((sum, process) => sum + process.ticks, 0);
  return { api, postgresql };
}

let ticksPerSecond: number | undefined;

/** The CPU times of a load test's processes now, or null where /proc cannot be read (not Linux). */
export function readCpuTimes(serverPid: number): CpuTimes | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  ticksPerSecond ??= Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  const processes: ProcessStat[] = [];
  for (const entry of entries) {
    try {
      const stat = parseProcessStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (stat) processes.push(stat);
    } catch {
      // ended since the listing
    }
  }
  const { api, postgresql } = groupTicks(processes, serverPid);
  const own = process.cpuUsage();
  return { api: (api * 1000) / ticksPerSecond, postgresql: (postgresql * 1000) / ticksPerSecond, load_generator: (own.user + own.system) / 1000 };
}
