import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

/** Rows of an uploaded .xlsx (streamed) or CSV (UTF-8 or GBK), one sheet after another; the first non-empty row of a sheet is its header. */

export type CellValue = string | number | boolean | Date | null;
export type FileFormat = 'xlsx' | 'csv';

export interface SheetRow {
  sheet: string;
  /** The row number a person sees in Excel (1-based, counting the header). */
  row: number;
  values: CellValue[];
}

/** Sheets of our templates that hold no data. */
export const NOTES_SHEET = '填写说明';
export const LISTS_SHEET = '代码表';

export function detectFormat(file: Buffer): FileFormat {
  if (file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04) return 'xlsx';
  if (file.length >= 4 && file[0] === 0xd0 && file[1] === 0xcf && file[2] === 0x11 && file[3] === 0xe0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后再导入');
  }
  return 'csv';
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GBK — the two encodings Excel writes CSV in here. */
export function decodeCsv(file: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  const bytes = file.length >= 3 && file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? file.subarray(3) : file;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

export async function* readRows(file: Buffer, format: FileFormat, fileName: string): AsyncGenerator<SheetRow> {
  if (format === 'csv') yield* csvRows(decodeCsv(file).text, sheetNameOfCsv(fileName));
  else yield* xlsxRows(file);
}

export const sheetNameOfCsv = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || 'CSV';

function isBlank(values: CellValue[]): boolean {
  return values.every((value) => value === null || (typeof value === 'string' && value.trim() === ''));
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function* csvRows(text: string, sheet: string): Generator<SheetRow> {
  let row = 1;
  let values: CellValue[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = function* (): Generator<SheetRow> {
    values.push(field);
    field = '';
    if (!isBlank(values)) yield { sheet, row, values };
    values = [];
    row++;
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      values.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      yield* endRecord();
    } else field += char;
    i++;
  }
  if (field !== '' || values.length > 0) yield* endRecord();
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** Decodes UTF-8 across chunk boundaries (TextDecoder in stream mode), handing on strings. */
async function* utf8Strings(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

/**
 * exceljs 4.4's streaming WorkbookReader decodes every inflated chunk on its own, so a Chinese character split
 * across two chunks comes out as U+FFFD (seen on the 100,000-row bench file: “渝北��”). This reader hands the
 * XML parser strings decoded across chunk boundaries; everything else is exceljs's own streaming reader.
 */
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => ReaderInternals & AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>;
class DecodingWorkbookReader extends BaseReader {
  override _parseWorkbook(entry: Readable) {
    return super._parseWorkbook(Readable.from(utf8Strings(entry)));
  }
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(Readable.from(utf8Strings(entry)));
  }
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Strings(iterator), sheetNo);
  }
}

/**
 * Reads again once when the reader fails before handing on any row: exceljs's streaming reader (its unzipper) now and
 * then ends the archive's entries early under load, and its worksheets, parked until the workbook part is read, then
 * fail on the missing part ("Cannot read properties of undefined (reading 'sheets')"). The file is in memory and no
 * row has left, so a second read is safe; a file that fails twice is reported as unreadable.
 */
async function* xlsxRows(file: Buffer): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    let handedOn = 0;
    try {
      for await (const row of xlsxRowsOnce(file)) {
        handedOn++;
        yield row;
      }
      return;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (handedOn > 0 || attempt >= 2) {
        throw new AppError('VALIDATION_FAILED', `无法读取 Excel 文件：${(error as Error).message}。请确认文件是 .xlsx 格式且未损坏`);
      }
    }
  }
}

async function* xlsxRowsOnce(file: Buffer): AsyncGenerator<SheetRow> {
  const reader = new DecodingWorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as ExcelJS.stream.xlsx.WorksheetReader & { name: string; state?: string };
    const skip = sheet.name === NOTES_SHEET || sheet.name === LISTS_SHEET || (sheet.state !== undefined && sheet.state !== 'visible');
    for await (const row of sheet) {
      if (skip) continue;
      const raw = row.values as ExcelJS.CellValue[];
      const values: CellValue[] = [];
      for (let column = 1; column < raw.length; column++) values.push(cellValue(raw[column]));
      if (!isBlank(values)) yield { sheet: sheet.name, row: row.number, values };
    }
  }
}
