import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { claimJob, completeJob, enqueueJobs, jobsOfGroup, releaseJob, type Job } from './queue.ts';
import { JobWorker, jobSettings, type JobHandler, type JobWorkerSettings } from './worker.ts';

const quiet: JobWorkerSettings = { staleSeconds: 30, pollMs: 60_000, maxAttempts: 3, retrySeconds: 0 };

/** One real worker over the queue until it finds nothing to do. */
async function drain(db: Db, handlers: Record<string, JobHandler>, settings: Partial<JobWorkerSettings> = {}) {
  const worker = new JobWorker(db, `test-${Math.random().toString(36).slice(2, 8)}`, handlers, { ...quiet, ...settings });
  worker.wake();
  await worker.idle();
  await worker.stop();
}

describe.each(testStores)('the job worker on %s', (kind) => {
  let db: Db;

  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('retries a job whose handler keeps failing with a passing error, then fails it with the last error and never hands it out again', async () => {
    await enqueueJobs(db, [{ kind: 'test.flaky', group: 'flaky', payload: {} }]);
    const failures: string[] = [];
    let runs = 0;
    const handler: JobHandler = {
      retryable: () => true,
      run: async () => {
        runs++;
        throw new Error(`数据库连接中断（第 ${runs} 次）`);
      },
      failed: async (_job: Job, error: string) => {
        failures.push(error);
      },
    };
    await drain(db, { 'test.flaky': handler }, { maxAttempts: 3 });
    expect(runs).toBe(3);
    const [job] = await jobsOfGroup(db, 'flaky');
    expect(job).toMatchObject({ status: 'failed', attempts: 3, error: '数据库连接中断（第 3 次）（已尝试 3 次，不再重试）' });
    expect(failures).toEqual([job.error]);
    expect(await claimJob(db, 'other', ['test.flaky'], 0, null, 3)).toBeNull();
    await drain(db, { 'test.flaky': handler });
    expect(runs).toBe(3);
  });

  it('waits before a retry, keeping the error of the failed attempt on the queued job', async () => {
    await enqueueJobs(db, [{ kind: 'test.later', group: 'later', payload: {} }]);
    let runs = 0;
    const handler: JobHandler = {
      retryable: () => true,
      run: async (job: Job, { owner }) => {
        if (++runs === 1) throw new Error('暂时失败');
        await completeJob(db, job.id, owner, { ok: true });
        return 'done';
      },
    };
    await drain(db, { 'test.later': handler }, { retrySeconds: 3600 });
    expect((await jobsOfGroup(db, 'later'))[0]).toMatchObject({ status: 'queued', attempts: 1, error: '第 1 次尝试失败，稍后重试：暂时失败' });
    await drain(db, { 'test.later': handler });
    expect(runs).toBe(1);
    await db.query(`update jobs.job set run_after = now() where group_key = 'later'`);
    await drain(db, { 'test.later': handler });
    expect((await jobsOfGroup(db, 'later'))[0]).toMatchObject({ status: 'done', attempts: 2, progress: { ok: true } });
  });

  it('fails at once on an error that is not passing, and never retries handlers that do not ask for it', async () => {
    await enqueueJobs(db, [
      { kind: 'test.refused', group: 'refused', payload: {} },
      { kind: 'test.plain', group: 'refused', payload: {} },
    ]);
    const failed: string[] = [];
    await drain(db, {
      'test.refused': {
        retryable: (error) => !(error instanceof AppError),
        run: async () => {
          throw new AppError('FORBIDDEN', '账号已停用');
        },
        failed: async (_job: Job, error: string) => void failed.push(error),
      },
      'test.plain': {
        run: async () => {
          throw new Error('评价出错');
        },
        failed: async (_job: Job, error: string) => void failed.push(error),
      },
    });
    expect((await jobsOfGroup(db, 'refused')).map((job) => [job.status, job.attempts, job.error])).toEqual([
      ['failed', 1, '账号已停用'],
      ['failed', 1, '评价出错'],
    ]);
    expect(failed).toEqual(['账号已停用', '评价出错']);
  });

  it('fails a job whose owners died the maximum number of times, telling its handler, and gives a handed-back job its attempt back', async () => {
    const [dead, handedBack] = await enqueueJobs(db, [
      { kind: 'test.dies', group: 'dies', payload: {} },
      { kind: 'test.handed', group: 'handed', payload: {} },
    ]);
    for (const owner of ['a', 'b', 'c']) expect((await claimJob(db, owner, ['test.dies'], 0, null, 3))?.id).toBe(dead);
    // Out of attempts: not claimable, whatever the lease.
    expect(await claimJob(db, 'd', ['test.dies'], 0, null, 3)).toBeNull();
    const failed: Job[] = [];
    await drain(db, { 'test.dies': { run: async () => 'done', failed: async (job: Job) => void failed.push(job) } }, { staleSeconds: 0 });
    expect(failed.map((job) => job.id)).toEqual([dead]);
    expect((await jobsOfGroup(db, 'dies'))[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed[0].error).toBe('执行该任务的进程已中断 3 次（可能是内存不足或进程被终止），不再重试。请检查工作进程的日志后重新发起');

    for (let i = 0; i < 5; i++) {
      const job = await claimJob(db, 'deploying', ['test.handed'], 30, null, 3);
      expect(job).toMatchObject({ id: handedBack, attempts: 1 });
      await releaseJob(db, handedBack, 'deploying');
    }
  });

  it('reads its limits from the environment', () => {
    expect(jobSettings({})).toEqual({ staleSeconds: 30, pollMs: 2000, maxAttempts: 3, retrySeconds: 10 });
    expect(jobSettings({ JOB_MAX_ATTEMPTS: '5', JOB_RETRY_SECONDS: '0', JOB_STALE_SECONDS: '60', JOB_POLL_MS: '500' })).toEqual({ staleSeconds: 60, pollMs: 500, maxAttempts: 5, retrySeconds: 0 });
    expect(jobSettings({ JOB_MAX_ATTEMPTS: '0' }).maxAttempts).toBe(1);
  });
});
