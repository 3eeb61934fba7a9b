import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { makeScope, systemScope } from '../../platform/scope.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { referenceSets } from '../registry/reference-sets.ts';
import { testCreditCode } from '../registry/testing.ts';
import { getProfile } from '../registry/use-cases/get-portrait.ts';
import { saveProfile } from '../registry/use-cases/save-profile.ts';
import { systemActor } from '../../platform/audit.ts';
import { createUser } from '../identity/use-cases/manage-users.ts';
import { claimJob, jobsOfGroup } from '../jobs/queue.ts';
import { importJobHandlers } from './runner.ts';
import { requestCommit } from './use-cases/commit-import.ts';
import { batchGroup, COMMIT_JOB } from './use-cases/import-jobs.types.ts';
import { buildTemplate } from './use-cases/build-template.ts';
import { errorWorkbook } from './use-cases/error-workbook.ts';
import { getImport } from './use-cases/get-import.ts';
import { importFile } from './use-cases/import-file.ts';
import { startImport } from './use-cases/start-import.ts';
import { undoImport } from './use-cases/undo-import.ts';
import type { Viewer } from './use-cases/list-imports.ts';
import { csvOf, encodeGbk, runImportJobs, templateHeaders, workbookOf, type Cells } from './testing.ts';
import type { ImportKind } from './sheets.ts';

const TODAY = '2026-06-30';
const city: Viewer = { actor: { id: 'city_tester', role: 'city_officer', clientIp: null }, seesAll: true };
const YUBEI = '500112';
const JIANGBEI = '500105';

