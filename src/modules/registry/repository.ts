import type { Queryable } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeAllows, scopeCondition, type Scope } from '../../platform/scope.ts';
import { ENTERPRISE_COLUMNS, YEAR_FIELDS, type ListKey } from './profile-fields.ts';

/** The registry slice's only SQL. */

export interface ChangeSetInput {
  source: string;
  sourceRef: string | null;
  actor: string;
  actorRole: string | null;
  note?: string | null;
}

export interface ChangeSetRow {
  id: number;
  source: string;
  source_ref: string | null;
  actor: string;
  actor_role: string | null;
  created_at: Date;
}

export type EnterpriseRow = Record<(typeof ENTERPRISE_COLUMNS)[number], unknown> & {
  credit_code: string;
  details: Record<string, unknown>;
  lists: Partial<Record<ListKey, unknown[]>>;
  size_class: string | null;
  titles: string[];
  created_change_set: number;
  change_set_id: number;
  version: number;
  updated_at: Date;
};
export type YearRow = Record<(typeof YEAR_FIELDS)[number], number | null> & {
  fiscal_year: number;
  created_change_set: number;
  change_set_id: number;
};

export interface StoredEnterprise {
  enterprise: EnterpriseRow;
  years: YearRow[];
}

export async function insertChangeSet(q: Queryable, input: ChangeSetInput): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into platform.change_set (source, source_ref, actor, actor_role, note) values ($1, $2, $3, $4, $5) returning id`,
    [input.source, input.sourceRef, input.actor, input.actorRole, input.note ?? null],
  );
  return row.id;
}

export const outOfScope = (creditCode: string) =>
  new AppError('FORBIDDEN', `您无权访问企业“${creditCode}”：该企业不在您的管辖或服务范围内`, { credit_code: creditCode });

const storedColumns = ['credit_code', ...ENTERPRISE_COLUMNS, 'details', 'lists', 'size_class', 'titles', 'created_change_set', 'change_set_id', 'version', 'updated_at']
  .map((column) => `e.${column}`)
  .join(', ');

/** An enterprise inside the caller's scope, null when there is none, FORBIDDEN when it is someone else's. */
export async function loadEnterprise(q: Queryable, scope: Scope, creditCode: string, options: { forUpdate?: boolean } = {}): Promise<StoredEnterprise | null> {
  if (options.forUpdate) {
    // The years are read after the lock is held, by a statement of their own: its snapshot sees any write that went first.
    const [enterprise] = await q.query<EnterpriseRow>(`select ${storedColumns} from registry.enterprise e where e.credit_code = $1 for update`, [creditCode]);
    if (!enterprise) return null;
    if (!scopeAllows(scope, enterprise as { district_code: string | null; credit_code: string })) throw outOfScope(creditCode);
    const years = await q.query<YearRow>(`select * from registry.enterprise_year where credit_code = $1 order by fiscal_year`, [creditCode]);
    return { enterprise, years };
  }
  // A read takes one round trip: the years come along as JSON.
  const [row] = await q.query<EnterpriseRow & { stored_years: YearRow[] | null }>(
    `select ${storedColumns},
       (select json_agg(y order by y.fiscal_year) from registry.enterprise_year y where y.credit_code = e.credit_code) as stored_years
     from registry.enterprise e where e.credit_code = $1`,
    [creditCode],
  );
  if (!row) return null;
  if (!scopeAllows(scope, row as { district_code: string | null; credit_code: string })) throw outOfScope(creditCode);
  const { stored_years: years, ...enterprise } = row;
  return { enterprise: enterprise as EnterpriseRow, years: years ?? [] };
}

export interface EnterpriseWrite {
  columns: Record<(typeof ENTERPRISE_COLUMNS)[number], unknown>;
  details: Record<string, unknown>;
  lists: Partial<Record<ListKey, unknown[]>>;
  sizeClass: string | null;
  titles: string[];
  /** The titled qualifications as `title|issue|expiry` (see listing-columns.ts). */
  titleTerms: string[];
  summary: { year: number | null; operatingRevenue: number | null; rdExpense: number | null; employees: number | null };
}

const enterpriseColumnList = [...ENTERPRISE_COLUMNS, 'details', 'lists', 'size_class', 'titles', 'title_terms', 'summary_year', 'summary_operating_revenue', 'summary_rd_expense', 'summary_employees'];

function enterpriseValues(write: EnterpriseWrite): unknown[] {
  return [
    ...ENTERPRISE_COLUMNS.map((column) => write.columns[column]),
    JSON.stringify(write.details),
    JSON.stringify(write.lists),
    write.sizeClass,
    write.titles,
    write.titleTerms,
    write.summary.year,
    write.summary.operatingRevenue,
    write.summary.rdExpense,
    write.summary.employees,
  ];
}

export async function insertEnterprise(q: Queryable, creditCode: string, write: EnterpriseWrite, changeSetId: number): Promise<void> {
  const columns = ['credit_code', ...enterpriseColumnList, 'created_change_set', 'change_set_id'];
  const placeholders = columns.map((_, index) => `$${index + 1}`);
  await q.query(`insert into registry.enterprise (${columns.join(', ')}) values (${placeholders.join(', ')})`, [
    creditCode,
    ...enterpriseValues(write),
    changeSetId,
    changeSetId,
  ]);
}

export async function updateEnterprise(q: Queryable, creditCode: string, write: EnterpriseWrite, changeSetId: number): Promise<number> {
  const assignments = enterpriseColumnList.map((column, index) => `${column} = $${index + 2}`);
  const values = enterpriseValues(write);
  const [row] = await q.query<{ version: number }>(
    `update registry.enterprise set ${assignments.join(', ')}, change_set_id = $${values.length + 2}, version = version + 1, updated_at = now()
     where credit_code = $1 returning version`,
    [creditCode, ...values, changeSetId],
  );
  return row.version;
}

export async function upsertYear(q: Queryable, creditCode: string, fiscalYear: number, values: Record<string, number | null>, changeSetId: number): Promise<void> {
  const columns = YEAR_FIELDS as readonly string[];
  const params = [creditCode, fiscalYear, ...columns.map((field) => values[field] ?? null), changeSetId];
  await q.query(
    `insert into registry.enterprise_year (credit_code, fiscal_year, ${columns.join(', ')}, created_change_set, change_set_id)
     values ($1, $2, ${columns.map((_, index) => `$${index + 3}`).join(', ')}, $${params.length}, $${params.length})
     on conflict (credit_code, fiscal_year) do update set
       ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}, change_set_id = excluded.change_set_id`,
    params,
  );
}

export async function deleteYear(q: Queryable, creditCode: string, fiscalYear: number): Promise<void> {
  await q.query(`delete from registry.enterprise_year where credit_code = $1 and fiscal_year = $2`, [creditCode, fiscalYear]);
}

export interface RevisionInput {
  entity: string;
  before: unknown;
  after: unknown;
}

export async function insertRevisions(q: Queryable, creditCode: string, changeSetId: number, revisions: RevisionInput[]): Promise<void> {
  if (revisions.length === 0) return;
  await q.query(
    `insert into registry.revision (credit_code, change_set_id, entity, before, after)
     select $1, $2, entity, before, after from unnest($3::text[], $4::jsonb[], $5::jsonb[]) as r(entity, before, after)`,
    [creditCode, changeSetId, revisions.map((r) => r.entity), revisions.map((r) => JSON.stringify(r.before)), revisions.map((r) => JSON.stringify(r.after))],
  );
}

export interface RevisionRow {
  id: number;
  entity: string;
  before: Record<string, unknown> | unknown[] | null;
  after: Record<string, unknown> | unknown[] | null;
  change_set_id: number;
}

/** Revisions of an enterprise already read through its scope. */
export async function loadRevisions(q: Queryable, stored: StoredEnterprise): Promise<RevisionRow[]> {
  return q.query<RevisionRow>(
    `select id, entity, before, after, change_set_id from registry.revision where credit_code = $1 order by id desc`,
    [stored.enterprise.credit_code],
  );
}

/**
 * What a portrait's provenance needs in one round trip: the enterprise's revisions (newest first, without their old
 * values) and every change set they or the rows' creation name.
 */
export async function loadProvenance(q: Queryable, stored: StoredEnterprise): Promise<{ revisions: Omit<RevisionRow, 'before'>[]; changeSets: Map<number, ChangeSetRow> }> {
  const created = [stored.enterprise.created_change_set, ...stored.years.map((row) => row.created_change_set)];
  const [row] = await q.query<{ revisions: Omit<RevisionRow, 'before'>[] | null; change_sets: (Omit<ChangeSetRow, 'created_at'> & { created_at: string })[] | null }>(
    `with revisions as (select id, entity, after, change_set_id from registry.revision where credit_code = $1)
     select (select json_agg(r order by r.id desc) from revisions r) as revisions,
            (select json_agg(json_build_object('id', c.id, 'source', c.source, 'source_ref', c.source_ref, 'actor', c.actor,
                                               'actor_role', c.actor_role, 'created_at', c.created_at))
               from platform.change_set c
              where c.id = any($2::bigint[]) or c.id in (select change_set_id from revisions)) as change_sets`,
    [stored.enterprise.credit_code, [...new Set(created.map(Number))]],
  );
  const changeSets = new Map((row.change_sets ?? []).map((c) => [Number(c.id), { ...c, id: Number(c.id), created_at: new Date(c.created_at) }]));
  return { revisions: row.revisions ?? [], changeSets };
}

export async function loadChangeSets(q: Queryable, ids: number[]): Promise<Map<number, ChangeSetRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<ChangeSetRow>(
    `select id, source, source_ref, actor, actor_role, created_at from platform.change_set where id = any($1::bigint[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [Number(row.id), { ...row, id: Number(row.id) }]));
}

