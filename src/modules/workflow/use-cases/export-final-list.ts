import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { scopeAllows, type Scope } from '../../../platform/scope.ts';
import * as repo from '../repository.ts';

const STATUS_LABELS = { active: '有效', expired: '已到期', revoked: '已撤销' } as const;

/** The published list of a batch as an .xlsx workbook (rows outside the caller's scope left out). */
export async function exportFinalList(db: Db, scope: Scope, batchId: number): Promise<{ fileName: string; content: Buffer }> {
  const batch = await repo.findBatch(db, batchId);
  if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${batchId} 不存在`);
  if (!batch.final_published_on) throw new AppError('TRANSITION_NOT_ALLOWED', `“${batch.title}”尚未发布认定名单`);
  const rows = (await repo.recognitionsOfBatch(db, batchId)).filter((row) => scopeAllows(scope, row));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('认定名单');
  sheet.addRow([`${batch.title}认定名单（${batch.final_published_on} 发布）`]);
  sheet.addRow(['序号', '企业名称', '统一社会信用代码', '区县代码', '证书编号', '认定日期', '有效期至', '状态']);
  rows.forEach((row, index) => {
    sheet.addRow([index + 1, row.enterprise_name, row.credit_code, row.district_code, row.certificate_no, row.issue_date, row.expiry_date, STATUS_LABELS[row.status]]);
  });
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = [6, 36, 22, 10, 26, 12, 12, 8][index];
  });
  return { fileName: `${batch.title}认定名单.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