describe.each(testStores)('import on %s', (kind) => {
  let db: Db;
  let serial = 0;
  const code = (district = YUBEI) => testCreditCode(district, ++serial);

  beforeAll(async () => {
    db = await openTestDb(kind);
    // The account the import jobs act for: a worker rebuilds its scope from its grants.
    await createUser(
      db,
      systemActor('test'),
      { username: city.actor.id, display_name: '市级测试', grants: [{ role: 'city_officer', district_code: null, credit_code: null, department: null, institution: null }] },
      { password: 'Test-pass-2026!', mustChangePassword: false },
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  const run = (importKind: ImportKind, file: Buffer, options: { dryRun?: boolean; scope?: ReturnType<typeof systemScope>; fileName?: string } = {}) =>
    importFile(db, city, options.scope ?? systemScope(), { kind: importKind, fileName: options.fileName ?? `${importKind}.xlsx`, file }, { dryRun: options.dryRun ?? false, source: 'import', today: TODAY });

  /** Uploads a file and lets a worker check it, as the page does over HTTP. */
  async function previewed(importKind: ImportKind, fileName: string, file: Buffer): Promise<number> {
    const { id } = await startImport(db, city, city.actor.id, { kind: importKind, fileName, file }, TODAY);
    await runImportJobs(db);
    const batch = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(batch.status, `检查未完成：${batch.failure}`).toBe('previewed');
    return id;
  }

  /** Asks for the commit of a batch and lets a worker write it. */
  async function committed(id: number) {
    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });
    await runImportJobs(db);
    return getImport(db, city, id, { limit: 1, offset: 0 });
  }

  const basics = (credit_code: string, name: string, extra: Cells = {}): Cells => ({
    credit_code,
    name,
    district_code: '渝北区',
    industry_code: '3484',
    registration_date: '2014-05-12',
    ...extra,
  });

  async function seed(credit_code: string, name: string, years: Record<string, Record<string, number>> = {}) {
    await saveProfile(db, city.actor, systemScope(), credit_code, { credit_code, name, district_code: YUBEI, industry_code: '3484', registration_date: '2014-05-12', years }, { source: 'platform', today: TODAY });
  }

  it('writes a template with Chinese headers, units, drop-downs and a notes sheet, and reads it back', async () => {
    const template = await buildTemplate('years', await referenceSets(db));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['年度经营数据', '填写说明', '代码表']);
    const headers = (workbook.getWorksheet('年度经营数据')!.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(templateHeaders('years'));
    expect(headers).toContain('营业收入（万元）');
    expect(headers).toContain('研发人员（人）');
    const notes = workbook.getWorksheet('填写说明')!;
    expect(JSON.stringify(notes.getSheetValues())).toContain('万元');

    const basicsTemplate = new ExcelJS.Workbook();
    await basicsTemplate.xlsx.load((await buildTemplate('basics', await referenceSets(db))) as never);
    const validations = (basicsTemplate.getWorksheet('企业基本信息') as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(validations).filter((v) => v.type === 'list').map((v) => v.formulae[0]);
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const lookup = basicsTemplate.getWorksheet('代码表')!;
    expect(lookup.getColumn(1).values).toContain('渝北区');
    expect(lookup.getColumn(2).values).toContain('小型');

    // The template itself, filled in, imports.
    const filled = basicsTemplate.getWorksheet('企业基本信息')!;
    const newCode = code();
    filled.getRow(2).values = [newCode, '重庆模板回读科技有限公司', '渝北区', '3484', '2015-03-01'];
    const report = await run('basics', Buffer.from(await basicsTemplate.xlsx.writeBuffer()));
    expect(report).toMatchObject({ new: 1, updated: 0, unchanged: 0, rejected: [] });
  });

  it('reports every failing check with sheet, row, column, a stable code and a Chinese message', async () => {
    const existing = code();
    await seed(existing, '重庆既有精密机械有限公司');
    const good = code();
    const badCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const rows: Cells[] = [
      basics(good, '重庆良好数据有限公司'),
      basics(badCheck, '重庆校验位错误有限公司'),
      basics(code(), '重庆区县错误有限公司', { district_code: '成都市武侯区' }),
      basics(code(), '重庆行业错误有限公司', { industry_code: '9999' }),
      basics(code(), '重庆日期无效有限公司', { registration_date: '2021-02-30' }),
      basics(code(), '重庆未来日期有限公司', { registration_date: '2027-01-01' }),
      basics(good, '重庆良好数据有限公司'),
      basics(code(), '重庆既有精密机械有限公司'),
    ];
    const report = await run('basics', await workbookOf('basics', rows), { dryRun: true });
    expect(report.new).toBe(1);
    const byRow = new Map(report.rejected.map((problem) => [problem.row, problem]));
    expect(byRow.get(3)).toMatchObject({ sheet: '企业基本信息', column: '统一社会信用代码', code: 'INVALID_CREDIT_CODE' });
    expect(byRow.get(3)!.message).toContain(`第 18 位应为“${good[17]}”`);
    expect(byRow.get(4)).toMatchObject({ column: '所属区县', code: 'UNKNOWN_DISTRICT' });
    expect(byRow.get(5)).toMatchObject({ column: '国民经济行业代码', code: 'UNKNOWN_INDUSTRY_CODE' });
    expect(byRow.get(6)).toMatchObject({ column: '成立日期', code: 'INVALID_DATE' });
    expect(byRow.get(7)).toMatchObject({ column: '成立日期', code: 'DATE_IN_FUTURE' });
    expect(byRow.get(8)).toMatchObject({ column: '统一社会信用代码', code: 'DUPLICATE_IN_FILE' });
    expect(byRow.get(8)!.message).toContain('第 2 行');
    expect(byRow.get(9)).toMatchObject({ column: '企业名称', code: 'DUPLICATE_IN_REGISTRY' });
    expect(report.rejected).toHaveLength(7);

    const yearsReport = await run(
      'years',
      await workbookOf('years', [
        { credit_code: existing, year: 2025, operating_revenue: 1000, main_business_revenue: 900, rd_staff: 10, employees_total: 50 },
        { credit_code: existing, year: 2024, operating_revenue: -5 },
        { credit_code: existing, year: 2023, operating_revenue: 1000, main_business_revenue: 1200 },
        { credit_code: existing, year: 2022, employees_total: 20, rd_staff: 30 },
        { credit_code: existing, year: 2021, operating_revenue: 100, rd_expense: 150 },
        { credit_code: existing, year: 2020, operating_revenue: '一千' },
        { credit_code: code(), year: 2025, operating_revenue: 10 },
        { credit_code: existing, name: '重庆别家公司', year: 2019, operating_revenue: 10 },
        { credit_code: existing, year: 2030, operating_revenue: 10 },
      ]),
      { dryRun: true },
    );
    const yearProblems = new Map(yearsReport.rejected.map((problem) => [problem.row, problem]));
    expect(yearProblems.get(3)).toMatchObject({ column: '营业收入（万元）', code: 'NEGATIVE_NUMBER' });
    expect(yearProblems.get(4)).toMatchObject({ column: '主营业务收入（万元）', code: 'MAIN_REVENUE_ABOVE_OPERATING' });
    expect(yearProblems.get(5)).toMatchObject({ column: '研发人员（人）', code: 'RD_STAFF_ABOVE_EMPLOYEES' });
    expect(yearProblems.has(6)).toBe(false);
    expect(yearProblems.get(7)).toMatchObject({ column: '营业收入（万元）', code: 'INVALID_NUMBER' });
    expect(yearProblems.get(8)).toMatchObject({ code: 'ENTERPRISE_NOT_FOUND' });
    expect(yearProblems.get(9)).toMatchObject({ column: '企业名称', code: 'NAME_MISMATCH' });
    expect(yearProblems.get(10)).toMatchObject({ column: '年度', code: 'INVALID_YEAR' });
    expect(yearsReport.updated).toBe(2);

    // R&D above revenue is a warning: the row is imported, and the preview says why it deserves a look.
    const id = await previewed('years', 'warn.xlsx', await workbookOf('years', [{ credit_code: existing, year: 2021, operating_revenue: 100, rd_expense: 150 }]));
    const preview = await getImport(db, city, id, { limit: 10, offset: 0 });
    expect(preview.rows[0]).toMatchObject({ outcome: 'updated', problems: [expect.objectContaining({ code: 'RD_ABOVE_REVENUE', severity: 'warning' })] });

    const ipHolder = code();
    await seed(ipHolder, '重庆专利持有有限公司');
    await run('ip', await workbookOf('ip', [{ credit_code: ipHolder, number: 'ZL202310001234.5', type: '发明专利', grant_date: '2024-01-02' }]));
    const ipReport = await run('ip', await workbookOf('ip', [{ credit_code: existing, number: 'ZL202310001234.5', type: '发明专利' }]), { dryRun: true });
    expect(ipReport.rejected).toEqual([expect.objectContaining({ column: '专利号或登记号', code: 'DUPLICATE_IN_REGISTRY' })]);
  });

  it('previews new, updated (old → new) and unchanged rows, commits them, and changes nothing on a second import', async () => {
    const known = code();
    await seed(known, '重庆预览对比有限公司', { '2025': { operating_revenue: 800, employees_period_end: 40 } });
    const fresh = code();
    const file = await workbookOf('years', [
      { credit_code: known, year: 2025, operating_revenue: 900, employees_period_end: 40 },
      { credit_code: known, year: 2024, operating_revenue: 700 },
    ]);
    const basicsFile = await workbookOf('basics', [basics(fresh, '重庆新建企业有限公司'), basics(known, '重庆预览对比有限公司')]);

    const id = await previewed('basics', '企业.xlsx', basicsFile);
    const preview = await getImport(db, city, id, { limit: 10, offset: 0 });
    expect(preview.status).toBe('previewed');
    expect(preview.rows.map((row) => row.outcome)).toEqual(['new', 'unchanged']);
    await committed(id);
    expect((await getProfile(db, systemScope(), fresh)).name).toBe('重庆新建企业有限公司');

    const yearsBatch = await previewed('years', '年度.xlsx', file);
    const yearsPreview = await getImport(db, city, yearsBatch, { limit: 10, offset: 0 });
    expect(yearsPreview.rows[0]).toMatchObject({ outcome: 'updated', changes: [{ column: '营业收入（万元）', old: 800, new: 900 }] });
    expect(yearsPreview.rows[1]).toMatchObject({ outcome: 'updated', changes: [{ column: '营业收入（万元）', old: null, new: 700 }] });
    expect((await getProfile(db, systemScope(), known)).years).toMatchObject({ '2025': { operating_revenue: 800 } });
    const yearsCommitted = await committed(yearsBatch);
    expect(yearsCommitted.status).toBe('committed');
    expect(yearsCommitted.counts).toMatchObject({ updated: 2 });
    const after = await getProfile(db, systemScope(), known);
    expect(after.years).toMatchObject({ '2025': { operating_revenue: 900, employees_period_end: 40 }, '2024': { operating_revenue: 700 } });

    const history = await db.query<{ source_ref: string; actor: string }>(
      `select c.source_ref, c.actor from registry.revision r join platform.change_set c on c.id = r.change_set_id where r.credit_code = $1 order by r.id desc limit 1`,
      [known],
    );
    expect(history[0]).toEqual({ source_ref: `导入批次 #${yearsBatch}｜年度.xlsx｜年度经营数据 第 2、3 行`, actor: 'city_tester' });

    const changeSetsBefore = await db.query<{ n: number }>(`select count(*)::int as n from platform.change_set`);
    const again = await run('years', file);
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: [] });
    const againBasics = await run('basics', basicsFile);
    expect(againBasics).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await db.query<{ n: number }>(`select count(*)::int as n from platform.change_set`)).toEqual(changeSetsBefore);
  });

  it('undoes a batch, restoring earlier values and removing the enterprises it created', async () => {
    const known = code();
    await seed(known, '重庆撤销测试有限公司', { '2025': { operating_revenue: 500 } });
    const fresh = code();
    await run('basics', await workbookOf('basics', [basics(fresh, '重庆撤销新建有限公司')]));
    const report = await run('years', await workbookOf('years', [{ credit_code: known, year: 2025, operating_revenue: 650, rd_expense: 30 }]));
    const basicsReport = await run('basics', await workbookOf('basics', [basics(known, '重庆撤销测试有限公司', { is_listed: '是' }), basics(code(), '重庆撤销又一新建有限公司')]));
    expect((await getProfile(db, systemScope(), known)).is_listed).toBe(true);

    await undoImport(db, city, systemScope(), basicsReport.batch_id!);
    expect((await getProfile(db, systemScope(), known)).is_listed).toBeNull();
    await undoImport(db, city, systemScope(), report.batch_id!);
    expect((await getProfile(db, systemScope(), known)).years).toMatchObject({ '2025': { operating_revenue: 500, rd_expense: null } });
    await expect(undoImport(db, city, systemScope(), report.batch_id!)).rejects.toMatchObject({ code: 'CONFLICT' });

    // A later correction of the same value: undo refuses and says which value.
    const later = await run('years', await workbookOf('years', [{ credit_code: known, year: 2025, operating_revenue: 700 }]));
    const profile = await getProfile(db, systemScope(), known);
    const years = profile.years as Record<string, Record<string, unknown>>;
    await saveProfile(db, city.actor, systemScope(), known, { ...profile, years: { ...years, '2025': { ...years['2025'], operating_revenue: 720 } } }, { source: 'audit_report', today: TODAY });
    await expect(undoImport(db, city, systemScope(), later.batch_id!)).rejects.toThrow(/2025 年营业收入在本次导入之后又被修改过/);
    expect((await getProfile(db, systemScope(), known)).years).toMatchObject({ '2025': { operating_revenue: 720 } });

    const created = await run('basics', await workbookOf('basics', [basics(code(), '重庆撤销删除有限公司')]));
    await undoImport(db, city, systemScope(), created.batch_id!);
    expect((await db.query(`select 1 from registry.enterprise where name = '重庆撤销删除有限公司'`)).length).toBe(0);
    await undoImport(db, city, systemScope(), (await run('basics', await workbookOf('basics', [basics(fresh, '重庆撤销新建有限公司')]))).batch_id!);
  });

  it('leaves the registry untouched when the commit fails half way', async () => {
    const known = code();
    await seed(known, '重庆中途失败有限公司', { '2025': { operating_revenue: 100 } });
    const fresh = [code(), code()];
    const file = await workbookOf('basics', [
      basics(fresh[0], '重庆中途失败甲有限公司'),
      basics(fresh[1], '重庆中途失败乙有限公司'),
      basics(known, '重庆中途失败有限公司', { is_listed: '是' }),
    ]);
    const snapshot = async () => ({
      enterprises: await db.query(`select credit_code, version, is_listed from registry.enterprise order by credit_code`),
      changeSets: await db.query(`select count(*)::int as n from platform.change_set`),
      audit: await db.query(`select count(*)::int as n from platform.audit_log`),
    });
    const id = await previewed('basics', 'crash.xlsx', file);
    const before = await snapshot();
    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });
    const afterRequest = await snapshot();
    // The worker's transaction fails after two enterprises: nothing of it stays, and the job waits for another attempt.
    await runImportJobs(db, { retrySeconds: 3600 }, {
      onWrite: (written) => {
        if (written >= 2) throw new Error('模拟写入中断');
      },
    });
    expect(await snapshot()).toEqual(afterRequest);
    expect(afterRequest.enterprises).toEqual(before.enterprises);
    expect(afterRequest.changeSets).toEqual(before.changeSets);
    const waiting = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(waiting).toMatchObject({ status: 'committing', progress: { phase: 'queued' } });
    expect(waiting.failure).toContain('第 1 次尝试失败，稍后重试：写入企业库时出错，本次未写入任何数据：模拟写入中断');
    // Its retry is due: the next attempt writes the whole batch once.
    await db.query(`update jobs.job set run_after = now() where group_key = $1`, [batchGroup(id)]);
    await runImportJobs(db);
    const done = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(done).toMatchObject({ status: 'committed', failure: null, progress: null, counts: { new: 2, updated: 1 } });
    expect((await getProfile(db, systemScope(), known)).is_listed).toBe(true);
    expect(await jobsOfGroup(db, batchGroup(id))).toEqual([expect.objectContaining({ kind: 'intake.analyse', status: 'done' }), expect.objectContaining({ kind: COMMIT_JOB, status: 'done', attempts: 2 })]);
  });

  it('commits exactly once when the worker holding the commit dies and another takes it over after its lease expires', async () => {
    const fresh = [code(), code(), code()];
    const id = await previewed('basics', 'dies.xlsx', await workbookOf('basics', fresh.map((c, i) => basics(c, `重庆接手提交${'甲乙丙'[i]}有限公司`))));
    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });

    // A worker claims the commit and dies in the middle of its transaction: it never beats the job's heartbeat again.
    const dying = (await claimJob<Record<string, unknown>, unknown>(db, 'dying-worker', [COMMIT_JOB], 30, null))!;
    expect(dying.payload).toMatchObject({ batch_id: id });
    const handler = importJobHandlers(db, {
      onWrite: () => {
        throw new Error('进程被终止');
      },
    })[COMMIT_JOB];
    await expect(handler.run(dying, { owner: 'dying-worker', shouldStop: () => false })).rejects.toThrow('进程被终止');
    expect((await getImport(db, city, id, { limit: 1, offset: 0 })).status).toBe('committing');
    expect(await db.query(`select count(*)::int as n from intake.batch_change where batch_id = $1`, [id])).toEqual([{ n: 0 }]);

    // Within the lease nobody takes it (the embedded store's own process takes over at once: it can only be its predecessor's).
    if (kind === 'postgres') {
      await runImportJobs(db, { staleSeconds: 30 });
      expect((await jobsOfGroup(db, batchGroup(id)))[1]).toMatchObject({ status: 'running', owner: 'dying-worker' });
    }
    // Once the heartbeat is older than the lease, a live worker claims it and commits.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await runImportJobs(db, { staleSeconds: 1 });
    const done = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(done).toMatchObject({ status: 'committed', counts: { new: 3 } });
    const [job] = (await jobsOfGroup(db, batchGroup(id))).filter((j) => j.kind === COMMIT_JOB);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(job.owner).not.toBe('dying-worker');

    // Exactly once: one change set per enterprise, one commit in the audit log, the batch's changes once.
    const [{ n: changeSets }] = await db.query<{ n: number }>(`select count(*)::int as n from platform.change_set where source_ref like $1`, [`导入批次 #${id}｜%`]);
    expect(changeSets).toBe(3);
    const [{ n: commits }] = await db.query<{ n: number }>(`select count(*)::int as n from platform.audit_log where action = 'intake.import.commit' and object_id = $1`, [String(id)]);
    expect(commits).toBe(1);
    expect(await db.query(`select count(*)::int as n from intake.batch_change where batch_id = $1`, [id])).toEqual([{ n: 3 }]);

    // A commit job claimed again once its batch is committed only completes: nothing is written twice.
    await db.query(`update jobs.job set status = 'running', owner = 'late', heartbeat_at = now() - interval '1 hour' where id = $1`, [job.id]);
    await runImportJobs(db, { staleSeconds: 1 });
    expect(await db.query(`select count(*)::int as n from intake.batch_change where batch_id = $1`, [id])).toEqual([{ n: 3 }]);
    expect((await jobsOfGroup(db, batchGroup(id))).find((j) => j.id === job.id)).toMatchObject({ status: 'done' });
  });

  it('stops retrying a commit after the maximum attempts and shows the batch failed with the reason', async () => {
    const id = await previewed('basics', 'flaky.xlsx', await workbookOf('basics', [basics(code(), '重庆反复失败有限公司')]));
    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });
    await runImportJobs(db, { maxAttempts: 3, retrySeconds: 0 }, {
      onWrite: () => {
        throw new Error('数据库连接中断');
      },
    });
    const failed = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(failed.status).toBe('failed');
    expect(failed.failure).toBe('提交失败：写入企业库时出错，本次未写入任何数据：数据库连接中断（已尝试 3 次，不再重试）');
    const [job] = (await jobsOfGroup(db, batchGroup(id))).filter((j) => j.kind === COMMIT_JOB);
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await claimJob(db, 'another', [COMMIT_JOB], 0, null)).toBeNull();
    expect((await db.query(`select 1 from registry.enterprise where name = '重庆反复失败有限公司'`)).length).toBe(0);
    const audit = await db.query<{ action: string }>(`select action from platform.audit_log where object_type = 'import_batch' and object_id = $1 order by id`, [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(['intake.import.upload', 'intake.import.commit_request', 'intake.import.commit_failed']);
    await expect(requestCommit(db, city, city.actor.id, id, { source: 'import' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('fails a commit whose workers all died, after the maximum attempts, instead of handing it out again', async () => {
    const id = await previewed('basics', 'oom.xlsx', await workbookOf('basics', [basics(code(), '重庆内存不足有限公司')]));
    await requestCommit(db, city, city.actor.id, id, { source: 'import', today: TODAY });
    for (const owner of ['dead-1', 'dead-2', 'dead-3']) expect(await claimJob(db, owner, [COMMIT_JOB], 0, null, 3)).toMatchObject({ owner });
    await runImportJobs(db, { staleSeconds: 0, maxAttempts: 3 });
    const failed = await getImport(db, city, id, { limit: 1, offset: 0 });
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/^提交失败：执行该任务的进程已中断 3 次/);
    expect(await claimJob(db, 'another', [COMMIT_JOB], 0, null, 3)).toBeNull();
    expect((await db.query(`select 1 from registry.enterprise where name = '重庆内存不足有限公司'`)).length).toBe(0);
  });

  it('refuses a job for a user whose account was disabled meanwhile, without retrying', async () => {
    await createUser(
      db,
      systemActor('test'),
      { username: 'district_gone', display_name: '已停用', grants: [{ role: 'district_officer', district_code: YUBEI, credit_code: null, department: null, institution: null }] },
      { password: 'Test-pass-2026!', mustChangePassword: false },
    );
    const viewer: Viewer = { actor: { id: 'district_gone', role: 'district_officer', clientIp: null }, seesAll: false };
    const { id } = await startImport(db, viewer, 'district_gone', { kind: 'basics', fileName: 'gone.xlsx', file: await workbookOf('basics', [basics(code(), '重庆停用账号有限公司')]) }, TODAY);
    await db.query(`update identity.user_account set disabled = true where username = 'district_gone'`);
    await runImportJobs(db);
    const batch = await getImport(db, viewer, id, { limit: 1, offset: 0 });
    expect(batch).toMatchObject({ status: 'failed', counts: null });
    expect(batch.failure).toContain('账号已停用或不存在');
    expect((await jobsOfGroup(db, batchGroup(id)))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('reads CSV in GBK and UTF-8, with Chinese template headers or the contract keys', async () => {
    const gbkCode = code();
    const gbk = encodeGbk(csvOf(['统一社会信用代码', '企业名称', '所属区县', '国民经济行业代码', '成立日期'], [[gbkCode, '重庆国标编码有限公司', '渝北区', '3484', '2016/3/1']]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(await run('basics', gbk, { fileName: '企业.csv' })).toMatchObject({ new: 1, rejected: [] });
    const stored = await getProfile(db, systemScope(), gbkCode);
    expect(stored).toMatchObject({ name: '重庆国标编码有限公司', district_code: YUBEI, registration_date: '2016-03-01' });

    const machine = Buffer.from('\ufeff' + csvOf(['credit_code', 'year', 'operating_revenue', 'rd_expense', 'employees_period_end'], [[gbkCode, 2025, 3200.5, '', 41]]), 'utf8');
    expect(await run('years', machine, { fileName: 'years.csv' })).toMatchObject({ updated: 1, rejected: [] });
    expect((await getProfile(db, systemScope(), gbkCode)).years).toEqual({ '2025': expect.objectContaining({ operating_revenue: 3200.5, rd_expense: null, employees_period_end: 41 }) });
  });

  it('rejects, with a reason, rows outside a district officer’s district and keeps the rest', async () => {
    const district = makeScope({ all: false, districts: [YUBEI], creditCodes: [] });
    const foreign = code(JIANGBEI);
    await saveProfile(db, city.actor, systemScope(), foreign, { credit_code: foreign, name: '重庆江北外区有限公司', district_code: JIANGBEI }, { source: 'platform', today: TODAY });
    const own = code();
    const report = await run(
      'basics',
      await workbookOf('basics', [basics(own, '重庆本区新建有限公司'), basics(code(JIANGBEI), '重庆他区新建有限公司', { district_code: '江北区' })]),
      { scope: district },
    );
    expect(report.new).toBe(1);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 3, column: '所属区县', code: 'OUT_OF_SCOPE' })]);
    const years = await run('years', await workbookOf('years', [{ credit_code: foreign, year: 2025, operating_revenue: 1 }]), { scope: district });
    expect(years.rejected).toEqual([expect.objectContaining({ row: 2, code: 'OUT_OF_SCOPE' })]);
    expect((await getProfile(db, systemScope(), foreign)).years).toEqual({});
  });

  it('imports list records by their identity and annotates the uploaded workbook with the reasons', async () => {
    const holder = code();
    await seed(holder, '重庆资质荣誉有限公司');
    const file = await workbookOf('qualifications', [
      { credit_code: holder, title: '专精特新中小企业', level: '省级（重庆市级）', issue_date: '2024-09-01', expiry_date: '2027-09-01' },
      { credit_code: holder, title: '未知称号', issue_date: '2024-09-01' },
    ]);
    const id = await previewed('qualifications', '资质.xlsx', file);
    await committed(id);
    expect((await getProfile(db, systemScope(), holder)).qualifications).toEqual([
      { title: 'specialized_sme', level: 'provincial', issue_date: '2024-09-01', expiry_date: '2027-09-01' },
    ]);
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load((await errorWorkbook(db, city, id)) as never);
    const sheet = annotated.getWorksheet('资质荣誉')!;
    const reasonColumn = (sheet.getRow(1).values as string[]).indexOf('错误原因');
    expect(reasonColumn).toBeGreaterThan(0);
    expect(String(sheet.getRow(3).getCell(reasonColumn).value)).toMatch(/称号.*未知称号.*不在可选项中/);
    expect(sheet.getRow(2).getCell(reasonColumn).value).toBeNull();
    expect(await run('qualifications', file)).toMatchObject({ unchanged: 1 });
  });
});
