import { parentPort, workerData } from 'node:worker_threads';
import { evaluateBatch } from '../../src/standards/index.ts';
import { randomProfiles } from '../../src/standards/testing/random-profiles.ts';

/** One core's share of the engine benchmark: generates its profiles in chunks and times only the evaluation. */
const { count, seed, asOf, chunk } = workerData as { count: number; seed: number; asOf: string; chunk: number };
let seconds = 0;
let done = 0;
let qualified = 0;
for (let part = 0; done < count; part++) {
  const profiles = randomProfiles(Math.min(chunk, count - done), { seed: seed * 1000 + part });
  const started = performance.now();
  const out = evaluateBatch(profiles, { asOf });
  seconds += (performance.now() - started) / 1000;
  for (const status of out.status) if (status === 0) qualified++;
  done += profiles.length;
}
parentPort!.postMessage({ profiles: done, seconds, qualified });
