import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import * as repo from '../repository.ts';
import type { FunnelQuery, FunnelResponse } from './funnel.types.ts';
import { completedRun, runRef } from './run-context.ts';

/** The ladder of 2024 reform and 2025 plan item 9, from the broad base to the top. */
export const LADDER: readonly StandardId[] = ['tech_sme', 'innovative_sme', 'tech_innovative_sme', 'specialized_sme', 'little_giant', 'cq_single_champion', 'single_champion'];

/** Per tier, within the caller's scope: holders, qualifying enterprises, those qualifying without the title, one criterion short. */
export async function getFunnel(db: Db, scope: Scope, query: FunnelQuery): Promise<FunnelResponse> {
  const run = await completedRun(db, query.run);
  const rows = await repo.funnel(db, scope, run.id, run.standards.length, { district: query.district, chain: query.chain, industry: query.industry, sizeClass: query.size_class });
  const tiers = rows.map((row) => {
    const standard = run.standards[row.k - 1] as StandardId;
    return {
      standard,
      name: STANDARD_NAMES[standard] ?? standard,
      ladder: LADDER.includes(standard),
      held: row.held,
      qualified: row.qualified,
      qualified_not_held: row.qualified_not_held,
      one_short: row.one_short,
      insufficient_data: row.insufficient,
      manual_review: row.manual,
    };
  });
  const order = (id: StandardId) => (LADDER.includes(id) ? LADDER.indexOf(id) : LADDER.length);
  tiers.sort((a, b) => order(a.standard) - order(b.standard));
  return { run: runRef(run), enterprises: rows[0]?.total ?? 0, tiers };
}
