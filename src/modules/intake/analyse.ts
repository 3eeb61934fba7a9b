import type { Queryable } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeAllows, type Scope } from '../../platform/scope.ts';
import type { ProfileDocument } from '../registry/profile-mapping.ts';
import type { ReferenceSets } from '../registry/reference-sets.ts';
import { enterprisesNamed, ipNumberHolders, profilesByCreditCode } from '../registry/use-cases/lookup-for-import.ts';
import { profileProblems } from '../registry/validate-profile.ts';
import { evaluate } from '../../standards/index.ts';
import { headerAliases, normaliseHeader, parseCell, parseContext } from './parse-cell.ts';
import type { SheetRow } from './read-file.ts';
import { fieldOf, headerOf, importKindSpec, SIZE_OPTIONS, type ColumnSpec, type ImportKind, type ImportKindSpec } from './sheets.ts';

/**
 * Reads every row, checks it, and works out what committing would do to the registry: which enterprises
 * are new, which values change from what to what, which rows change nothing and which are rejected and why.
 * Preview and commit run the same analysis, the commit inside its transaction.
 */

export type Severity = 'error' | 'warning';
export interface RowProblem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: string;
  severity: Severity;
}
export interface RowChange {
  column: string;
  old: unknown;
  new: unknown;
}
export type Outcome = 'new' | 'updated' | 'unchanged' | 'rejected';
export interface RowResult {
  sheet: string;
  row: number;
  credit_code: string | null;
  outcome: Outcome;
  problems: RowProblem[];
  changes: RowChange[];
}
export interface EnterprisePlan {
  credit_code: string;
  exists: boolean;
  profile: ProfileDocument;
  rows: RowResult[];
}
export interface Counts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}
export interface Analysis {
  kind: ImportKind;
  rows: RowResult[];
  /** Problems of the file itself (unknown columns), not of a row. */
  fileProblems: RowProblem[];
  /** Enterprises that committing would write: at least one row of theirs changes something. */
  plans: EnterprisePlan[];
  counts: Counts;
}

interface ParsedRow {
  result: RowResult;
  values: Map<ColumnSpec, unknown>;
}

type Draft = Record<string, unknown> & { credit_code: string };

const DISPLAY_NULL = null;

