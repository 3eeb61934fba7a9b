import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import { formatAmount } from '../explain.ts';
import { listCandidates } from './candidates.ts';
import type { CandidatesQuery } from './candidates.types.ts';
import { diffRuns } from './diff-runs.ts';
import type { DiffQuery } from './diff-runs.types.ts';
import { getKeyList } from './key-lists.ts';
import type { GapItem } from './results.types.ts';
import { listWarnings } from './warnings.ts';
import type { WarningsQuery } from './warnings.types.ts';

/** Exports stop at this many rows: a spreadsheet is for reading, the API for everything. */
export const EXPORT_LIMIT = 5000;
const PAGE = 200;

const STATUS_LABELS: Record<string, string> = { qualified: '符合', not_qualified: '不符合', insufficient_data: '数据不足', manual_review: '待人工评审' };
const MOVEMENT_LABELS: Record<string, string> = { reached: '已达标', lost: '不再达标', closer: '更接近', further: '差距扩大', unchanged: '无变化', unknown: '无评价数据' };
const SIZE_LABELS: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

interface Column {
  header: string;
  key: string;
  width?: number;
}

async function workbook(sheet: string, columns: Column[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '梯度 · 优质中小企业梯度培育平台';
  const ws = book.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Gap columns by unit: one column per criterion missed, headed with its unit (万元, %, 项 …). */
function gapColumns(rows: { unmet: GapItem[] }[]): { columns: Column[]; values: (row: { unmet: GapItem[] }) => Record<string, unknown> } {
  const seen = new Map<string, Column>();
  for (const row of rows) {
    for (const gap of row.unmet) {
      if (gap.gap === null) continue;
      const key = `gap:${gap.id}`;
      if (!seen.has(key)) seen.set(key, { key, header: `${gap.id} ${gap.name ?? ''}差额（${gap.unit ?? '—'}）`, width: 22 });
    }
  }
  return {
    columns: [...seen.values()],
    values: (row) => Object.fromEntries(row.unmet.filter((g) => g.gap !== null).map((g) => [`gap:${g.id}`, g.gap])),
  };
}

const describe = (gaps: GapItem[]) => gaps.map((g) => (g.gap === null ? g.name ?? g.id : `${g.name ?? g.id} 差 ${formatAmount(g.gap)}${g.unit ? ` ${g.unit}` : ''}`)).join('；');

async function collect<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; offset < EXPORT_LIMIT; offset += PAGE) {
    const { items, total } = await page(offset);
    all.push(...items);
    if (items.length < PAGE || all.length >= total) break;
  }
  return all;
}

export async function exportCandidates(db: Db, scope: Scope, query: Omit<CandidatesQuery, 'limit' | 'offset'>): Promise<{ filename: string; body: Buffer }> {
  let asOf = '';
  const items = await collect(async (offset) => {
    const page = await listCandidates(db, scope, { ...query, limit: PAGE, offset });
    asOf = page.run.as_of;
    return page;
  });
  const gaps = gapColumns(items);
  const body = await workbook(
    '候选企业',
    [
      { header: '排名', key: 'rank', width: 8 },
      { header: '统一社会信用代码', key: 'credit_code', width: 22 },
      { header: '企业名称', key: 'name', width: 30 },
      { header: '区县', key: 'district', width: 12 },
      { header: '行业代码', key: 'industry_code', width: 10 },
      { header: '企业规模', key: 'size', width: 10 },
      { header: '评价结果', key: 'status', width: 12 },
      { header: '得分（分）', key: 'score', width: 10 },
      { header: '未达标指标数（项）', key: 'unmet_count', width: 18 },
      { header: '归一化差距', key: 'distance', width: 12 },
      { header: '未达标指标及差额', key: 'why', width: 60 },
      { header: '缺少数据的指标', key: 'unknown', width: 30 },
      ...gaps.columns,
    ],
    items.map((item) => ({
      rank: item.rank,
      credit_code: item.credit_code,
      name: item.name,
      district: item.district_name ?? item.district_code ?? '',
      industry_code: item.industry_code ?? '',
      size: item.size_class ? SIZE_LABELS[item.size_class] : '',
      status: STATUS_LABELS[item.status],
      score: item.score,
      unmet_count: item.unmet_count,
      distance: item.distance,
      why: describe(item.unmet),
      unknown: item.unknown.map((u) => u.name).join('；'),
      ...gaps.values(item),
    })),
  );
  return { filename: `候选企业_${STANDARD_NAMES[query.standard]}_${asOf}.xlsx`, body };
}

