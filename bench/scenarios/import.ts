import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { systemActor } from '../../src/platform/audit.ts';
import { systemScope } from '../../src/platform/scope.ts';
import { testCreditCode } from '../../src/modules/registry/testing.ts';
import { headerOf, importKindSpec } from '../../src/modules/intake/sheets.ts';
import { importFile } from '../../src/modules/intake/use-cases/import-file.ts';
import { benchDatabase } from '../database.ts';

const DISTRICTS = ['渝北区', '江北区', '九龙坡区', '沙坪坝区', '两江新区', '重庆高新区'];
const DIVISIONS = ['500112', '500105', '500107', '500106', '500000', '500000'];
const INDUSTRIES = ['3484', '3982', '3670', '2710', '6513'];

/** A basics workbook of `count` new enterprises, written with the streaming writer as an officer's large file would be. */
async function basicsWorkbook(count: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('企业基本信息');
  const columns = importKindSpec('basics').columns;
  sheet.addRow(columns.map(headerOf)).commit();
  for (let i = 0; i < count; i++) {
    const d = i % DISTRICTS.length;
    sheet
      .addRow([
        testCreditCode(DIVISIONS[d], i + 1),
        `重庆基准测试第${i + 1}号科技有限公司`,
        DISTRICTS[d],
        INDUSTRIES[i % INDUSTRIES.length],
        `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        null,
        '是',
        '是',
        i % 7 === 0 ? '核定征收' : '查账征收',
        i % 3 === 0 ? null : '是',
        '否',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Importing a 100,000-row .xlsx of new enterprises into PostgreSQL: read, check, commit in one transaction. */
export async function run({ quick }: { quick: boolean }) {
  const rows = quick ? 1_000 : 100_000;
  const file = await basicsWorkbook(rows);
  const { db, store, drop } = await benchDatabase('import');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const viewer = { actor: systemActor('bench'), seesAll: true };
    const upload = { kind: 'basics' as const, fileName: 'bench.xlsx', file };
    const started = performance.now();
    const report = await importFile(db, viewer, systemScope(), upload, { dryRun: false, source: 'import', today: '2026-06-30' });
    const seconds = (performance.now() - started) / 1000;
    if (report.new !== rows || report.rejected.length > 0) throw new Error(`导入结果不符：${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`);
    const importPeak = Math.max(peak, process.memoryUsage().rss);
    peak = 0;
    const again = performance.now();
    const second = await importFile(db, viewer, systemScope(), upload, { dryRun: false, source: 'import', today: '2026-06-30' });
    const reimportSeconds = (performance.now() - again) / 1000;
    if (second.unchanged !== rows) throw new Error('重复导入应全部未变');
    return {
      store,
      rows,
      file_mb: Math.round((file.length / 2 ** 20) * 10) / 10,
      seconds: Math.round(seconds * 10) / 10,
      reimport_seconds: Math.round(reimportSeconds * 10) / 10,
      peak_rss_mb: Math.round(importPeak / 2 ** 20),
      reimport_peak_rss_mb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
    await drop();
  }
}