function displayValue(column: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return DISPLAY_NULL;
  if (column.kind === 'bool') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  const option = column.options?.find(([key]) => key === value);
  return option ? option[1] : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const normaliseName = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

export async function analyseImport(
  q: Queryable,
  refs: ReferenceSets,
  scope: Scope,
  kind: ImportKind,
  rows: AsyncIterable<SheetRow>,
  options: { today: string; onProgress?: (rowsRead: number) => void },
): Promise<Analysis> {
  const spec = importKindSpec(kind);
  const context = parseContext(refs, options.today);
  const fileProblems: RowProblem[] = [];
  const parsed: ParsedRow[] = [];
  let sheet: string | null = null;
  let columns: (ColumnSpec | null)[] = [];
  let sheets = 0;

  for await (const sheetRow of rows) {
    if (sheet !== sheetRow.sheet) {
      sheet = sheetRow.sheet;
      columns = mapHeader(spec, sheetRow, fileProblems);
      sheets++;
      continue;
    }
    parsed.push(parseRow(spec, columns, sheetRow, context));
    if (parsed.length % 5000 === 0) options.onProgress?.(parsed.length);
  }
  if (sheets === 0) throw new AppError('VALIDATION_FAILED', '文件中没有数据：第一行应为表头，从第二行起每行一条记录');
  options.onProgress?.(parsed.length);

  markDuplicatesInFile(spec, parsed);
  const codes = parsed.map((row) => row.result.credit_code).filter((code): code is string => code !== null);
  const stored = await profilesByCreditCode(q, codes);
  await markDuplicatesInRegistry(q, spec, scope, parsed);

  const drafts = new Map<string, { draft: Draft; exists: boolean; rows: ParsedRow[] }>();
  for (const row of parsed) {
    const code = row.result.credit_code;
    if (code === null || hasError(row.result)) continue;
    let entry = drafts.get(code);
    if (!entry) {
      const existing = stored.get(code);
      if (existing && !scopeAllows(scope, { credit_code: code, district_code: existing.district_code })) {
        reject(row, columnHeader(spec, 'credit_code'), 'OUT_OF_SCOPE', `企业“${code}”不在您的管辖范围内，不能导入其数据`);
        continue;
      }
      if (!existing && spec.kind !== 'basics') {
        reject(row, columnHeader(spec, 'credit_code'), 'ENTERPRISE_NOT_FOUND', `企业库中没有统一社会信用代码为“${code}”的企业，请先导入企业基本信息`);
        continue;
      }
      entry = { draft: existing ? (structuredClone(existing.profile) as Draft) : { credit_code: code }, exists: Boolean(existing), rows: [] };
      drafts.set(code, entry);
    }
    applyRow(spec, row, entry.draft, entry.exists, scope);
    if (!hasError(row.result)) entry.rows.push(row);
  }

  const plans: EnterprisePlan[] = [];
  for (const [code, entry] of drafts) {
    if (entry.rows.length === 0) continue;
    const { problems } = profileProblems(entry.draft, refs);
    if (problems.length > 0) {
      for (const { result } of entry.rows) {
        for (const problem of problems) {
          result.problems.push({ sheet: result.sheet, row: result.row, column: problem.key, code: problem.code, message: problem.message, severity: 'error' });
        }
      }
      continue;
    }
    if (spec.kind === 'basics') warnOnSize(spec, entry, options.today);
    if (entry.rows.some(({ result }) => !entry.exists || result.changes.length > 0)) {
      plans.push({ credit_code: code, exists: entry.exists, profile: entry.draft as ProfileDocument, rows: entry.rows.map((row) => row.result) });
    }
  }

  const counts: Counts = { rows: parsed.length, new: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 };
  const results = parsed.map((row) => {
    const result = row.result;
    const code = result.credit_code;
    if (hasError(result)) result.outcome = 'rejected';
    else if (code !== null && drafts.get(code)?.exists === false) result.outcome = 'new';
    else result.outcome = result.changes.length > 0 ? 'updated' : 'unchanged';
    counts[result.outcome]++;
    if (result.problems.some((problem) => problem.severity === 'warning')) counts.warnings++;
    return result;
  });
  return { kind, rows: results, fileProblems, plans, counts };
}

const hasError = (result: RowResult) => result.problems.some((problem) => problem.severity === 'error');

function columnHeader(spec: ImportKindSpec, key: string): string {
  const column = spec.columns.find((candidate) => candidate.key === key);
  return column ? headerOf(column) : key;
}

function reject(row: ParsedRow, column: string, code: string, message: string, severity: Severity = 'error') {
  row.result.problems.push({ sheet: row.result.sheet, row: row.result.row, column, code, message, severity });
}

function mapHeader(spec: ImportKindSpec, header: SheetRow, fileProblems: RowProblem[]): (ColumnSpec | null)[] {
  const byAlias = new Map<string, ColumnSpec>();
  for (const column of spec.columns) for (const alias of headerAliases(column)) byAlias.set(alias, column);
  const mapped = header.values.map((value) => {
    const name = normaliseHeader(value);
    if (name === '' || name === '错误原因') return null;
    const column = byAlias.get(name) ?? null;
    if (!column) {
      fileProblems.push({
        sheet: header.sheet,
        row: header.row,
        column: String(value),
        code: 'UNKNOWN_COLUMN',
        message: `列“${String(value)}”不是“${spec.label}”模板中的列，已忽略`,
        severity: 'warning',
      });
    }
    return column;
  });
  const missing = spec.columns.filter((column) => column.target === 'key' && !mapped.includes(column));
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `工作表“${header.sheet}”缺少必需的列：${missing.map(headerOf).join('、')}。表头应使用“${spec.label}”模板中的中文表头或接口字段名（如 ${missing.map((c) => c.key).join('、')}）`,
    );
  }
  return mapped;
}

