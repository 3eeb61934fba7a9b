import ExcelJS from 'exceljs';
import type { ReferenceSets } from '../../registry/reference-sets.ts';
import { LISTS_SHEET, NOTES_SHEET } from '../read-file.ts';
import { headerOf, importKindSpec, type ColumnSpec, type ImportKind } from '../sheets.ts';

const TEMPLATE_ROWS = 5000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

const UNIT_NOTES = [
  '1. 第一行为表头，请勿修改；从第二行起每行一条记录。也可以用接口字段名（如 credit_code、operating_revenue）作表头。',
  '2. 金额单位均为“万元”（人民币），人数单位为“人”，比例填百分数（12 表示 12%）。',
  '3. 日期写成 2026-11-21 的格式；成立、授权、认定、到账等已发生的日期不能晚于今天。',
  '4. 不知道的数值请留空：留空表示“未知”，不会按 0 处理，也不会清除库中已有的数据。',
  '5. 带底色的列为必填项；下拉列请从列表中选择。',
  '6. 同一文件可以重复导入：内容未变的行不会产生任何修改；每次导入都可以在“导入记录”中撤销。',
];

function optionLabels(column: ColumnSpec, refs: ReferenceSets): string[] {
  if (column.kind === 'district') return [...refs.districts.values()].map((district) => district.name);
  if (column.kind === 'bool') return ['是', '否'];
  return (column.options ?? []).map(([, label]) => label);
}

function validationFor(column: ColumnSpec, listRange: string | null): ExcelJS.DataValidation | null {
  const header = headerOf(column);
  if (listRange) {
    return { type: 'list', allowBlank: true, formulae: [listRange], showErrorMessage: !column.openOptions, errorTitle: '不在可选项中', error: `请从下拉列表中选择“${header}”` };
  }
  switch (column.kind) {
    case 'past_date':
      return { type: 'date', operator: 'lessThanOrEqual', allowBlank: true, formulae: ['TODAY()'], showErrorMessage: true, errorTitle: '日期无效', error: `“${header}”应为不晚于今天的日期，如 2026-11-21` };
    case 'date':
      return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1949, 0, 1))], showErrorMessage: true, errorTitle: '日期无效', error: `“${header}”应为日期，如 2026-11-21` };
    case 'amount':
    case 'persons':
      return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '数值无效', error: `“${header}”应为不小于 0 的数字` };
    case 'count':
      return { type: 'whole', operator: 'between', allowBlank: true, formulae: [column.min ?? 0, column.max ?? 10_000_000], showErrorMessage: true, errorTitle: '数值无效', error: `“${header}”应为整数` };
    case 'percent':
    case 'score':
      return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: '数值无效', error: `“${header}”应在 0 到 100 之间` };
    case 'year':
      return { type: 'whole', operator: 'between', allowBlank: true, formulae: [1949, 2100], showErrorMessage: true, errorTitle: '年度无效', error: '年度应为四位数字，如 2025' };
    default:
      return null;
  }
}

const columnLetter = (index: number) => {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** exceljs 4.4 writes range validations but its typings only know per-cell ones. */
const rangeValidations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

/** The .xlsx template of an import type: the data sheet with drop-downs and cell checks, the notes, and the lists behind the drop-downs. */
export async function buildTemplate(kind: ImportKind, refs: ReferenceSets): Promise<Buffer> {
  const spec = importKindSpec(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '梯度 · 重庆市优质中小企业梯度培育平台';
  const data = workbook.addWorksheet(spec.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  const notes = workbook.addWorksheet(NOTES_SHEET);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  data.columns = spec.columns.map((column) => ({ header: headerOf(column), key: column.key, width: Math.max(12, headerOf(column).length * 2 + 2) }));
  const header = data.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    cell.note = column.note;
  });

  let listColumn = 0;
  spec.columns.forEach((column, index) => {
    const labels = optionLabels(column, refs);
    let listRange: string | null = null;
    if (labels.length > 0) {
      listColumn++;
      const letter = columnLetter(listColumn);
      lists.getCell(`${letter}1`).value = headerOf(column);
      labels.forEach((label, row) => (lists.getCell(`${letter}${row + 2}`).value = label));
      listRange = `${LISTS_SHEET}!$${letter}$2:$${letter}$${labels.length + 1}`;
    }
    const letter = columnLetter(index + 1);
    const validation = validationFor(column, listRange);
    if (validation) rangeValidations(data).add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
    if (column.kind === 'date' || column.kind === 'past_date') data.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    if (column.kind === 'credit_code' || column.kind === 'industry' || column.kind === 'text') data.getColumn(index + 1).numFmt = '@';
  });

  notes.columns = [
    { header: '列名', key: 'header', width: 28 },
    { header: '接口字段名', key: 'key', width: 26 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '必填', key: 'required', width: 6 },
    { header: '含义与填写要求', key: 'note', width: 70 },
    { header: '可选值', key: 'options', width: 50 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of spec.columns) {
    const labels = optionLabels(column, refs);
    notes.addRow({
      header: headerOf(column),
      key: column.key,
      unit: column.unit ?? (column.kind.endsWith('date') ? '日期' : ''),
      required: column.required ? '是' : '',
      note: column.note,
      options: column.kind === 'district' ? '见下拉列表（41 个区县）' : labels.join('、'),
    });
  }
  notes.addRow({});
  for (const line of UNIT_NOTES) notes.addRow({ header: line });
  notes.getColumn('note').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
