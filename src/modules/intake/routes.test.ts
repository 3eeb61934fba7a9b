import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { openTestDb, testStores } from '../../platform/testing/stores.ts';
import { buildServer } from '../../server.ts';
import { signIn, type Session } from '../identity/testing.ts';
import { testCreditCode } from '../registry/testing.ts';
import { runImportJobs, workbookOf } from './testing.ts';

describe.each(testStores)('import and export over HTTP on %s', (kind) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let district: Session;

  beforeAll(async () => {
    db = await openTestDb(kind);
    // The API queues the work; the test runs a worker over the queue, as a `tidu worker` process would.
    app = await buildServer({ db, config: { ...readConfig(), serverRunsJobs: false } });
    district = await signIn(app, db, [{ role: 'district_officer', district_code: '500112' }]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function upload(session: Session, type: string, fileName: string, file: Buffer) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/intake/imports?type=${type}&file_name=${encodeURIComponent(fileName)}`,
      headers: { ...session.headers, 'content-type': 'application/octet-stream' },
      payload: file,
    });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({ status: 'analysing', progress: { phase: 'queued', rows: 0 } });
    const id = response.json().id as number;
    await runImportJobs(db);
    return (await app.inject({ method: 'GET', url: `/api/intake/imports/${id}?limit=50`, headers: session.headers })).json();
  }

  it('uploads, previews, commits within the district, and exports the list and the profiles', async () => {
    const template = await app.inject({ method: 'GET', url: '/api/intake/templates/basics', headers: district.headers });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain(encodeURIComponent('企业基本信息导入模板.xlsx'));

    const own = testCreditCode('500112', 501);
    const foreign = testCreditCode('500105', 502);
    const file = await workbookOf('basics', [
      { credit_code: own, name: '重庆接口导入有限公司', district_code: '渝北区', industry_code: '3484' },
      { credit_code: foreign, name: '重庆接口外区有限公司', district_code: '江北区', industry_code: '3484' },
    ]);
    const preview = await upload(district, 'basics', '接口导入.xlsx', file);
    expect(preview).toMatchObject({ status: 'previewed', counts: { new: 1, rejected: 1 } });
    expect(preview.rows[1]).toMatchObject({ outcome: 'rejected', problems: [expect.objectContaining({ code: 'OUT_OF_SCOPE', column: '所属区县' })] });

    const queued = await app.inject({ method: 'POST', url: `/api/intake/imports/${preview.id}/commit`, headers: district.headers, payload: {} });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'committing', progress: { phase: 'queued' } });
    const again = await app.inject({ method: 'POST', url: `/api/intake/imports/${preview.id}/commit`, headers: district.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`导入批次 #${preview.id} 正在提交，请稍候`);
    await runImportJobs(db);
    const committed = await app.inject({ method: 'GET', url: `/api/intake/imports/${preview.id}`, headers: district.headers });
    expect(committed.json()).toMatchObject({ status: 'committed', progress: null, counts: { new: 1, rejected: 1 } });
    const history = await app.inject({ method: 'GET', url: '/api/intake/imports', headers: district.headers });
    expect(history.json().items[0]).toMatchObject({ id: preview.id, status: 'committed', kind_label: '企业基本信息' });

    const errors = await app.inject({ method: 'GET', url: `/api/intake/imports/${preview.id}/errors.xlsx`, headers: district.headers });
    expect(errors.statusCode).toBe(200);

    const exported = await app.inject({ method: 'GET', url: '/api/exports/enterprises.xlsx?district=500112', headers: district.headers });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as never);
    const sheet = workbook.getWorksheet('企业名录')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('营业收入（万元）');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(own);
    expect(row.getCell(headers.indexOf('营业收入（万元）') + 1).value).toBeNull();

    const profiles = await app.inject({ method: 'GET', url: '/api/exports/profiles.json', headers: district.headers });
    expect(profiles.json().enterprises.map((p: { credit_code: string }) => p.credit_code)).toEqual([own]);
    const audit = await db.query<{ action: string }>(`select action from platform.audit_log where action like 'registry.export%' or action like 'intake.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['intake.import.upload', 'intake.import.commit_request', 'intake.import.commit', 'registry.export.xlsx', 'registry.export.profiles']);
  });

  it('refuses a body that is not a file', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/intake/imports?type=basics&file_name=a.xlsx', headers: district.headers, payload: { not: 'a file' } });
    expect(response.statusCode).toBe(415);
  });
});
