import { systemActor } from '../../src/platform/audit.ts';
import { systemScope } from '../../src/platform/scope.ts';
import * as repo from '../../src/modules/discovery/repository.ts';
import { DiscoveryRunner, runnerSettings } from '../../src/modules/discovery/runner.ts';
import { executeRun } from '../../src/modules/discovery/use-cases/execute-run.ts';
import { startRun } from '../../src/modules/discovery/use-cases/start-run.ts';
import { getProfile } from '../../src/modules/registry/use-cases/get-portrait.ts';
import { saveProfile } from '../../src/modules/registry/use-cases/save-profile.ts';
import { BENCH_AS_OF, registryDatabase } from '../database.ts';

/**
 * A full discovery run over the synthetic registry on PostgreSQL (read, evaluate, write), with the peak resident
 * memory of the process, then the delay from one enterprise's change to its updated result (the watcher's path).
 */
export async function run({ quick }: { quick: boolean }) {
  const count = quick ? 10_000 : 1_000_000;
  const { db } = await registryDatabase(count);
  const actor = systemActor('bench');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    await db.exec('truncate discovery.key_list_member, discovery.key_list, discovery.result, discovery.run');
    const settings = runnerSettings(db.kind);
    const started = performance.now();
    const { run: created } = await startRun(db, actor, { as_of: BENCH_AS_OF, application: 'new' }, 'cli', 'bench');
    await executeRun(db, created, 'bench', { batchSize: settings.batchSize });
    const seconds = (performance.now() - started) / 1000;
    const finished = (await repo.getRun(db, created.id))!;

    // One enterprise's change reaches its result through the watcher, polling at its default interval.
    const runner = new DiscoveryRunner(db, { ...settings, schedule: null });
    runner.start();
    const [{ credit_code: target }] = await db.query<{ credit_code: string }>(`select credit_code from discovery.result where run_id = $1 order by credit_code limit 1`, [created.id]);
    const original = await getProfile(db, systemScope(), target);
    const changed = { ...original, compliance: { ...(original.compliance as object), abnormal_list: !(original.compliance as { abnormal_list?: boolean } | null)?.abnormal_list } };
    const before = (await repo.getRun(db, created.id))!.watermark;
    const changedAt = performance.now();
    await saveProfile(db, actor, systemScope(), target, changed, { source: 'platform' });
    while ((await repo.getRun(db, created.id))!.watermark === before) await new Promise((resolve) => setTimeout(resolve, 10));
    const incrementalMs = Math.round(performance.now() - changedAt);
    await runner.stop();
    await saveProfile(db, actor, systemScope(), target, original, { source: 'platform' });

    return {
      store: 'postgresql',
      enterprises: finished.processed,
      seconds: Math.round(seconds * 10) / 10,
      enterprises_per_second: Math.round(finished.processed / seconds),
      batch_size: settings.batchSize,
      peak_rss_mb: Math.round(peak / 2 ** 20),
      incremental_ms: incrementalMs,
      watch_interval_ms: settings.watchMs,
    };
  } finally {
    clearInterval(sampler);
    await db.close();
  }
}
