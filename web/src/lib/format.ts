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
