import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db.ts';
import type { JobWorkerSettings } from '../jobs/worker.ts';
import { ImportRunner, type ImportRunnerHooks } from './runner.ts';
import { headerOf, importKindSpec, type ImportKind } from './sheets.ts';

/** Test files: a workbook or CSV with the template's Chinese headers (or any headers given) and rows of values. */

export type Cells = Record<string, string | number | boolean | Date | null>;

export function templateHeaders(kind: ImportKind): string[] {
  return importKindSpec(kind).columns.map(headerOf);
}

/** Rows keyed by machine key, written under the template's Chinese headers. */
export async function workbookOf(kind: ImportKind, rows: Cells[], sheetName = importKindSpec(kind).label): Promise<Buffer> {
  const spec = importKindSpec(kind);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(spec.columns.map(headerOf));
  for (const row of rows) sheet.addRow(spec.columns.map((column) => row[column.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(headers: string[], rows: (string | number | null)[][]): string {
  const quote = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [headers, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** GBK bytes of a text made of ASCII and the CJK characters the tests use, through the decoder's own table. */
export function encodeGbk(text: string): Buffer {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`no GBK code for ${char}`);
      bytes.push(pair >> 8, pair & 0xff);
    }
  }
  return Buffer.from(bytes);
}

let table: Map<string, number> | null = null;
function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return table;
}

/**
 * Runs a real import worker over the queue until it finds nothing to do: the way tests execute the analysis and
 * commit jobs that startImport and requestCommit queue. Retries are due at once unless told otherwise.
 */
export async function runImportJobs(db: Db, settings: Partial<JobWorkerSettings> = {}, hooks: ImportRunnerHooks = {}): Promise<void> {
  const runner = new ImportRunner(db, { staleSeconds: 30, pollMs: 60_000, maxAttempts: 3, retrySeconds: 0, ...settings }, hooks);
  runner.wake();
  await runner.idle();
  await runner.stop();
}
