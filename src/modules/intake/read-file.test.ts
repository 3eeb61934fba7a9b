import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { readRows, type SheetRow } from './read-file.ts';

async function all(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('reading an uploaded .xlsx', () => {
  it('hands on every non-blank row of every data sheet with the row number Excel shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业基本信息');
    sheet.addRow(['统一社会信用代码', '企业名称']);
    sheet.addRow(['91500112MA0000001X', '重庆渝北精密制造有限公司']);
    sheet.addRow([]);
    sheet.addRow(['91500112MA0000002X', '重庆两江新材料科技有限公司']);
    workbook.addWorksheet('填写说明').addRow(['说明']);
    const rows = await all(readRows(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', '导入.xlsx'));
    expect(rows).toEqual([
      { sheet: '企业基本信息', row: 1, values: ['统一社会信用代码', '企业名称'] },
      { sheet: '企业基本信息', row: 2, values: ['91500112MA0000001X', '重庆渝北精密制造有限公司'] },
      { sheet: '企业基本信息', row: 4, values: ['91500112MA0000002X', '重庆两江新材料科技有限公司'] },
    ]);
  });

  it('reports a damaged file as unreadable, in Chinese, after trying it again', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const error = await all(readRows(damaged, 'xlsx', '损坏.xlsx')).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as Error).message).toMatch(/^无法读取 Excel 文件：.*请确认文件是 \.xlsx 格式且未损坏$/);
  });
});
