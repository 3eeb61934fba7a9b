import { randomInt } from 'node:crypto';

/** A uniform integer in [0, bound): crypto.randomInt in production, a seeded source in tests if ever needed. */
export type RandomIndex = (bound: number) => number;
export const cryptoRandom: RandomIndex = (bound) => randomInt(bound);

export interface PoolExpert {
  id: number;
  district_code: string;
  conflicts: readonly string[];
}

export interface ReviewTask {
  application_id: number;
  credit_code: string;
  district_code: string;
  /** Experts already on this application (a second assignment round tops it up). */
  assigned: readonly number[];
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: RandomIndex = cryptoRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The first 随机: a panel of `size` experts drawn at random from the active pool. */
export function drawPanel<T>(pool: readonly T[], size: number, random: RandomIndex = cryptoRandom): T[] {
  return shuffle(pool, random).slice(0, size);
}

export function isEligible(expert: PoolExpert, task: Pick<ReviewTask, 'credit_code' | 'district_code'>): boolean {
  return expert.district_code !== task.district_code && !expert.conflicts.includes(task.credit_code);
}

export type AssignmentPlan = { application_id: number; expert_ids: number[] }[];

/**
 * The second 随机: each application gets `perApplication` panel experts, at random among those eligible
 * (not of the applicant's district, no declared conflict). Applications are taken in random order and
 * ties in workload are broken at random, so the load stays even without making the choice predictable.
 * Returns the plan, or the applications that lack enough eligible experts.
 */
export function assignExperts(
  tasks: readonly ReviewTask[],
  panel: readonly PoolExpert[],
  perApplication: number,
  random: RandomIndex = cryptoRandom,
): { plan: AssignmentPlan; short: { application_id: number; eligible: number }[] } {
  const load = new Map(panel.map((expert) => [expert.id, 0]));
  const plan: AssignmentPlan = [];
  const short: { application_id: number; eligible: number }[] = [];
  for (const task of shuffle(tasks, random)) {
    const needed = perApplication - task.assigned.length;
    if (needed <= 0) continue;
    const eligible = panel.filter((expert) => isEligible(expert, task) && !task.assigned.includes(expert.id));
    if (eligible.length < needed) {
      short.push({ application_id: task.application_id, eligible: eligible.length + task.assigned.length });
      continue;
    }
    const chosen = shuffle(eligible, random)
      .map((expert, order) => ({ expert, order }))
      .sort((a, b) => load.get(a.expert.id)! - load.get(b.expert.id)! || a.order - b.order)
      .slice(0, needed)
      .map(({ expert }) => expert.id);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    plan.push({ application_id: task.application_id, expert_ids: chosen });
  }
  return { plan, short };
}

/**
 * Independent scores combined: the mean; with five or more scores the highest and the lowest are
 * dropped first (the usual 去掉一个最高分和一个最低分), so one outlier cannot carry the result.
 */
export function aggregateScores(scores: readonly number[]): { count: number; mean: number | null; method: string } {
  if (scores.length === 0) return { count: 0, mean: null, method: '尚无评分' };
  const sorted = [...scores].sort((a, b) => a - b);
  const trimmed = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const mean = Math.round((trimmed.reduce((sum, value) => sum + value, 0) / trimmed.length) * 100) / 100;
  return { count: scores.length, mean, method: sorted.length >= 5 ? '去掉一个最高分和一个最低分后取平均' : '算术平均' };
}
