import dayjs from 'dayjs';

const amountFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function isKnown<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** 9400 → "9,400"; amounts stay in the unit they come in (万元 for money). */
export function formatNumber(value: number): string {
  return amountFormat.format(value);
}

export function formatPercent(value: number): string {
  return `${value.toFixed(2)}%`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm') : value;
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

interface BandLike {
  min?: number;
  max?: number;
  exclusive?: boolean;
  points: number;
  points_max?: number;
}

function isBand(value: unknown): value is BandLike {
  return typeof value === 'object' && value !== null && 'points' in value;
}

function formatBand(band: BandLike): string {
  const points = band.points_max !== undefined ? `${band.points}–${band.points_max}分` : `${band.points}分`;
  if (band.min !== undefined) return `${band.exclusive ? '>' : '≥'}${formatNumber(band.min)}：${points}`;
  if (band.max !== undefined) return `${band.exclusive ? '<' : '≤'}${formatNumber(band.max)}：${points}`;
  return `其他：${points}`;
}

/**
 * A rule value or threshold as text: numbers with separators, booleans as 是/否, scoring bands as
 * "≥5,000：6分；…", lists joined with 、 and maps as "键：值". Unknown (null) is left to the caller.
 */
export function formatRuleValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every(isBand)) return value.map(formatBand).join('；');
    return value.map((item) => (item === null || item === undefined ? '—' : formatRuleValue(item))).join('、');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) => `${key}：${item === null || item === undefined ? '—' : formatRuleValue(item)}`)
      .join('；');
  }
  return String(value);
}