// ---------------------------------------------------------------- reference data

export interface DistrictRow {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  region_group: string;
  gb2260_code: string | null;
}
export interface ChainRow {
  id: string;
  name: string;
  sector_id: string;
  sector_name: string;
  industry_codes: string[];
}
export interface IndustryRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  is_manufacturing: boolean;
}

export const listDistricts = (q: Queryable) =>
  q.query<DistrictRow>(`select code, name, short_name, kind, region_group, gb2260_code from ref.district order by sort_order`);
export const listChains = (q: Queryable) =>
  q.query<ChainRow>(`select id, name, sector_id, sector_name, industry_codes from ref.chain order by seq`);
export const listIndustries = (q: Queryable) =>
  q.query<IndustryRow>(`select code, name, level, parent_code, is_manufacturing from ref.industry order by code`);
export async function loadDocument(q: Queryable, name: string): Promise<unknown> {
  const [row] = await q.query<{ body: unknown }>(`select body from ref.document where name = $1`, [name]);
  return row?.body ?? null;
}

// ---------------------------------------------------------------- listing

export interface ListFilter {
  district?: string;
  industry?: string;
  chain?: string;
  sizeClass?: string;
  title?: string;
  text?: string;
  today: string;
}

export type SortKey = 'name' | 'credit_code' | 'registration_date' | 'operating_revenue';
const SORT_COLUMNS: Record<SortKey, { column: string; cast: string; nullable: boolean; unindexed: string }> = {
  name: { column: 'e.name', cast: 'text', nullable: false, unindexed: "(e.name || '')" },
  credit_code: { column: 'e.credit_code', cast: 'text', nullable: false, unindexed: "(e.credit_code || '')" },
  registration_date: { column: 'e.registration_date', cast: 'date', nullable: true, unindexed: '(e.registration_date + 0)' },
  operating_revenue: { column: 'e.summary_operating_revenue', cast: 'numeric', nullable: true, unindexed: '(e.summary_operating_revenue + 0)' },
};

