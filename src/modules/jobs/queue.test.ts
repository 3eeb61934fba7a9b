import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { claimJob, completeJob, enqueueJobs, failJobGroup, jobsOfGroup, recordJobProgress, releaseJob } from './queue.ts';

describe.each(testStores)('the job queue on %s', (kind) => {
  let db: Db;

  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gives each queued job to one claimant, oldest first, and only the kinds and group asked for', async () => {
    await enqueueJobs(db, [
      { kind: 'test.a', group: 'g1', payload: { n: 1 } },
      { kind: 'test.a', group: 'g1', payload: { n: 2 } },
      { kind: 'test.b', group: 'g2', payload: { n: 3 } },
    ]);
    const [first, second] = await Promise.all([claimJob(db, 'w1', ['test.a'], 30, null), claimJob(db, 'w2', ['test.a'], 30, null)]);
    expect(new Set([first!.payload, second!.payload].map((p) => (p as { n: number }).n))).toEqual(new Set([1, 2]));
    expect(first!.owner).not.toBe(second!.owner);
    expect(await claimJob(db, 'w3', ['test.a'], 30, null)).toBeNull();
    expect(await claimJob(db, 'w3', ['test.b'], 30, 'g1')).toBeNull();
    expect((await claimJob(db, 'w3', ['test.b'], 30, 'g2'))?.payload).toEqual({ n: 3 });
  });

  it('hands a job whose heartbeat went stale to another owner, after which the first can no longer record progress', async () => {
    const [id] = await enqueueJobs(db, [{ kind: 'test.stale', group: 'g3', payload: {} }]);
    const claimed = await claimJob(db, 'dead', ['test.stale'], 30, null);
    expect(claimed?.id).toBe(id);
    expect(await recordJobProgress(db, id, 'dead', { step: 1 })).toBe(true);
    expect(await claimJob(db, 'alive', ['test.stale'], 30, null)).toBeNull();
    const taken = await claimJob(db, 'alive', ['test.stale'], 0, null);
    expect(taken).toMatchObject({ id, owner: 'alive', attempts: 2, progress: { step: 1 } });
    expect(await recordJobProgress(db, id, 'dead', { step: 2 })).toBe(false);
    expect(await completeJob(db, id, 'dead', undefined)).toBe(false);
    expect(await completeJob(db, id, 'alive', { step: 2 })).toBe(true);
    expect((await jobsOfGroup(db, 'g3'))[0]).toMatchObject({ status: 'done', progress: { step: 2 } });
  });

  it('puts a released job back in the queue with its progress, and fails every unfinished job of a group', async () => {
    await enqueueJobs(db, [
      { kind: 'test.release', group: 'g4', payload: {} },
      { kind: 'test.release', group: 'g4', payload: {} },
    ]);
    const job = (await claimJob(db, 'w1', ['test.release'], 30, null))!;
    await recordJobProgress(db, job.id, 'w1', { done: 5 });
    await releaseJob(db, job.id, 'w1');
    expect(await claimJob(db, 'w2', ['test.release'], 30, null)).toMatchObject({ id: job.id, progress: { done: 5 } });
    await failJobGroup(db, 'g4', 'stopped by test');
    expect((await jobsOfGroup(db, 'g4')).map((j) => j.status)).toEqual(['failed', 'failed']);
    expect(await recordJobProgress(db, job.id, 'w2', { done: 6 })).toBe(false);
  });
});
