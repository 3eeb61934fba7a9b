import ExcelJS from 'exceljs';
import type { Queryable } from '../../../platform/db.ts';
import { LISTS_SHEET, NOTES_SHEET, readRows, sheetNameOfCsv } from '../read-file.ts';
import * as repo from '../repository.ts';
import { visibleBatch, type Viewer } from './list-imports.ts';

const REASON_HEADER = '错误原因';

/**
 * The uploaded file as a workbook with one more column, 错误原因, on every row that was rejected or warned about:
 * people fix the rows where they are and upload the same file again (the reason column is ignored on import).
 */
export async function errorWorkbook(q: Queryable, viewer: Viewer, id: number): Promise<Buffer> {
  const batch = await visibleBatch(q, viewer, id);
  const file = await repo.loadBatchFile(q, id);
  const reasons = new Map<string, string>();
  for (const row of await repo.rowsWithProblems(q, id)) {
    const text = row.problems.map((p) => `${p.severity === 'warning' ? '提醒' : '错误'}：【${p.column}】${p.message}`).join('；');
    reasons.set(`${row.sheet}\u0000${row.row_number}`, text);
  }

  const workbook = new ExcelJS.Workbook();
  if (batch.file_format === 'xlsx') {
    await workbook.xlsx.load(file as never);
  } else {
    const sheet = workbook.addWorksheet(sheetNameOfCsv(batch.file_name));
    for await (const row of readRows(file, 'csv', batch.file_name)) sheet.getRow(row.row).values = row.values as ExcelJS.CellValue[];
  }

  for (const sheet of workbook.worksheets) {
    if (sheet.name === NOTES_SHEET || sheet.name === LISTS_SHEET || sheet.state !== 'visible') continue;
    let headerRow = 0;
    sheet.eachRow((row, number) => {
      if (headerRow === 0) headerRow = number;
    });
    if (headerRow === 0) continue;
    const header = sheet.getRow(headerRow);
    let reasonColumn = 0;
    header.eachCell((cell, column) => {
      if (String(cell.value ?? '').trim() === REASON_HEADER) reasonColumn = column;
    });
    if (reasonColumn === 0) reasonColumn = header.cellCount + 1;
    header.getCell(reasonColumn).value = REASON_HEADER;
    header.getCell(reasonColumn).font = { bold: true, color: { argb: 'FFC00000' } };
    sheet.getColumn(reasonColumn).width = 60;
    for (let number = headerRow + 1; number <= sheet.rowCount; number++) {
      const cell = sheet.getRow(number).getCell(reasonColumn);
      const reason = reasons.get(`${sheet.name}\u0000${number}`);
      cell.value = reason ?? null;
      if (reason) cell.font = { color: { argb: reason.startsWith('错误') ? 'FFC00000' : 'FFB36B00' } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