export interface Page {
  sort: SortKey;
  order: 'asc' | 'desc';
  limit: number;
  after: { value: string | number | null; creditCode: string } | null;
}

export interface ListedEnterprise {
  credit_code: string;
  name: string;
  district_code: string | null;
  district_name: string | null;
  industry_code: string | null;
  industry_name: string | null;
  chains: string[];
  size_class: string | null;
  registration_date: string | null;
  is_listed: boolean | null;
  summary_year: number | null;
  summary_operating_revenue: number | null;
  summary_rd_expense: number | null;
  summary_employees: number | null;
  title_terms: string[];
  sort_value: string | number | null;
}

function filterSql(scope: Scope, filter: ListFilter, params: unknown[], options: { nameOutside?: boolean } = {}): string[] {
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!scope.all) where.push(scopeCondition(scope, 'e', params));
  if (filter.district) where.push(`e.district_code = ${add(filter.district)}`);
  if (filter.industry) where.push(`e.industry_code like ${add(`${filter.industry.replace(/[^0-9]/g, '')}%`)}`);
  // A chain or title id in the text (ids are reference data, checked here as such): a prepared statement's generic plan
  // then still finds the chain's or title's own partial index (0015_chain_indexes.ts, 0064_title_indexes.ts).
  const idInText = (id: string) => (REFERENCE_ID.test(id) ? `'${id}'` : add(id));
  if (filter.chain) where.push(`e.chains @> array[${idInText(filter.chain)}]::text[]`);
  if (filter.sizeClass) where.push(`e.size_class = ${add(filter.sizeClass)}`);
  if (filter.title) {
    const title = idInText(filter.title);
    const today = add(filter.today);
    where.push(`e.titles @> array[${title}]::text[] and exists (
      select 1 from unnest(e.title_terms) t
      where split_part(t, '|', 1) = ${title} and ${termHeldOn('t', today)})`);
  }
  if (filter.text && !(options.nameOutside && nameKeyword(filter.text))) {
    const text = filter.text.trim();
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    if (CREDIT_CODE_PREFIX.test(text)) {
      where.push(`e.credit_code like ${add(`${escaped.toUpperCase()}%`)}`);
    } else if ([...text].length < 2) {
      where.push(`e.name like ${add(`%${escaped}%`)}`);
    } else {
      where.push(`(e.name_pairs @> registry.character_pairs(${add(text)}) and e.name like ${add(`%${escaped}%`)})`);
    }
  }
  return where;
}

