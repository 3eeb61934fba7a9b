import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { addMonths } from '../dates.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import * as repo from '../repository.ts';
import { STATUS_ORDER } from '../results.ts';
import { explainAll } from './candidates.ts';
import { completedRun, runRef } from './run-context.ts';
import type { WarningsQuery, WarningsResponse } from './warnings.types.ts';

/** Titles whose expiry (re-review) falls within the months after the run's date and that would not pass a re-review now. */
export async function listWarnings(db: Db, scope: Scope, query: WarningsQuery): Promise<WarningsResponse> {
  const run = await completedRun(db, query.run);
  const until = addMonths(run.as_of, query.months);
  const { rows, total } = await repo.warnings(
    db,
    scope,
    run.id,
    run.standards,
    until,
    {
      district: query.district,
      chain: query.chain,
      industry: query.industry,
      sizeClass: query.size_class,
      standard: query.standard,
      statuses: query.include_insufficient === 'true' ? [1, 2] : [1],
    },
    { limit: query.limit, offset: query.offset },
  );
  const byStandard = new Map<StandardId, string[]>();
  for (const row of rows) byStandard.set(row.standard as StandardId, [...(byStandard.get(row.standard as StandardId) ?? []), row.credit_code]);
  const explained = new Map<string, Awaited<ReturnType<typeof explainAll>>>();
  for (const [standard, codes] of byStandard) explained.set(standard, await explainAll(db, scope, codes, { as_of: run.as_of, application: 're_review' }, standard));
  const refs = await referenceSets(db);
  return {
    run: runRef(run),
    until,
    total,
    items: rows.map((row) => {
      const why = explained.get(row.standard)?.get(row.credit_code);
      return {
        credit_code: row.credit_code,
        name: row.name,
        district_code: row.district_code,
        district_name: row.district_code ? (refs.districts.get(row.district_code)?.name ?? null) : null,
        standard: row.standard as StandardId,
        expiry_date: row.expiry,
        review_status: STATUS_ORDER[row.review],
        failing: why?.unmet ?? [],
        unknown: why?.unknown ?? [],
      };
    }),
  };
}