function parseRow(spec: ImportKindSpec, columns: (ColumnSpec | null)[], sheetRow: SheetRow, context: ReturnType<typeof parseContext>): ParsedRow {
  const result: RowResult = { sheet: sheetRow.sheet, row: sheetRow.row, credit_code: null, outcome: 'rejected', problems: [], changes: [] };
  const values = new Map<ColumnSpec, unknown>();
  const row: ParsedRow = { result, values };
  const seen = new Set<ColumnSpec>();
  columns.forEach((column, index) => {
    if (!column) return;
    seen.add(column);
    const parsed = parseCell(column, sheetRow.values[index] ?? null, context);
    if (parsed.problem) reject(row, headerOf(column), parsed.problem.code, parsed.problem.message);
    else if (parsed.value !== undefined) values.set(column, parsed.value);
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column)) reject(row, headerOf(column), 'MISSING_VALUE', `“${headerOf(column)}”为必填项，文件中没有这一列`);
  }
  const code = [...values].find(([column]) => column.kind === 'credit_code')?.[1];
  result.credit_code = typeof code === 'string' ? code : null;
  return row;
}

function identityOf(spec: ImportKindSpec, values: Map<ColumnSpec, unknown>): unknown[] {
  return spec.identity.map((key) => values.get(spec.columns.find((column) => column.key === key)!) ?? null);
}

function markDuplicatesInFile(spec: ImportKindSpec, parsed: ParsedRow[]) {
  const first = new Map<string, ParsedRow>();
  const firstName = new Map<string, ParsedRow>();
  const nameColumn = spec.columns.find((column) => column.key === 'name' && column.target === 'profile');
  for (const row of parsed) {
    if (row.result.credit_code === null) continue;
    const key = JSON.stringify([row.result.credit_code, ...identityOf(spec, row.values)]);
    const earlier = first.get(key);
    const what = spec.identity.length ? `同一企业、同一${spec.identity.map((k) => columnHeader(spec, k)).join('与')}` : '同一统一社会信用代码';
    if (earlier) {
      reject(row, columnHeader(spec, 'credit_code'), 'DUPLICATE_IN_FILE', `与${locate(earlier)}重复（${what}），本行未导入`);
      continue;
    }
    first.set(key, row);
    const name = nameColumn ? row.values.get(nameColumn) : undefined;
    if (typeof name === 'string') {
      const sameName = firstName.get(normaliseName(name));
      if (sameName && sameName.result.credit_code !== row.result.credit_code) {
        reject(row, headerOf(nameColumn!), 'DUPLICATE_IN_FILE', `企业名称“${name}”与${locate(sameName)}相同，但统一社会信用代码不同，请核对`);
      } else firstName.set(normaliseName(name), row);
    }
  }
}

const locate = (row: ParsedRow) => `工作表“${row.result.sheet}”第 ${row.result.row} 行`;