const CREDIT_CODE_PREFIX = /^[0-9A-Za-z]{2,18}$/;
/** A search text that is a name keyword rather than the start of a credit code. */
const nameKeyword = (text: string) => !CREDIT_CODE_PREFIX.test(text.trim());
const likePattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** How many names the first try of a keyword search reads in credit-code order before it turns to the index. */
const NAME_WALK = 2000;

/** SQL: the title term `term` (title|issue|expiry, see titleTerms) is in force on `day`, as titlesHeldOn tells it. */
const termHeldOn = (term: string, day: string) => `split_part(${term}, '|', 2) <= ${day} and split_part(${term}, '|', 3) >= ${day}`;

/** The shape of the reference data's chain and title ids (also the shape their partial indexes' names rely on). */
const REFERENCE_ID = /^[a-z0-9_]{1,40}$/;

/**
 * A page's row limit written into the statement, not passed as a parameter: knowing it, PostgreSQL's generic plan for
 * the prepared statement costs what the custom ones do, and after five executions it stops planning each request
 * (a third of the database's work on a registry page). Page sizes are few, so the texts stay few.
 */
function limitLiteral(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`invalid page limit: ${limit}`);
  return String(limit);
}

export async function countEnterprises(q: Queryable, scope: Scope, filter: ListFilter): Promise<number> {
  const params: unknown[] = [];
  const where = filterSql(scope, filter, params);
  const [row] = await q.query<{ total: number }>(
    `select count(*)::int as total from registry.enterprise e ${where.length ? `where ${where.join(' and ')}` : ''}`,
    params,
  );
  return row.total;
}

export async function listEnterprises(q: Queryable, scope: Scope, filter: ListFilter, page: Page): Promise<ListedEnterprise[]> {
  if (filter.text && nameKeyword(filter.text) && page.sort === 'credit_code') {
    // First try: the next names in credit-code order, a bounded window; a full page from it is the right page.
    const walked = await listByName(q, scope, filter, page, 'walk');
    if (walked.length >= page.limit) return walked;
    return listByName(q, scope, filter, page, 'index');
  }
  const params: unknown[] = [];
  const where = filterSql(scope, filter, params);
  const sort = SORT_COLUMNS[page.sort];
  const ascending = page.order === 'asc';
  const comparison = ascending ? '>' : '<';
  if (page.after) {
    params.push(page.after.creditCode);
    const code = `$${params.length}`;
    if (page.after.value === null) {
      where.push(`${sort.column} is null and e.credit_code ${comparison} ${code}`);
    } else {
      params.push(page.after.value);
      const value = `$${params.length}::${sort.cast}`;
      const orNull = sort.nullable ? ` or ${sort.column} is null` : '';
      where.push(`((${sort.column}, e.credit_code) ${comparison} (${value}, ${code})${orNull})`);
    }
  }
  const limit = limitLiteral(page.limit);
  const direction = ascending ? 'asc' : 'desc';
  // With a name keyword the matches come from the name index and are sorted: walking a sort index instead and
  // testing every row takes seconds when the matches sit together (a district's name in its own enterprises' names).
  const order = filter.text ? sort.unindexed : sort.column;
  const codeOrder = filter.text ? "(e.credit_code || '')" : 'e.credit_code';
  return listedPage(
    q,
    `select ${LISTED_COLUMNS}, ${sort.column} as sort_value
     from registry.enterprise e
     left join ref.district d on d.code = e.district_code
     left join ref.industry i on i.code = e.industry_code
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${order} ${direction} nulls last, ${codeOrder} ${direction}
     limit ${limit}`,
    direction,
    params,
  );
}

