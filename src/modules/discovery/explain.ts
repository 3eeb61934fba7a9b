import type { CriterionResult, StandardResult } from '../../standards/index.ts';

const PATH_RANK: Record<string, number> = { met: 0, not_applicable: 0, manual: 1, unknown: 2, unmet: 3 };

export interface Blocking {
  unmet: CriterionResult[];
  unknown: CriterionResult[];
  manual: CriterionResult[];
}

/** Criteria sorted by what keeps them from holding (met and not applicable ones are left out). */
function blocking(criteria: readonly CriterionResult[]): Blocking {
  return {
    unmet: criteria.filter((c) => c.status === 'unmet'),
    unknown: criteria.filter((c) => c.status === 'unknown'),
    manual: criteria.filter((c) => c.status === 'manual'),
  };
}

/** The criteria of each alternative group (any_of), path by path, in rule order. */
function alternativePaths(result: StandardResult): Map<string, CriterionResult[][]> {
  const groups = new Map<string, Map<string, CriterionResult[]>>();
  for (const criterion of result.criteria) {
    if (criterion.scorecard || !criterion.any_of) continue;
    let paths = groups.get(criterion.any_of);
    if (!paths) groups.set(criterion.any_of, (paths = new Map()));
    const key = criterion.path ?? criterion.id;
    const path = paths.get(key);
    if (path) path.push(criterion);
    else paths.set(key, [criterion]);
  }
  return new Map([...groups].map(([group, paths]) => [group, [...paths.values()]]));
}

/** A path's standing: its worst criterion (unmet, else unknown, else manual, else met). */
const pathRank = (path: readonly CriterionResult[]) => Math.max(...path.map((c) => PATH_RANK[c.status]));

/**
 * The criteria that keep a standard from passing: those outside alternatives, and those of alternative groups
 * (any_of) where no path is met. Scorecard indicators are left out: their score criterion speaks for them.
 */
export function blockingCriteria(result: StandardResult): Blocking {
  const metGroups = new Set([...alternativePaths(result)].filter(([, paths]) => paths.some((path) => pathRank(path) === 0)).map(([group]) => group));
  return blocking(result.criteria.filter((c) => !c.scorecard && !(c.any_of && metGroups.has(c.any_of))));
}

/**
 * The blocking criteria as the engine counts them (a standard's unmet count): each unmet criterion outside
 * alternatives, and for an alternative group (any_of) whose every path is unmet, the unmet criteria of its closest
 * path (fewest unmet, the first of equals) — the group is one unmet item. A group with a path still unknown or
 * awaiting a reviewer is not unmet: its unknown (else manual) criteria are listed instead of the unmet ones of its
 * other paths. This is what an officer reads beside the count; the planner (promotion.ts) keeps every path.
 */
export function countedBlocking(result: StandardResult): Blocking {
  const out = blocking(result.criteria.filter((c) => !c.scorecard && !c.any_of));
  for (const members of alternativePaths(result).values()) {
    const pathStatus = members.map(pathRank);
    if (pathStatus.includes(0)) continue;
    const of = (status: CriterionResult['status']) => members.flatMap((path) => path.filter((c) => c.status === status));
    if (pathStatus.every((rank) => rank === 3)) {
      const unmetCounts = members.map((path) => path.filter((c) => c.status === 'unmet').length);
      const closest = unmetCounts.indexOf(Math.min(...unmetCounts));
      out.unmet.push(...members[closest].filter((c) => c.status === 'unmet'));
    } else if (pathStatus.includes(2)) out.unknown.push(...of('unknown'));
    else out.manual.push(...of('manual'));
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