async function markDuplicatesInRegistry(q: Queryable, spec: ImportKindSpec, scope: Scope, parsed: ParsedRow[]) {
  const valueOf = (row: ParsedRow, key: string) => row.values.get(spec.columns.find((column) => column.key === key)!);
  const live = parsed.filter((row) => row.result.credit_code !== null && !hasError(row.result));
  if (spec.kind === 'basics') {
    const holders = await enterprisesNamed(q, live.map((row) => valueOf(row, 'name')).filter((name): name is string => typeof name === 'string'));
    const byName = new Map(holders.map((holder) => [holder.name, holder]));
    for (const row of live) {
      const holder = byName.get(valueOf(row, 'name') as string);
      if (holder && holder.credit_code !== row.result.credit_code) {
        const visible = scopeAllows(scope, holder);
        reject(row, columnHeader(spec, 'name'), 'DUPLICATE_IN_REGISTRY', `企业库中已有同名企业${visible ? `（统一社会信用代码 ${holder.credit_code}）` : ''}，请核对本行的统一社会信用代码`);
      }
    }
  }
  if (spec.kind === 'ip') {
    const holders = await ipNumberHolders(q, live.map((row) => valueOf(row, 'number')).filter((n): n is string => typeof n === 'string'));
    const byNumber = new Map<string, (typeof holders)[number][]>();
    for (const holder of holders) byNumber.set(holder.number, [...(byNumber.get(holder.number) ?? []), holder]);
    for (const row of live) {
      const other = (byNumber.get(valueOf(row, 'number') as string) ?? []).find((holder) => holder.credit_code !== row.result.credit_code);
      if (other) {
        const visible = scopeAllows(scope, other);
        reject(row, columnHeader(spec, 'number'), 'DUPLICATE_IN_REGISTRY', `专利号或登记号“${valueOf(row, 'number')}”在企业库中已属于另一家企业${visible ? `（${other.credit_code}）` : ''}`);
      }
    }
  }
}

/** Applies one checked row to the enterprise's draft profile, noting what it changes; rejects it if the result is implausible. */
function applyRow(spec: ImportKindSpec, row: ParsedRow, draft: Draft, exists: boolean, scope: Scope) {
  const changes: RowChange[] = [];
  const note = (column: ColumnSpec, oldValue: unknown, newValue: unknown) => {
    if (!same(oldValue, newValue)) changes.push({ column: headerOf(column), old: displayValue(column, oldValue), new: displayValue(column, newValue) });
  };
  const entries = [...row.values];
  const nameCheck = entries.find(([column]) => column.target === 'check' && column.key === 'name');
  if (nameCheck && typeof draft.name === 'string' && normaliseName(draft.name) !== normaliseName(nameCheck[1] as string)) {
    reject(row, headerOf(nameCheck[0]), 'NAME_MISMATCH', `企业名称“${nameCheck[1]}”与企业库中该信用代码的企业“${draft.name}”不一致，请核对统一社会信用代码`);
    return;
  }

  if (spec.kind === 'basics') {
    const next: Draft = { ...draft };
    for (const [column, value] of entries) {
      if (column.target !== 'profile') continue;
      note(column, draft[fieldOf(column)], value);
      next[fieldOf(column)] = value;
    }
    const district = (next.district_code as string | null | undefined) ?? null;
    if (!scopeAllows(scope, { credit_code: draft.credit_code, district_code: district })) {
      reject(row, columnHeader(spec, 'district_code'), 'OUT_OF_SCOPE', district ? `企业登记在区县“${district}”，超出您的管辖范围` : '未填写所属区县，无法确认企业在您的管辖范围内');
      return;
    }
    Object.assign(draft, next);
  } else if (spec.kind === 'years') {
    const year = String(entries.find(([column]) => column.key === 'year')![1]);
    const years = { ...((draft.years as Record<string, Record<string, unknown>> | null) ?? {}) };
    const before = years[year] ?? {};
    const after = { ...before };
    for (const [column, value] of entries) {
      if (column.target !== 'year') continue;
      note(column, before[column.key], value);
      after[column.key] = value;
    }
    if (!plausibleYear(spec, row, after)) return;
    years[year] = after;
    draft.years = years;
  } else if (spec.kind === 'compliance') {
    const compliance = { ...((draft.compliance as Record<string, unknown> | null) ?? {}) };
    for (const [column, value] of entries) {
      if (column.target !== 'flag') continue;
      note(column, compliance[column.key], value);
      compliance[column.key] = value;
    }
    const incidentValues = entries.filter(([column]) => column.target === 'incident');
    if (incidentValues.length > 0) {
      const incidents = [...((compliance.major_incidents as Record<string, unknown>[] | null) ?? [])];
      upsertItem(incidents, incidentValues, ['type', 'date'], note);
      compliance.major_incidents = incidents;
    }
    draft.compliance = compliance;
  } else {
    const items = [...((draft[spec.listKey!] as Record<string, unknown>[] | null) ?? [])];
    upsertItem(items, entries.filter(([column]) => column.target === 'item'), spec.identity.map((key) => fieldOf(spec.columns.find((c) => c.key === key)!)), note);
    draft[spec.listKey!] = items;
  }
  row.result.changes = exists ? changes : [];
}