/**
 * A page of listing rows as one JSON value: some 800 values a page, each parsed on its own by the driver (arrays by a
 * JavaScript parser), cost the API process more than the rest of the request. Each row is a JSON array, not an
 * object: PostgreSQL builds it in four fifths of the time (0.40 against 0.49 ms a page) and the text has no keys to
 * parse. The aggregate keeps the page's order.
 */
async function listedPage(q: Queryable, page: string, direction: 'asc' | 'desc', params: unknown[]): Promise<ListedEnterprise[]> {
  const [row] = await q.query<{ rows: unknown[][] | null }>(
    `select json_agg(${LISTED_ROW} order by x.sort_value ${direction} nulls last, x.credit_code ${direction}) as rows
     from (${page}) x`,
    params,
  );
  return (row?.rows ?? []).map((values) => {
    const listed: Record<string, unknown> = {};
    for (let index = 0; index < LISTED_KEYS.length; index++) listed[LISTED_KEYS[index]] = values[index];
    return listed as unknown as ListedEnterprise;
  });
}

/**
 * A listing row's keys and the columns they come from. The titles held on the day are told from `title_terms` by the
 * caller (titlesHeldOn): a subquery per row for them was 0.5 ms of a 0.7 ms page query, whether it read `lists` or
 * `title_terms`.
 */
const LISTED = [
  ['credit_code', 'e.credit_code'],
  ['name', 'e.name'],
  ['district_code', 'e.district_code'],
  ['district_name', 'd.name'],
  ['industry_code', 'e.industry_code'],
  ['industry_name', 'i.name'],
  ['chains', 'e.chains'],
  ['size_class', 'e.size_class'],
  ['registration_date', 'e.registration_date'],
  ['is_listed', 'e.is_listed'],
  ['title_terms', 'e.title_terms'],
  ['summary_year', 'e.summary_year'],
  ['summary_operating_revenue', 'e.summary_operating_revenue'],
  ['summary_rd_expense', 'e.summary_rd_expense'],
  ['summary_employees', 'e.summary_employees'],
] as const satisfies readonly (readonly [keyof ListedEnterprise, string])[];
const LISTED_COLUMNS = LISTED.map(([key, column]) => `${column} as ${key}`).join(', ');
/** The page statements add the row's `sort_value` after LISTED_COLUMNS. */
const LISTED_KEYS = [...LISTED.map(([key]) => key), 'sort_value'] as const;
/** SQL: a row of a page's subquery `x` as a JSON array, its values in LISTED_KEYS order. */
const LISTED_ROW = `json_build_array(${LISTED_KEYS.map((key) => `x.${key}`).join(', ')})`;

/**
 * A name keyword in credit-code order, through the narrow registry.name_search: its matches in order (from a
 * window of the next NAME_WALK names, or from the character-pair index, sorted), each joined to its enterprise and
 * kept when the scope and the other filters allow it, until the page is full. Only the page's enterprises are read
 * from the wide table when nothing else filters.
 */
