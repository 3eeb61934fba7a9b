import { evaluateBatch } from '../../src/standards/index.ts';
import { randomProfiles } from '../../src/standards/testing/random-profiles.ts';

/**
 * One core's share of the engine benchmark, in its own process (so its CPU time is its own): warms the engine up on
 * profiles of its own (timed apart: a scan of the city runs for minutes, so its rate is the steady one), then
 * generates its profiles in chunks and times only their evaluation, in wall time and in CPU time (the machine is
 * shared, so both are reported).
 */
const { count, seed, asOf, chunk, warmup } = JSON.parse(process.argv[2]) as { count: number; seed: number; asOf: string; chunk: number; warmup: number };

function timed(profiles: Parameters<typeof evaluateBatch>[0]) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = evaluateBatch(profiles, { asOf });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { out, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

const warm = timed(randomProfiles(warmup, { seed: seed * 1000 + 999 }));
let seconds = 0;
let cpuSeconds = 0;
let done = 0;
let qualified = 0;
for (let part = 0; done < count; part++) {
  const run = timed(randomProfiles(Math.min(chunk, count - done), { seed: seed * 1000 + part }));
  seconds += run.seconds;
  cpuSeconds += run.cpuSeconds;
  for (const status of run.out.status) if (status === 0) qualified++;
  done += run.out.count;
}
process.send!({ profiles: done, seconds, cpuSeconds, qualified, warmupProfiles: warmup, warmupSeconds: warm.seconds }, () => process.exit(0));
