import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { listEnterprises } from '../../registry/use-cases/list-enterprises.ts';
import type { ListEnterprisesQuery } from '../../registry/use-cases/list-enterprises.types.ts';
import { SIZE_OPTIONS, TITLE_OPTIONS } from '../sheets.ts';

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '统一社会信用代码', key: 'credit_code', width: 22 },
  { header: '企业名称', key: 'name', width: 36 },
  { header: '所属区县', key: 'district', width: 12 },
  { header: '国民经济行业代码', key: 'industry_code', width: 10 },
  { header: '国民经济行业', key: 'industry', width: 24 },
  { header: '所属产业链', key: 'chains', width: 24 },
  { header: '企业规模', key: 'size', width: 8 },
  { header: '成立日期', key: 'registration_date', width: 12 },
  { header: '是否上市', key: 'listed', width: 8 },
  { header: '当前有效称号', key: 'titles', width: 36 },
  { header: '数据年度', key: 'year', width: 8 },
  { header: '营业收入（万元）', key: 'operating_revenue', width: 14 },
  { header: '研发费用（万元）', key: 'rd_expense', width: 14 },
  { header: '从业人员（人）', key: 'employees', width: 12 },
];

const label = (options: readonly (readonly [string, string])[], value: string) => options.find(([key]) => key === value)?.[1] ?? value;

/**
 * The registry list under the caller's filter as .xlsx, streamed page by page: Chinese headers with units,
 * unknown figures left empty (never 0). The export is audited with its filter before the first byte leaves.
 */
export async function exportEnterprises(db: Db, actor: Actor, scope: Scope, query: ListEnterprisesQuery): Promise<Readable> {
  const first = await listEnterprises(db, scope, { ...query, limit: 500, cursor: undefined, with_total: 'true' });
  await db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: 'registry.export.xlsx',
      objectType: 'registry',
      objectId: null,
      summary: { filter: { district: query.district, industry: query.industry, chain: query.chain, size_class: query.size_class, title: query.title, q: query.q }, rows: first.total },
    }),
  );
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    let page = first;
    for (;;) {
      for (const item of page.items) {
        sheet
          .addRow({
            credit_code: item.credit_code,
            name: item.name,
            district: item.district_name,
            industry_code: item.industry_code,
            industry: item.industry_name,
            chains: item.chains.map((chain) => chain.name).join('、') || null,
            size: item.size_class ? label(SIZE_OPTIONS, item.size_class) : null,
            registration_date: item.registration_date,
            listed: item.is_listed === null ? null : item.is_listed ? '是' : '否',
            titles: item.titles.map((title) => label(TITLE_OPTIONS, title)).join('、') || null,
            year: item.summary_year,
            operating_revenue: item.operating_revenue,
            rd_expense: item.rd_expense,
            employees: item.employees,
          })
          .commit();
      }
      if (!page.next_cursor) break;
      page = await listEnterprises(db, scope, { ...query, limit: 500, cursor: page.next_cursor, with_total: 'false' });
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => output.destroy(error));
  return output;
}