async function listByName(q: Queryable, scope: Scope, filter: ListFilter, page: Page, how: 'walk' | 'index'): Promise<ListedEnterprise[]> {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const direction = page.order === 'asc' ? 'asc' : 'desc';
  const after = page.after ? `n.credit_code ${page.order === 'asc' ? '>' : '<'} ${add(page.after.creditCode)}` : 'true';
  const pattern = add(likePattern(filter.text!));
  const text = filter.text!.trim();
  // The index try sorts by an expression no index gives: the planner, misjudging how many names hold the pairs, would
  // otherwise walk the primary key testing every name — a quarter of a second for a district's name (its enterprises
  // sit together in credit-code order) where the pair index and a top-N sort of the matches take milliseconds.
  const candidates =
    how === 'walk'
      ? `select w.credit_code from (select n.credit_code, n.name from registry.name_search n where ${after}
           order by n.credit_code ${direction} limit ${add(NAME_WALK)}) w where w.name like ${pattern} order by w.credit_code ${direction}`
      : `select n.credit_code from registry.name_search n where ${after} and n.name like ${pattern}${
          [...text].length >= 2 ? ` and registry.character_pairs(n.name) @> registry.character_pairs(${add(text)})` : ''
        } order by (n.credit_code || '') ${direction}`;
  const where = filterSql(scope, filter, params, { nameOutside: true });
  // The limit stays a parameter here, unlike the other pages: a generic plan, blind to the keyword, walks the names in
  // credit-code order testing each (the plan the index try exists to avoid), and PostgreSQL keeps planning these per
  // request only while a generic plan looks dearer.
  params.push(page.limit);
  const limit = `$${params.length}`;
  // With nothing else to filter, the page is the first matches: a top-N sort, and only those rows read from the wide table.
  const onlyName = where.length === 0 ? ` limit ${limit}` : '';
  return listedPage(
    q,
    `select ${LISTED_COLUMNS}, e.credit_code as sort_value
     from (${candidates}${onlyName}) m
     join registry.enterprise e on e.credit_code = m.credit_code
     left join ref.district d on d.code = e.district_code
     left join ref.industry i on i.code = e.industry_code
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by m.credit_code ${direction}
     limit ${limit}`,
    direction,
    params,
  );
}

export async function registryIsEmpty(q: Queryable): Promise<boolean> {
  const rows = await q.query(`select 1 from registry.enterprise limit 1`);
  return rows.length === 0;
}

// ---------------------------------------------------------------- bulk reading for evaluation runs

export interface ProfileRow extends Record<(typeof ENTERPRISE_COLUMNS)[number], unknown> {
  credit_code: string;
  details: Record<string, unknown>;
  lists: Partial<Record<ListKey, unknown[]>>;
  change_set_id: number;
  /** [fiscal_year, ...YEAR_FIELDS] per stored year, oldest first. */
  years: (number | null)[][] | null;
}

/** One batch of whole enterprises in credit-code order, after a code; years come packed so the rows stay few. */
export async function profileBatch(
  q: Queryable,
  scope: Scope,
  options: { after: string | null; upTo?: string | null; limit: number; creditCodes?: readonly string[] },
): Promise<ProfileRow[]> {
  const params: unknown[] = [];
  const where = [scopeCondition(scope, 'e', params)];
  if (options.after !== null) {
    params.push(options.after);
    where.push(`e.credit_code > $${params.length}`);
  }
  if (options.upTo) {
    params.push(options.upTo);
    where.push(`e.credit_code <= $${params.length}`);
  }
  if (options.creditCodes) {
    params.push(options.creditCodes);
    where.push(`e.credit_code = any($${params.length}::text[])`);
  }
  params.push(options.limit);
  return q.query<ProfileRow>(
    `select e.credit_code, ${ENTERPRISE_COLUMNS.map((column) => `e.${column}`).join(', ')}, e.details, e.lists, e.change_set_id,
       (select json_agg(json_build_array(y.fiscal_year, ${YEAR_FIELDS.map((field) => `y.${field}`).join(', ')}) order by y.fiscal_year)
          from registry.enterprise_year y where y.credit_code = e.credit_code) as years
     from registry.enterprise e
     where ${where.join(' and ')}
     order by e.credit_code
     limit $${params.length}`,
    params,
  );
}

/** Every `every`-th credit code in order: the ends of equal ranges that split the registry into chunks. */
export async function creditCodeBoundaries(q: Queryable, every: number): Promise<string[]> {
  const rows = await q.query<{ credit_code: string }>(
    `select credit_code from (select credit_code, row_number() over (order by credit_code) as n from registry.enterprise) e
     where n % $1 = 0 order by credit_code`,
    [every],
  );
  return rows.map((row) => row.credit_code);
}

/** Enterprises whose data changed after a change set, for re-evaluating them without a full run. */
export async function enterprisesChangedSince(q: Queryable, changeSetId: number): Promise<{ credit_code: string; change_set_id: number }[]> {
  return q.query(`select credit_code, change_set_id from registry.enterprise where change_set_id > $1 order by change_set_id`, [changeSetId]);
}

// ---------------------------------------------------------------- counts for the dashboard

