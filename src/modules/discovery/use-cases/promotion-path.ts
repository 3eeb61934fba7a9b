import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import type { Scope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import { promotionPath } from '../promotion.ts';
import { LADDER } from './funnel.ts';
import type { PromotionQuery, PromotionResponse } from './gaps.types.ts';

/** The first rung of the ladder above tier 1 whose title the enterprise does not hold on the date. */
export function nextTier(profile: Record<string, unknown>, asOf: string): StandardId {
  const held = new Set(
    ((profile.qualifications as { title?: string; issue_date?: string | null; expiry_date?: string | null }[] | null) ?? [])
      .filter((q) => (q.issue_date ?? '0000') <= asOf && (q.expiry_date ?? '9999') >= asOf)
      .map((q) => q.title),
  );
  if (held.has('tech_innovative_sme')) held.add('innovative_sme');
  const rungs = LADDER.filter((id) => id !== 'tech_sme' && id !== 'tech_innovative_sme' && id !== 'cq_single_champion');
  return rungs.find((id) => !held.has(id)) ?? 'single_champion';
}

/** For an enterprise in scope: the changes with the least relative effort that would make it pass the target standard. */
export async function getPromotionPath(db: Db, scope: Scope, creditCode: string, query: PromotionQuery): Promise<PromotionResponse> {
  const profile = await getProfile(db, scope, creditCode);
  const asOf = query.as_of ?? todayIso();
  const standard = query.standard ?? nextTier(profile, asOf);
  return { credit_code: creditCode, ...promotionPath(profile, standard, asOf, query.application) };
}
