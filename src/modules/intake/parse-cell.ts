import { checkCreditCode, describeCreditCodeProblem } from '../registry/credit-code.ts';
import type { ReferenceSets } from '../registry/reference-sets.ts';
import type { CellValue } from './read-file.ts';
import { headerOf, type ColumnSpec } from './sheets.ts';

/** Turns one cell into the contract's value, or says in Chinese why it cannot. */

export interface CellProblem {
  code: string;
  message: string;
}

/** `value` undefined and no problem: the cell is empty, so the stored value stays as it is. */
export interface ParsedCell {
  value?: unknown;
  problem?: CellProblem;
}

export interface ParseContext {
  today: string;
  districts: Map<string, string>;
  industries: ReadonlySet<string>;
  chains: Map<string, string>;
}

const normalise = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

export function parseContext(refs: ReferenceSets, today: string): ParseContext {
  const districts = new Map<string, string>();
  for (const district of refs.districts.values()) {
    for (const name of [district.code, district.name, district.short_name, district.gb2260_code]) if (name) districts.set(normalise(name), district.code);
  }
  const chains = new Map<string, string>();
  for (const chain of refs.chains.values()) {
    chains.set(normalise(chain.id), chain.id);
    chains.set(normalise(chain.name), chain.id);
  }
  return { today, districts, industries: new Set(refs.industries.keys()), chains };
}

const isoDate = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDate(year, month, day);
}

/** Excel writes dates as serial day numbers counted from 1899-12-30. */
function fromSerial(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function parseDate(raw: CellValue): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return raw >= 1 && raw < 2_958_466 ? fromSerial(raw) : null;
  const text = String(raw).trim();
  let match = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/);
  if (!match) match = text.match(/^(\d{4})(\d{2})(\d{2})$/);
  return match ? realDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function parseNumber(raw: CellValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/[,，\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '有', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '无', '×']);

function describe(raw: CellValue): string {
  return raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
}

export function parseCell(column: ColumnSpec, raw: CellValue, context: ParseContext): ParsedCell {
  const header = headerOf(column);
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return column.required ? { problem: { code: 'MISSING_VALUE', message: `“${header}”为必填项，不能为空` } } : {};
  }
  const text = typeof raw === 'string' ? raw.trim() : describe(raw);
  const fail = (code: string, message: string): ParsedCell => ({ problem: { code, message } });
  switch (column.kind) {
    case 'credit_code': {
      const code = text.toUpperCase();
      const problem = checkCreditCode(code);
      return problem ? fail('INVALID_CREDIT_CODE', describeCreditCodeProblem(code, problem)) : { value: code };
    }
    case 'text':
      return { value: text };
    case 'date':
    case 'past_date': {
      const date = parseDate(raw);
      if (!date) return fail('INVALID_DATE', `“${header}”的“${text}”不是有效日期，应写成 2026-11-21 这样的格式`);
      if (column.kind === 'past_date' && date > context.today) return fail('DATE_IN_FUTURE', `“${header}”为 ${date}，晚于今天（${context.today}）`);
      return { value: date };
    }
    case 'year': {
      const year = parseNumber(raw);
      const latest = Number(context.today.slice(0, 4));
      if (year === null || !Number.isInteger(year) || year < 1949 || year > latest) {
        return fail('INVALID_YEAR', `“${header}”的“${text}”不是有效年度，应为 1949 至 ${latest} 之间的四位数字`);
      }
      return { value: year };
    }
    case 'amount':
    case 'signed_amount':
    case 'count':
    case 'persons':
    case 'percent':
    case 'score': {
      const value = parseNumber(raw);
      if (value === null) return fail('INVALID_NUMBER', `“${header}”的“${text}”不是数字`);
      if (column.kind !== 'signed_amount' && value < 0) return fail('NEGATIVE_NUMBER', `“${header}”不能为负数（填写的是 ${value}）`);
      if (column.kind === 'count' && !Number.isInteger(value)) return fail('INVALID_NUMBER', `“${header}”应为整数（填写的是 ${value}）`);
      const min = column.min ?? 0;
      const max = column.max ?? (column.kind === 'percent' || column.kind === 'score' ? 100 : Infinity);
      if (value < min && column.kind !== 'signed_amount') return fail('OUT_OF_RANGE', `“${header}”不能小于 ${min}（填写的是 ${value}）`);
      if (value > max) return fail('OUT_OF_RANGE', `“${header}”不能大于 ${max}（填写的是 ${value}）`);
      return { value };
    }
    case 'bool': {
      const key = text.toLowerCase();
      if (YES.has(key)) return { value: true };
      if (NO.has(key)) return { value: false };
      return fail('INVALID_OPTION', `“${header}”应填“是”或“否”，填写的是“${text}”`);
    }
    case 'enum':
    case 'size': {
      const options = column.options ?? [];
      const found = options.find(([value, label]) => value === text || normalise(label) === normalise(text));
      if (found) return { value: found[0] };
      if (column.openOptions && /^[a-z][a-z0-9_]*$/.test(text)) return { value: text };
      return fail('INVALID_OPTION', `“${header}”的“${text}”不在可选项中（可选：${options.map(([, label]) => label).join('、')}）`);
    }
    case 'district': {
      const code = context.districts.get(normalise(text));
      return code ? { value: code } : fail('UNKNOWN_DISTRICT', `“${text}”不是重庆市 41 个区县（含两江新区、重庆高新区、万盛经开区）之一`);
    }
    case 'industry': {
      const code = text.replace(/^[A-Ta-t]/, '');
      return context.industries.has(code) && /^\d{2,4}$/.test(code)
        ? { value: code }
        : fail('UNKNOWN_INDUSTRY_CODE', `行业代码“${text}”不是 GB/T 4754-2017 国民经济行业分类中的有效代码（2 至 4 位数字）`);
    }
    case 'chains': {
      const ids: string[] = [];
      for (const part of text.split(/[、,，;；]/).map((p) => p.trim()).filter(Boolean)) {
        const id = context.chains.get(normalise(part));
        if (!id) return fail('UNKNOWN_CHAIN', `产业链“${part}”不在重庆市 33 条重点产业链之列`);
        if (!ids.includes(id)) ids.push(id);
      }
      return { value: ids };
    }
  }
}

/** The headers a file may use for a column: the template's Chinese header (with or without unit) and the machine key. */
export function headerAliases(column: ColumnSpec): string[] {
  return [headerOf(column), column.label, column.key].map((alias) => normalise(alias).replace(/\*/g, '').toLowerCase());
}

export function normaliseHeader(header: CellValue): string {
  return normalise(header === null ? '' : describe(header)).replace(/\*/g, '').toLowerCase();
}