export interface RegistryCounts {
  total: number;
  by_size: Record<string, number>;
  by_district: { code: string; count: number }[];
  by_title: Record<string, number>;
}

/**
 * Two scans, side by side: counts by district and size class (total, by size, by district add up from them), and
 * titles held validly on the day, read only from enterprises with titles, each enterprise once per title. (One
 * statement over a CTE of every enterprise with its lists copied the registry into a temporary store: ~10 s at
 * 1,000,000 enterprises on the development machine.)
 */
export async function registryCounts(q: Queryable, scope: Scope, today: string): Promise<RegistryCounts> {
  const scopeParams: unknown[] = [];
  const where = scopeCondition(scope, 'e', scopeParams);
  const [groups, titles] = await Promise.all([
    q.query<{ district_code: string | null; size_class: string | null; n: number }>(
      `select e.district_code, e.size_class, count(*)::int as n from registry.enterprise e where ${where} group by 1, 2`,
      scopeParams,
    ),
    q.query<{ title: string | null; n: number }>(
      `select v.title, count(*)::int as n
       from registry.enterprise e
       cross join lateral (
         select distinct split_part(t, '|', 1) as title from unnest(e.title_terms) t
         where ${termHeldOn('t', `$${scopeParams.length + 1}`)}) v
       where ${where} and cardinality(e.title_terms) > 0
       group by 1`,
      [...scopeParams, today],
    ),
  ]);
  let total = 0;
  const bySize: Record<string, number> = {};
  const byDistrict = new Map<string, number>();
  for (const row of groups) {
    total += row.n;
    const size = row.size_class ?? 'unknown';
    bySize[size] = (bySize[size] ?? 0) + row.n;
    if (row.district_code !== null) byDistrict.set(row.district_code, (byDistrict.get(row.district_code) ?? 0) + row.n);
  }
  const byTitle: Record<string, number> = {};
  for (const row of titles) if (row.title !== null) byTitle[row.title] = row.n;
  return { total, by_size: bySize, by_district: [...byDistrict].map(([code, count]) => ({ code, count })), by_title: byTitle };
}

// ---------------------------------------------------------------- counts shared by the API processes

export interface SharedCount {
  value: unknown;
  age_seconds: number;
}

/** A shared count and its age by the database clock, or null. */
export async function sharedCount(q: Queryable, key: string): Promise<SharedCount | null> {
  const [row] = await q.query<SharedCount>(
    `select value, extract(epoch from now() - counted_at)::float8 as age_seconds from registry.count_cache where key = $1`,
    [key],
  );
  return row ?? null;
}

/** Claims the recount of a key for a while; false when another process holds an unexpired claim. */
export async function claimRecount(q: Queryable, key: string, seconds: number): Promise<boolean> {
  const rows = await q.query(
    `update registry.count_cache set recounting_until = now() + make_interval(secs => $2)
     where key = $1 and (recounting_until is null or recounting_until < now()) returning key`,
    [key, seconds],
  );
  return rows.length === 1;
}

export async function storeSharedCount(q: Queryable, key: string, value: unknown): Promise<void> {
  // Counts of past days and forgotten filters do not pile up.
  if (Math.random() < 0.01) await q.query(`delete from registry.count_cache where counted_at < now() - interval '1 day'`);
  await q.query(
    `insert into registry.count_cache (key, value, counted_at) values ($1, $2, now())
     on conflict (key) do update set value = excluded.value, counted_at = excluded.counted_at, recounting_until = null`,
    [key, JSON.stringify(value)],
  );
}

// ---------------------------------------------------------------- imports: identity checks, bulk creation, undo

/** Enterprises carrying any of the names (duplicate check of an import; the caller decides what it may reveal). */
export async function enterprisesNamed(q: Queryable, names: readonly string[]): Promise<{ credit_code: string; name: string; district_code: string | null }[]> {
  if (names.length === 0) return [];
  return q.query(`select credit_code, name, district_code from registry.enterprise where name = any($1::text[])`, [names]);
}

/** Which enterprises already claim an IP number. */
export async function ipNumberHolders(q: Queryable, numbers: readonly string[]): Promise<{ credit_code: string; number: string; district_code: string | null }[]> {
  if (numbers.length === 0) return [];
  return q.query(
    `select e.credit_code, e.district_code, item->>'number' as number
     from registry.enterprise e cross join jsonb_array_elements(e.lists->'ip_items') item
     where jsonb_typeof(e.lists->'ip_items') = 'array' and item->>'number' = any($1::text[])`,
    [numbers],
  );
}

