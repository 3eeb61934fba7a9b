import { evaluateBatch } from '../../src/standards/index.ts';
import { randomProfiles } from '../../src/standards/testing/random-profiles.ts';

/**
 * One core's share of the engine benchmark, in its own process (so its CPU time is its own): generates its profiles in
 * chunks and times only the evaluation, in wall time and in CPU time (the machine is shared, so both are reported).
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const { count, seed, asOf, chunk } = JSON.parse(process.argv[2]) as { count: number; seed: number; asOf: string; chunk: number };
let seconds = 0;
let cpuSeconds = 0;
let done = 0;
let qualified = 0;
for (let part = 0; done < count; part++) {
  const profiles = randomProfiles(Math.min(chunk, count - done), { seed: seed * 1000 + part });
  // Generating a chunk leaves its garbage (and the previous chunk) behind: collect it before the clock starts, so the
  // evaluation is charged only for the collections its own allocations cause.
  collectGarbage();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = evaluateBatch(profiles, { asOf });
  seconds += (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  cpuSeconds += (used.user + used.system) / 1e6;
  for (const status of out.status) if (status === 0) qualified++;
  done += profiles.length;
}
process.send!({ profiles: done, seconds, cpuSeconds, qualified }, () => process.exit(0));
