import type { CriterionResult, StandardResult } from '../../standards/index.ts';

export interface Blocking {
  unmet: CriterionResult[];
  unknown: CriterionResult[];
  manual: CriterionResult[];
}

/**
 * The criteria that keep a standard from passing: those outside alternatives, and those of alternative groups
 * (any_of) where no member is met. Scorecard indicators are left out: their score criterion speaks for them.
 */
export function blockingCriteria(result: StandardResult): Blocking {
  const metGroups = new Set<string>();
  for (const criterion of result.criteria) if (criterion.any_of && criterion.status === 'met') metGroups.add(criterion.any_of);
  const out: Blocking = { unmet: [], unknown: [], manual: [] };
  for (const criterion of result.criteria) {
    if (criterion.scorecard || (criterion.any_of && metGroups.has(criterion.any_of))) continue;
    if (criterion.status === 'unmet') out.unmet.push(criterion);
    else if (criterion.status === 'unknown') out.unknown.push(criterion);
    else if (criterion.status === 'manual') out.manual.push(criterion);
  }
  return out;
}

/** "研发费用占比 差 0.5 %" — a gap in words for lists and spreadsheets. */
export function describeGap(criterion: CriterionResult): string {
  if (criterion.gap === null) return criterion.name;
  return `${criterion.name}：差 ${formatAmount(criterion.gap)}${criterion.unit ? ` ${criterion.unit}` : ''}`;
}

export function formatAmount(value: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}
