import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { evaluate, type StandardId } from '../../../standards/index.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { readProfiles } from '../../registry/use-cases/read-profiles.ts';
import * as repo from '../repository.ts';
import { countedBlocking } from '../explain.ts';
import { STATUS_CODE, STATUS_ORDER } from '../results.ts';
import type { CandidatesQuery, CandidatesResponse } from './candidates.types.ts';
import { completedRun, indexOf, runRef } from './run-context.ts';

/**
 * Enterprises without the title, closest to it first. Each one is re-explained with the engine (the page holds few),
 * so the officer sees which criteria fail and by how much.
 */
export async function listCandidates(db: Db, scope: Scope, query: CandidatesQuery): Promise<CandidatesResponse> {
  const run = await completedRun(db, query.run);
  const k = indexOf(run, query.standard);
  const { rows, total } = await repo.candidates(
    db,
    scope,
    run.id,
    k,
    query.standard,
    {
      district: query.district,
      chain: query.chain,
      industry: query.industry,
      sizeClass: query.size_class,
      maxUnmet: query.max_unmet,
      statuses: query.status ? [STATUS_CODE[query.status]] : [0, 1, 2, 3],
    },
    { limit: query.limit, offset: query.offset },
  );
  const explained = await explainAll(db, scope, rows.map((row) => row.credit_code), run, query.standard);
  const refs = await referenceSets(db);
  return {
    run: runRef(run),
    standard: query.standard,
    total,
    items: rows.map((row, i) => {
      const why = explained.get(row.credit_code);
      return {
        rank: query.offset + i + 1,
        credit_code: row.credit_code,
        name: row.name,
        district_code: row.district_code,
        district_name: row.district_code ? (refs.districts.get(row.district_code)?.name ?? null) : null,
        industry_code: row.industry_code,
        chains: row.chains,
        size_class: row.size_class,
        status: STATUS_ORDER[row.status],
        score: row.score,
        unmet_count: row.unmet,
        distance: row.distance,
        unmet: why?.unmet ?? [],
        unknown: why?.unknown ?? [],
        manual: why?.manual ?? [],
      };
    }),
  };
}

export interface Explained {
  unmet: CandidatesResponse['items'][number]['unmet'];
  unknown: { id: string; name: string }[];
  manual: { id: string; name: string }[];
}

/** The blocking criteria of each enterprise for one standard, evaluated as the run did. */
export async function explainAll(
  db: Db,
  scope: Scope,
  creditCodes: string[],
  run: { as_of: string; application: 'new' | 're_review' },
  standard: StandardId,
): Promise<Map<string, Explained>> {
  const out = new Map<string, Explained>();
  if (creditCodes.length === 0) return out;
  for await (const batch of readProfiles(db, scope, { creditCodes, batchSize: creditCodes.length })) {
    const evaluation = evaluate(batch.profiles, { asOf: run.as_of, application: run.application, standards: [standard] });
    for (const result of evaluation.results) {
      const blocking = countedBlocking(result.standards[standard]!);
      out.set(result.credit_code, {
        unmet: blocking.unmet.map((c) => ({ id: c.id, name: c.name, gap: c.gap, unit: c.unit, value: c.value, threshold: c.threshold })),
        unknown: blocking.unknown.map((c) => ({ id: c.id, name: c.name })),
        manual: blocking.manual.map((c) => ({ id: c.id, name: c.name })),
      });
    }
  }
  return out;
}
