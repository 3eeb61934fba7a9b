import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import * as repo from '../repository.ts';
import { STATUS_ORDER } from '../results.ts';
import type { DiffQuery, DiffResponse } from './diff-runs.types.ts';
import { completedRun, runRef } from './run-context.ts';

/** What changed between two runs (by default the latest and the one before it): per standard, district and chain, and per enterprise. */
export async function diffRuns(db: Db, scope: Scope, query: Omit<DiffQuery, 'limit' | 'offset'> & { limit: number; offset: number }): Promise<DiffResponse> {
  const to = await completedRun(db, query.to);
  const from = query.from ? await completedRun(db, query.from) : (await repo.latestCompletedRuns(db, null, 2)).find((run) => run.id < to.id);
  if (!from) return { from_run: null, to_run: runRef(to), summary: [], by_district: [], by_chain: [], items: [], total: 0 };
  const pairs = to.standards.map((standard, i) => {
    const k = from.standards.indexOf(standard);
    return { standard, from: k < 0 ? null : k + 1, to: i + 1 };
  });
  const filter: repo.DiffFilter = { district: query.district, chain: query.chain, industry: query.industry, sizeClass: query.size_class, standard: query.standard, change: query.change };
  const [page, summary, byDistrict, byChain, refs] = await Promise.all([
    repo.diffRows(db, scope, from.id, to.id, pairs, filter, { limit: query.limit, offset: query.offset }),
    repo.diffSummary(db, scope, from.id, to.id, pairs, filter, 'none'),
    repo.diffSummary(db, scope, from.id, to.id, pairs, filter, 'district'),
    repo.diffSummary(db, scope, from.id, to.id, pairs, filter, 'chain'),
    referenceSets(db),
  ]);
  const counts = (row: repo.DiffSummaryRow) => ({ newly_qualified: row.newly_qualified, no_longer_qualified: row.no_longer_qualified, changed: row.changed });
  return {
    from_run: runRef(from),
    to_run: runRef(to),
    summary: summary.map((row) => ({ standard: row.standard as StandardId, ...counts(row) })),
    by_district: byDistrict.map((row) => ({
      standard: row.standard as StandardId,
      district_code: row.group_key,
      district_name: row.group_key ? (refs.districts.get(row.group_key)?.name ?? null) : null,
      ...counts(row),
    })),
    by_chain: byChain.map((row) => ({
      standard: row.standard as StandardId,
      chain: row.group_key,
      chain_name: row.group_key ? (refs.chains.get(row.group_key)?.name ?? null) : null,
      ...counts(row),
    })),
    items: page.rows.map((row) => ({
      credit_code: row.credit_code,
      name: row.name,
      district_code: row.district_code,
      district_name: row.district_code ? (refs.districts.get(row.district_code)?.name ?? null) : null,
      chains: row.chains,
      standard: row.standard as StandardId,
      before: row.before === null ? null : STATUS_ORDER[row.before],
      after: STATUS_ORDER[row.after],
    })),
    total: page.total,
  };
}
