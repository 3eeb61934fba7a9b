import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluateBatch, type EvaluateOptions, type Profile, type StandardId } from '../../src/standards/index.ts';
import { randomProfiles } from '../../src/standards/testing/random-profiles.ts';
import { factsOf, jsonRulesEngine, jsonRulesOutcome, zenDecision } from './engine-peers.ts';

const AS_OF = '2026-06-30';
/**
 * Profiles generated and evaluated at a time, as a discovery batch holds them: chunks of 50,000 generated profiles
 * (~200 MB) were collected by full mark-compacts that landed inside the timed evaluation (docs/decisions.md).
 */
const CHUNK = 10_000;
/**
 * Each worker collects its own garbage on its own thread: with V8's helper threads, the collection of one worker's
 * generated profiles (untimed) ran on the core where the other worker was timing its evaluation (docs/decisions.md).
 */
const WORKER_FLAGS = ['--single-threaded-gc'];
/** Profiles each worker evaluates before the timed ones, while V8 compiles the engine (reported apart). */
const WARMUP = 20_000;

interface Share {
  profiles: number;
  seconds: number;
  cpuSeconds: number;
  qualified: number;
  warmupProfiles: number;
  warmupSeconds: number;
}

function runWorker(count: number, seed: number, warmup: number): Promise<Share> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./engine-worker.mjs', import.meta.url)), [JSON.stringify({ count, seed, asOf: AS_OF, chunk: CHUNK, warmup })], {
      execArgv: [...process.execArgv, ...WORKER_FLAGS],
    });
    child.once('message', (message) => resolve(message as Share));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`engine benchmark worker exited with ${code}`));
    });
  });
}

/** Engine throughput: evaluateBatch over all standards on every core, one core alone, and the two peer engines. */
export async function run(options: { quick: boolean }): Promise<Record<string, unknown>> {
  const total = options.quick ? 10_000 : 1_000_000;
  const cores = Math.max(1, Math.min(2, availableParallelism()));

  // All cores: each worker process warms up, then generates its share in chunks and times their evaluation only; the
  // wall time is the slowest worker's.
  const warmup = options.quick ? 2_000 : WARMUP;
  const shares = await Promise.all(Array.from({ length: cores }, (_, i) => runWorker(Math.ceil(total / cores), i + 1, warmup)));
  const profiles = shares.reduce((sum, s) => sum + s.profiles, 0);
  const seconds = Math.max(...shares.map((s) => s.seconds));

  // One core, in this thread: all standards, then only the two standards the peers encode.
  const sample = randomProfiles(options.quick ? 10_000 : 100_000, { seed: 99 });
  const two = { asOf: AS_OF, standards: ['specialized_sme', 'innovative_sme'] as StandardId[] };
  evaluateBatch(sample.slice(0, 5000), { asOf: AS_OF });
  evaluateBatch(sample.slice(0, 5000), two);
  const oneCoreAll = rate(sample.length, () => evaluateBatch(sample, { asOf: AS_OF }));
  const oneCoreTwo = rate(sample.length, () => evaluateBatch(sample, two));
  const cpuSeconds = shares.reduce((sum, s) => sum + s.cpuSeconds, 0);

  // Peers on a subset (they are much slower), with the flat facts computed inside their timing; ours on the very same
  // profiles right after each peer, repeated until the timing is long enough to mean something.
  const subset = sample.slice(0, options.quick ? 2_000 : 20_000);
  const zen = zenDecision();
  await zen.evaluate(factsOf(subset.slice(0, 10), AS_OF)[0]);
  let started = performance.now();
  let zenQualified = 0;
  for (const facts of factsOf(subset, AS_OF)) {
    const r = await zen.evaluate(facts);
    if ((r.result as { specialized?: boolean }).specialized) zenQualified++;
  }
  const zenRate = subset.length / ((performance.now() - started) / 1000);
  const oursOnZenProfiles = repeatedRate(subset, two);

  const jre = jsonRulesEngine();
  const jreSubset = subset.slice(0, options.quick ? 1_000 : 5_000);
  started = performance.now();
  let jreQualified = 0;
  for (const facts of factsOf(jreSubset, AS_OF)) {
    const r = await jre.run(facts as unknown as Record<string, unknown>);
    if (jsonRulesOutcome(facts, r.events).specialized) jreQualified++;
  }
  const jreRate = jreSubset.length / ((performance.now() - started) / 1000);
  const oursOnJreProfiles = repeatedRate(jreSubset, two);
  const round = (v: number) => Math.round(v);
  const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
  return {
    profiles,
    seconds: Math.round(seconds * 1000) / 1000,
    profiles_per_second: round(profiles / seconds),
    /** The same work over the CPU time the workers actually got (other processes share this machine). */
    cpu_seconds: Math.round(cpuSeconds * 1000) / 1000,
    /**
     * Profiles per CPU-second of one core (all workers' profiles over all their CPU time, JIT warm-up included):
     * the figure that does not depend on what else runs here. With every core free, profiles_per_second approaches
     * this times `cores`.
     */
    profiles_per_cpu_second: round(profiles / cpuSeconds),
    standards: 11,
    cores,
    /** Each worker's first profiles, evaluated while V8 compiles the engine, are timed apart (per_core.workers[].warmup). */
    warmup_profiles_per_worker: warmup,
    worker_flags: WORKER_FLAGS,
    per_core: {
      all_standards_profiles_per_second: round(oneCoreAll.wall),
      all_standards_profiles_per_cpu_second: round(oneCoreAll.cpu),
      two_standards_profiles_per_second: round(oneCoreTwo.wall),
      two_standards_profiles_per_cpu_second: round(oneCoreTwo.cpu),
      workers: shares.map((s) => ({
        profiles: s.profiles, seconds: Math.round(s.seconds * 1000) / 1000, profiles_per_second: round(s.profiles / s.seconds),
        cpu_seconds: Math.round(s.cpuSeconds * 1000) / 1000, profiles_per_cpu_second: round(s.profiles / s.cpuSeconds),
        warmup: { profiles: s.warmupProfiles, seconds: Math.round(s.warmupSeconds * 1000) / 1000, profiles_per_second: round(s.warmupProfiles / s.warmupSeconds) },
      })),
    },
    peers: {
      rule_sets: '2026 专精特新 thresholds + 创新型 scorecard; ours: the full specialized_sme and innovative_sme standards on the same profiles, one core',
      zen_engine: {
        profiles: subset.length, profiles_per_second: round(zenRate), ours_profiles_per_second: round(oursOnZenProfiles),
        ratio_ours_to_peer: ratio(oursOnZenProfiles, zenRate), qualified_specialized: zenQualified,
      },
      json_rules_engine: {
        profiles: jreSubset.length, profiles_per_second: round(jreRate), ours_profiles_per_second: round(oursOnJreProfiles),
        ratio_ours_to_peer: ratio(oursOnJreProfiles, jreRate), qualified_specialized: jreQualified,
      },
    },
  };
}

/** Items per second of wall time and per CPU-second of this process (which other processes do not inflate). */
function rate(count: number, work: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { wall: count / seconds, cpu: count / ((used.user + used.system) / 1e6) };
}

/** Profiles per second over repeated passes on the same profiles (at least half a second, at least three passes). */
function repeatedRate(profiles: readonly Profile[], options: EvaluateOptions): number {
  evaluateBatch(profiles, options);
  let passes = 0;
  const started = performance.now();
  while (passes < 3 || performance.now() - started < 500) {
    evaluateBatch(profiles, options);
    passes++;
  }
  return (passes * profiles.length) / ((performance.now() - started) / 1000);
}