export async function exportDiff(db: Db, scope: Scope, query: Omit<DiffQuery, 'limit' | 'offset'>): Promise<{ filename: string; body: Buffer }> {
  let label = '';
  const items = await collect(async (offset) => {
    const page = await diffRuns(db, scope, { ...query, limit: PAGE, offset });
    label = page.from_run && page.to_run ? `${page.from_run.as_of}至${page.to_run.as_of}` : '';
    return page;
  });
  const body = await workbook(
    '评价变化',
    [
      { header: '统一社会信用代码', key: 'credit_code', width: 22 },
      { header: '企业名称', key: 'name', width: 30 },
      { header: '区县', key: 'district', width: 12 },
      { header: '产业链', key: 'chains', width: 24 },
      { header: '标准', key: 'standard', width: 24 },
      { header: '上次结果', key: 'before', width: 12 },
      { header: '本次结果', key: 'after', width: 12 },
      { header: '变化', key: 'change', width: 12 },
    ],
    items.map((item) => ({
      credit_code: item.credit_code,
      name: item.name,
      district: item.district_name ?? item.district_code ?? '',
      chains: item.chains.join('、'),
      standard: STANDARD_NAMES[item.standard],
      before: item.before ? STATUS_LABELS[item.before] : '（新登记）',
      after: STATUS_LABELS[item.after],
      change: item.after === 'qualified' ? '新达标' : item.before === 'qualified' ? '不再达标' : '结果变化',
    })),
  );
  return { filename: `评价变化_${label}.xlsx`, body };
}

export async function exportWarnings(db: Db, scope: Scope, query: Omit<WarningsQuery, 'limit' | 'offset'>): Promise<{ filename: string; body: Buffer }> {
  let until = '';
  const items = await collect(async (offset) => {
    const page = await listWarnings(db, scope, { ...query, limit: PAGE, offset });
    until = page.until;
    return page;
  });
  const gaps = gapColumns(items.map((item) => ({ unmet: item.failing })));
  const body = await workbook(
    '复核预警',
    [
      { header: '统一社会信用代码', key: 'credit_code', width: 22 },
      { header: '企业名称', key: 'name', width: 30 },
      { header: '区县', key: 'district', width: 12 },
      { header: '称号', key: 'standard', width: 24 },
      { header: '到期（复核）日', key: 'expiry', width: 14 },
      { header: '按复核口径评价', key: 'status', width: 14 },
      { header: '不达标指标及差额', key: 'why', width: 60 },
      ...gaps.columns,
    ],
    items.map((item) => ({
      credit_code: item.credit_code,
      name: item.name,
      district: item.district_name ?? item.district_code ?? '',
      standard: STANDARD_NAMES[item.standard as StandardId],
      expiry: item.expiry_date,
      status: STATUS_LABELS[item.review_status],
      why: describe(item.failing),
      ...gaps.values({ unmet: item.failing }),
    })),
  );
  return { filename: `复核预警_截至${until}.xlsx`, body };
}

export async function exportKeyList(db: Db, scope: Scope, id: number): Promise<{ filename: string; body: Buffer }> {
  const list = await getKeyList(db, scope, id, true);
  const body = await workbook(
    '清单成员',
    [
      { header: '统一社会信用代码', key: 'credit_code', width: 22 },
      { header: '企业名称', key: 'name', width: 30 },
      { header: '区县', key: 'district', width: 12 },
      { header: '加入日期', key: 'added_at', width: 12 },
      { header: '加入理由', key: 'add_reason', width: 30 },
      { header: '加入时评价结果', key: 'added_status', width: 14 },
      { header: '加入时未达标指标数（项）', key: 'added_unmet', width: 22 },
      { header: '最新评价结果', key: 'current_status', width: 14 },
      { header: '最新未达标指标数（项）', key: 'current_unmet', width: 22 },
      { header: '变化', key: 'movement', width: 12 },
      { header: '移出日期', key: 'removed_at', width: 12 },
      { header: '移出理由', key: 'remove_reason', width: 30 },
    ],
    list.items.map((m) => ({
      credit_code: m.credit_code,
      name: m.name,
      district: m.district_name ?? m.district_code ?? '',
      added_at: m.added_at.slice(0, 10),
      add_reason: m.add_reason,
      added_status: m.added_status ? STATUS_LABELS[m.added_status] : '',
      added_unmet: m.added_unmet,
      current_status: m.current_status ? STATUS_LABELS[m.current_status] : '',
      current_unmet: m.current_unmet,
      movement: MOVEMENT_LABELS[m.movement],
      removed_at: m.removed_at ? m.removed_at.slice(0, 10) : '',
      remove_reason: m.remove_reason ?? '',
    })),
  );
  return { filename: `${list.name}.xlsx`, body };
}