function upsertItem(items: Record<string, unknown>[], values: [ColumnSpec, unknown][], identity: string[], note: (column: ColumnSpec, oldValue: unknown, newValue: unknown) => void) {
  const record = Object.fromEntries(values.map(([column, value]) => [fieldOf(column), value]));
  const index = items.findIndex((item) => identity.every((field) => same(item[field], record[field])));
  const before = index >= 0 ? items[index] : {};
  for (const [column, value] of values) note(column, before[fieldOf(column)], value);
  if (index >= 0) items[index] = { ...before, ...record };
  else items.push(record);
}

function plausibleYear(spec: ImportKindSpec, row: ParsedRow, year: Record<string, unknown>): boolean {
  const number = (key: string) => (typeof year[key] === 'number' ? (year[key] as number) : null);
  const header = (key: string) => columnHeader(spec, key);
  const set = (key: string) => [...row.values.keys()].some((column) => column.key === key);
  let plausible = true;
  const revenue = number('operating_revenue');
  const mainRevenue = number('main_business_revenue');
  if (revenue !== null && mainRevenue !== null && mainRevenue > revenue && (set('operating_revenue') || set('main_business_revenue'))) {
    reject(row, header(set('main_business_revenue') ? 'main_business_revenue' : 'operating_revenue'), 'MAIN_REVENUE_ABOVE_OPERATING', `主营业务收入 ${mainRevenue} 万元大于营业收入 ${revenue} 万元`);
    plausible = false;
  }
  const rdStaff = number('rd_staff');
  const employees = number('employees_total') ?? number('employees_period_end');
  if (rdStaff !== null && employees !== null && rdStaff > employees && (set('rd_staff') || set('employees_total') || set('employees_period_end'))) {
    reject(row, header('rd_staff'), 'RD_STAFF_ABOVE_EMPLOYEES', `研发人员 ${rdStaff} 人多于职工总数 ${employees} 人`);
    plausible = false;
  }
  const rdExpense = number('rd_expense');
  if (rdExpense !== null && revenue !== null && rdExpense > revenue && (set('rd_expense') || set('operating_revenue'))) {
    reject(row, header('rd_expense'), 'RD_ABOVE_REVENUE', `研发费用 ${rdExpense} 万元高于营业收入 ${revenue} 万元，请核实（仍会导入）`, 'warning');
  }
  return plausible;
}

function warnOnSize(spec: ImportKindSpec, entry: { draft: Draft; rows: ParsedRow[] }, today: string) {
  const sizeColumn = spec.columns.find((column) => column.kind === 'size')!;
  for (const row of entry.rows) {
    const declared = row.values.get(sizeColumn);
    if (typeof declared !== 'string') continue;
    const derived = evaluate([entry.draft], { asOf: today, application: 'new', standards: [] }).results[0]?.size_class ?? null;
    if (derived && derived !== declared) {
      const label = (size: string) => SIZE_OPTIONS.find(([value]) => value === size)?.[1] ?? size;
      reject(row, headerOf(sizeColumn), 'SIZE_MISMATCH', `填报的企业规模为“${label(declared)}”，按年度数据划型为“${label(derived)}”；以划型结果为准`, 'warning');
    }
  }
}