/** Change-set ids taken ahead, so that many enterprises can be written with one statement each. */
export async function reserveChangeSetIds(q: Queryable, count: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('platform.change_set', 'id'))::bigint as id from generate_series(1, $1::int)`,
    [count],
  );
  return rows.map((row) => Number(row.id));
}

export async function insertChangeSets(q: Queryable, ids: readonly number[], input: Omit<ChangeSetInput, 'sourceRef'> & { sourceRefs: readonly string[] }): Promise<void> {
  await q.query(
    `insert into platform.change_set (id, source, source_ref, actor, actor_role, note)
     select id, $3, source_ref, $4, $5, $6 from unnest($1::bigint[], $2::text[]) as c(id, source_ref)`,
    [ids, input.sourceRefs, input.source, input.actor, input.actorRole, input.note ?? null],
  );
}

export interface NewEnterpriseRow {
  credit_code: string;
  write: EnterpriseWrite;
  years: [number, Record<string, number | null>][];
  change_set_id: number;
}

/** Inserts new enterprises and their years, a JSON document per statement (no COPY inside a caller's transaction). */
export async function insertEnterprises(q: Queryable, rows: readonly NewEnterpriseRow[]): Promise<void> {
  if (rows.length === 0) return;
  const enterprises = rows.map(({ credit_code, write, change_set_id }) => {
    const record: Record<string, unknown> = { credit_code, created_change_set: change_set_id, change_set_id };
    const values = enterpriseValues(write);
    enterpriseColumnList.forEach((column, index) => (record[column] = values[index]));
    record.details = write.details;
    record.lists = write.lists;
    return record;
  });
  const columns = ['credit_code', ...enterpriseColumnList, 'created_change_set', 'change_set_id'];
  await q.query(
    `insert into registry.enterprise (${columns.join(', ')})
     select ${columns.join(', ')} from jsonb_populate_recordset(null::registry.enterprise, $1::jsonb)`,
    [JSON.stringify(enterprises)],
  );
  const years = rows.flatMap(({ credit_code, years: figures, change_set_id }) =>
    figures.map(([fiscal_year, values]) => ({ credit_code, fiscal_year, ...values, created_change_set: change_set_id, change_set_id })),
  );
  if (years.length === 0) return;
  const yearColumns = ['credit_code', 'fiscal_year', ...YEAR_FIELDS, 'created_change_set', 'change_set_id'];
  await q.query(
    `insert into registry.enterprise_year (${yearColumns.join(', ')})
     select ${yearColumns.join(', ')} from jsonb_populate_recordset(null::registry.enterprise_year, $1::jsonb)`,
    [JSON.stringify(years)],
  );
}

/** The audit records of many writes in one statement, in the same transaction as the writes. */
export async function insertAuditRecords(
  q: Queryable,
  actor: { id: string; role: string | null; clientIp: string | null },
  action: string,
  records: readonly { objectId: string; summary: unknown }[],
): Promise<void> {
  if (records.length === 0) return;
  await q.query(
    `insert into platform.audit_log (actor, actor_role, action, object_type, object_id, summary, client_ip)
     select $1, $2, $3, 'enterprise', object_id, summary, $4 from unnest($5::text[], $6::jsonb[]) as r(object_id, summary)`,
    [actor.id, actor.role, action, actor.clientIp, records.map((r) => r.objectId), records.map((r) => JSON.stringify(r.summary))],
  );
}

/** Revisions of one enterprise written by a change set or after it (undo compares the two). */
export async function revisionsSince(q: Queryable, creditCode: string, changeSetId: number): Promise<RevisionRow[]> {
  return q.query<RevisionRow>(
    `select id, entity, before, after, change_set_id from registry.revision where credit_code = $1 and change_set_id >= $2 order by id`,
    [creditCode, changeSetId],
  );
}

/** Removes an enterprise that a change set created, only while nothing has changed it since. */
export async function deleteEnterpriseCreatedBy(q: Queryable, creditCode: string, changeSetId: number): Promise<boolean> {
  const rows = await q.query(
    `delete from registry.enterprise where credit_code = $1 and created_change_set = $2 and change_set_id = $2 returning credit_code`,
    [creditCode, changeSetId],
  );
  return rows.length === 1;
}
