import { describe, expect, it } from 'vitest';
import { groupTicks, parseProcessStat, readCpuTimes } from './process-cpu.ts';

const stat = (pid: number, command: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${command}) S ${ppid} ${pid} ${pid} 0 -1 4194304 124 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 99848 3133440 415`;

describe('process CPU accounting for the api bench', () => {
  it('reads parent and CPU ticks from a stat line whose command holds spaces and parentheses', () => {
    expect(parseProcessStat(stat(4242, 'node (tidu) serve', 17, 150, 30))).toEqual({ pid: 4242, ppid: 17, command: 'node (tidu) serve', ticks: 180 });
    expect(parseProcessStat('garbage')).toBeNull();
  });

  it('counts the server with every process under it, and every PostgreSQL process, and nothing else', () => {
    const processes = [
      stat(10, 'node', 1, 5, 1),
      stat(11, 'node', 10, 100, 20),
      stat(12, 'node', 10, 90, 10),
      stat(13, 'sh', 11, 3, 0),
      stat(20, 'node', 1, 1000, 0),
      stat(30, 'postgres', 1, 7, 3),
      stat(31, 'postgres', 30, 200, 50),
    ].map((line) => parseProcessStat(line)!);
    expect(groupTicks(processes, 10)).toEqual({ api: 6 + 120 + 100 + 3, postgresql: 10 + 250 });
    expect(groupTicks(processes, 99)).toEqual({ api: 0, postgresql: 260 });
  });

  it.runIf(process.platform === 'linux')('sees the CPU a process spends, from /proc as from the process itself', () => {
    const before = readCpuTimes(process.pid)!;
    // Busy until this process has had 300 ms of CPU, however loaded the machine is.
    const spent = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const start = spent();
    while (spent() - start < 300) Math.sqrt(Math.random());
    const after = readCpuTimes(process.pid)!;
    expect(after.load_generator - before.load_generator).toBeGreaterThanOrEqual(300);
    // /proc counts in clock ticks (10 ms).
    expect(Math.abs(after.api - before.api - (after.load_generator - before.load_generator))).toBeLessThan(50);
  });
});
