import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import type { CountCache } from '../count-cache.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayIso } from '../../../platform/dates.ts';
import { titlesHeldOn } from '../listing-columns.ts';
import { referenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';
import type { ListEnterprisesQuery, ListEnterprisesResponse } from './list-enterprises.types.ts';

function encodeCursor(value: string | number | null, creditCode: string): string {
  return Buffer.from(JSON.stringify([value, creditCode])).toString('base64url');
}

function decodeCursor(cursor: string): repo.Page['after'] {
  try {
    const [value, creditCode] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof creditCode !== 'string' || !(value === null || typeof value === 'string' || typeof value === 'number')) throw new Error();
    return { value, creditCode };
  } catch {
    throw new AppError('INVALID_CURSOR', '分页游标无效，请从第一页重新查询');
  }
}

/** Registry listing with keyset pagination: deep pages cost what the first one costs. */
export async function listEnterprises(
  db: Db,
  scope: Scope,
  query: ListEnterprisesQuery,
  options: { today?: string; countCache?: CountCache<number> } = {},
): Promise<ListEnterprisesResponse> {
  const today = options.today ?? todayIso();
  const refs = await referenceSets(db);
  const filter: repo.ListFilter = {
    district: query.district,
    industry: query.industry,
    chain: query.chain,
    sizeClass: query.size_class,
    title: query.title,
    text: query.q?.trim() || undefined,
    today,
  };
  const page: repo.Page = {
    sort: query.sort,
    order: query.order,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : null,
  };
  const [rows, total] = await Promise.all([
    repo.listEnterprises(db, scope, filter, page),
    query.with_total === 'true'
      ? options.countCache
        ? options.countCache.get(JSON.stringify([scope, filter]), () => repo.countEnterprises(db, scope, filter))
        : repo.countEnterprises(db, scope, filter)
      : Promise.resolve(null),
  ]);
  const hasMore = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      credit_code: row.credit_code,
      name: row.name,
      district_code: row.district_code,
      district_name: row.district_name,
      industry_code: row.industry_code,
      industry_name: row.industry_name,
      chains: row.chains.map((id) => ({ id, name: refs.chains.get(id)?.name ?? id })),
      size_class: row.size_class as ListEnterprisesResponse['items'][number]['size_class'],
      registration_date: row.registration_date,
      is_listed: row.is_listed,
      titles: titlesHeldOn(row.title_terms, today),
      summary_year: row.summary_year,
      operating_revenue: row.summary_operating_revenue,
      rd_expense: row.summary_rd_expense,
      employees: row.summary_employees,
    })),
    next_cursor: hasMore && last ? encodeCursor(last.sort_value, last.credit_code) : null,
    total,
  };
}
