import type { Queryable } from '../../platform/db.ts';
import { scopeCondition, type Scope } from '../../platform/scope.ts';
import type { RunCounts } from './results.ts';

/** The discovery slice's only SQL. */

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';
export type RunTrigger = 'page' | 'cli' | 'schedule';

export interface RunRow {
  id: number;
  as_of: string;
  application: 'new' | 're_review';
  trigger: RunTrigger;
  requested_by: string;
  status: RunStatus;
  standards: string[];
  rule_versions: Record<string, string[]>;
  total: number | null;
  processed: number;
  counts: RunCounts;
  watermark: number;
  heartbeat_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  seconds: number | null;
  error: string | null;
}

const RUN_COLUMNS = `id, as_of, application, trigger, requested_by, status, standards, rule_versions, total, processed, counts,
  watermark, heartbeat_at, created_at, started_at, finished_at, seconds, error`;

const asRun = (row: RunRow): RunRow => ({ ...row, id: Number(row.id), watermark: Number(row.watermark) });

/** A queued run (null when the day's scheduled run exists already). */
export async function insertRun(
  q: Queryable,
  run: { asOf: string; application: string; trigger: RunTrigger; requestedBy: string; standards: readonly string[]; scheduledFor?: string },
): Promise<RunRow | null> {
  const rows = await q.query<RunRow>(
    `insert into discovery.run (as_of, application, trigger, scheduled_for, requested_by, status, standards)
     values ($1, $2, $3, $4, $5, 'queued', $6)
     on conflict do nothing
     returning ${RUN_COLUMNS}`,
    [run.asOf, run.application, run.trigger, run.scheduledFor ?? null, run.requestedBy, run.standards],
  );
  return rows[0] ? asRun(rows[0]) : null;
}

export async function setRunScope(q: Queryable, runId: number, total: number, watermark: number): Promise<void> {
  await q.query(`update discovery.run set total = $2, watermark = $3 where id = $1`, [runId, total, watermark]);
}

/** The first chunk claimed starts the run's clock. */
export async function markRunStarted(q: Queryable, runId: number): Promise<void> {
  await q.query(`update discovery.run set status = 'running', started_at = now(), heartbeat_at = now() where id = $1 and status = 'queued'`, [runId]);
}

/** Adds a committed batch to the run's progress (in the batch's transaction). */
export async function addProcessed(q: Queryable, runId: number, count: number): Promise<void> {
  await q.query(`update discovery.run set processed = processed + $2, heartbeat_at = now() where id = $1`, [runId, count]);
}

export async function completeRun(q: Queryable, runId: number, totals: { processed: number; counts: RunCounts; ruleVersions: Record<string, string[]> }): Promise<void> {
  await q.query(
    `update discovery.run set status = 'completed', processed = $2, counts = $3, rule_versions = $4, finished_at = now(), heartbeat_at = now(),
       seconds = round(extract(epoch from now() - started_at)::numeric, 1)
     where id = $1`,
    [runId, totals.processed, JSON.stringify(totals.counts), JSON.stringify(totals.ruleVersions)],
  );
}

export async function failRun(q: Queryable, runId: number, error: string): Promise<void> {
  await q.query(`update discovery.run set status = 'failed', finished_at = now(), error = $2 where id = $1 and status in ('queued', 'running')`, [runId, error]);
}

export async function getRun(q: Queryable, runId: number): Promise<RunRow | null> {
  const rows = await q.query<RunRow>(`select ${RUN_COLUMNS} from discovery.run where id = $1`, [runId]);
  return rows[0] ? asRun(rows[0]) : null;
}

export async function listRuns(q: Queryable, limit: number): Promise<RunRow[]> {
  return (await q.query<RunRow>(`select ${RUN_COLUMNS} from discovery.run order by id desc limit $1`, [limit])).map(asRun);
}

/** The newest completed run (of an application type), and optionally the completed one before it. */
export async function latestCompletedRuns(q: Queryable, application: string | null, count: number): Promise<RunRow[]> {
  return (
    await q.query<RunRow>(
      `select ${RUN_COLUMNS} from discovery.run where status = 'completed' and ($1::text is null or application = $1) order by id desc limit $2`,
      [application, count],
    )
  ).map(asRun);
}

export async function pendingRunExists(q: Queryable): Promise<boolean> {
  return (await q.query(`select 1 from discovery.run where status in ('queued', 'running') limit 1`)).length > 0;
}

/** Deletes the result rows of completed runs older than the newest `keep` (run records stay for the history). */
export async function pruneResults(q: Queryable, keep: number): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `select id from discovery.run where status = 'completed' order by id desc offset $1`,
    [keep],
  );
  if (rows.length === 0) return 0;
  await q.query(`delete from discovery.result where run_id = any($1::bigint[])`, [rows.map((row) => row.id)]);
  return rows.length;
}

// ---------------------------------------------------------------- incremental updates

export interface StoredStatus {
  credit_code: string;
  status: number[];
}

export async function loadStatuses(q: Queryable, runId: number, creditCodes: readonly string[]): Promise<StoredStatus[]> {
  return q.query<StoredStatus>(`select credit_code, status from discovery.result where run_id = $1 and credit_code = any($2::text[])`, [runId, creditCodes]);
}

export async function upsertResults(q: Queryable, rows: unknown[][]): Promise<void> {
  for (const params of rows) {
    await q.query(
      `insert into discovery.result (run_id, credit_code, name, district_code, industry_code, chains, size_class, status, score, unmet, distance, held_mask, title_expiry, review, gaps)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       on conflict (run_id, credit_code) do update set name = excluded.name, district_code = excluded.district_code,
         industry_code = excluded.industry_code, chains = excluded.chains, size_class = excluded.size_class, status = excluded.status,
         score = excluded.score, unmet = excluded.unmet, distance = excluded.distance, held_mask = excluded.held_mask,
         title_expiry = excluded.title_expiry, review = excluded.review, gaps = excluded.gaps`,
      params,
    );
  }
}

export async function advanceWatermark(q: Queryable, runId: number, watermark: number, counts: RunCounts, processed: number): Promise<void> {
  await q.query(`update discovery.run set watermark = $2, counts = $3, processed = $4 where id = $1`, [runId, watermark, JSON.stringify(counts), processed]);
}

/** Locks the run's row so two watchers do not apply the same changes twice. */
export async function lockRun(q: Queryable, runId: number): Promise<RunRow | null> {
  const rows = await q.query<RunRow>(`select ${RUN_COLUMNS} from discovery.run where id = $1 for update`, [runId]);
  return rows[0] ? asRun(rows[0]) : null;
}

// ---------------------------------------------------------------- reading results

export interface ResultFilter {
  district?: string;
  chain?: string;
  industry?: string;
  sizeClass?: string;
}

function filterSql(scope: Scope, filter: ResultFilter, alias: string, params: unknown[]): string[] {
  const where = [scopeCondition(scope, alias, params)];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.district) where.push(`${alias}.district_code = ${add(filter.district)}`);
  if (filter.chain) where.push(`${alias}.chains @> array[${add(filter.chain)}]::text[]`);
  if (filter.industry) where.push(`${alias}.industry_code like ${add(`${filter.industry.replace(/[^0-9]/g, '')}%`)}`);
  if (filter.sizeClass) where.push(`${alias}.size_class = ${add(filter.sizeClass)}`);
  return where;
}

export interface FunnelRow {
  k: number;
  total: number;
  held: number;
  qualified: number;
  qualified_not_held: number;
  one_short: number;
  insufficient: number;
  manual: number;
}

/** Per standard of the run: enterprises holding it, qualifying, qualifying without the title, one criterion short. */
export async function funnel(q: Queryable, scope: Scope, runId: number, standardCount: number, filter: ResultFilter): Promise<FunnelRow[]> {
  const params: unknown[] = [runId];
  const where = filterSql(scope, filter, 'r', params);
  const columns: string[] = ['count(*)::int as total'];
  for (let k = 1; k <= standardCount; k++) {
    const bit = 1 << (k - 1);
    columns.push(
      `count(*) filter (where r.held_mask & ${bit} <> 0)::int as h${k}`,
      `count(*) filter (where r.status[${k}] = 0)::int as q${k}`,
      `count(*) filter (where r.status[${k}] = 0 and r.held_mask & ${bit} = 0)::int as qn${k}`,
      `count(*) filter (where r.status[${k}] = 1 and r.unmet[${k}] = 1 and r.held_mask & ${bit} = 0)::int as o${k}`,
      `count(*) filter (where r.status[${k}] = 2)::int as i${k}`,
      `count(*) filter (where r.status[${k}] = 3)::int as m${k}`,
    );
  }
  const [row] = await q.query<Record<string, number>>(
    `select ${columns.join(', ')} from discovery.result r where r.run_id = $1 and ${where.join(' and ')}`,
    params,
  );
  return Array.from({ length: standardCount }, (_, i) => {
    const k = i + 1;
    return {
      k,
      total: row.total,
      held: row[`h${k}`],
      qualified: row[`q${k}`],
      qualified_not_held: row[`qn${k}`],
      one_short: row[`o${k}`],
      insufficient: row[`i${k}`],
      manual: row[`m${k}`],
    };
  });
}

export interface CandidateRow {
  credit_code: string;
  name: string;
  district_code: string | null;
  industry_code: string | null;
  chains: string[];
  size_class: string | null;
  status: number;
  score: number | null;
  unmet: number;
  distance: number;
  gaps: [string, number, string | null][] | null;
}

/**
 * Enterprises of a run not holding standard k, closest first: fewest unmet criteria, then (among those with none)
 * qualified before awaiting review before missing data, then the smallest normalised gap.
 */
export async function candidates(
  q: Queryable,
  scope: Scope,
  runId: number,
  k: number,
  standard: string,
  filter: ResultFilter & { maxUnmet: number; statuses: number[] },
  page: { limit: number; offset: number },
): Promise<{ rows: CandidateRow[]; total: number }> {
  const params: unknown[] = [runId];
  const where = filterSql(scope, filter, 'r', params);
  params.push(filter.maxUnmet);
  where.push(`r.unmet[${k}] <= $${params.length}`);
  params.push(filter.statuses);
  where.push(`r.status[${k}] = any($${params.length}::smallint[])`);
  where.push(`r.held_mask & ${1 << (k - 1)} = 0`);
  const condition = `r.run_id = $1 and ${where.join(' and ')}`;
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total from discovery.result r where ${condition}`, params);
  params.push(standard, page.limit, page.offset);
  const n = params.length;
  const rows = await q.query<CandidateRow>(
    `select r.credit_code, r.name, r.district_code, r.industry_code, r.chains, r.size_class, r.status[${k}] as status,
            r.score[${k}] as score, r.unmet[${k}] as unmet, r.distance[${k}] as distance, r.gaps -> $${n - 2}::text as gaps
     from discovery.result r where ${condition}
     order by r.unmet[${k}], case r.status[${k}] when 0 then 0 when 3 then 1 when 2 then 2 else 3 end, r.distance[${k}], r.credit_code
     limit $${n - 1} offset $${n}`,
    params,
  );
  return { rows, total };
}

export interface DiffRow {
  credit_code: string;
  name: string;
  district_code: string | null;
  chains: string[];
  standard: string;
  before: number | null;
  after: number;
}

export interface DiffFilter extends ResultFilter {
  standard?: string;
  change?: 'newly_qualified' | 'no_longer_qualified' | 'changed';
}

/** The status changes between two runs, per enterprise and standard (an enterprise new in `to` has no before). */
const BEFORE = `(case when m.fk is null or a.credit_code is null then null else a.status[m.fk] end)`;

function diffSource(scope: Scope, fromRun: number, toRun: number, pairs: { standard: string; from: number | null; to: number }[], filter: DiffFilter, params: unknown[], join = ''): string {
  params.push(fromRun, toRun, pairs.map((p) => p.standard), pairs.map((p) => p.from), pairs.map((p) => p.to));
  const [from, to, names, fromIndex, toIndex] = [1, 2, 3, 4, 5].map((i) => `$${params.length - 5 + i}`);
  const where = filterSql(scope, filter, 'b', params);
  if (filter.standard) {
    params.push(filter.standard);
    where.push(`m.standard = $${params.length}`);
  }
  where.push(`${BEFORE} is distinct from b.status[m.tk]`);
  if (filter.change === 'newly_qualified') where.push(`b.status[m.tk] = 0`);
  else if (filter.change === 'no_longer_qualified') where.push(`${BEFORE} = 0`);
  return `from discovery.result b
    cross join unnest(${names}::text[], ${fromIndex}::int[], ${toIndex}::int[]) as m(standard, fk, tk)
    left join discovery.result a on a.run_id = ${from} and a.credit_code = b.credit_code
    ${join}
    where b.run_id = ${to} and ${where.join(' and ')}`;
}

export async function diffRows(
  q: Queryable,
  scope: Scope,
  fromRun: number,
  toRun: number,
  pairs: { standard: string; from: number | null; to: number }[],
  filter: DiffFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DiffRow[]; total: number }> {
  const countParams: unknown[] = [];
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total ${diffSource(scope, fromRun, toRun, pairs, filter, countParams)}`, countParams);
  const params: unknown[] = [];
  const source = diffSource(scope, fromRun, toRun, pairs, filter, params);
  params.push(page.limit, page.offset);
  const rows = await q.query<DiffRow>(
    `select b.credit_code, b.name, b.district_code, b.chains, m.standard,
            ${BEFORE} as before, b.status[m.tk] as after
     ${source}
     order by m.standard, b.credit_code limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

export interface DiffSummaryRow {
  standard: string;
  group_key: string | null;
  newly_qualified: number;
  no_longer_qualified: number;
  changed: number;
}

/** Counts of changes per standard, grouped by district, by chain, or not at all. */
export async function diffSummary(
  q: Queryable,
  scope: Scope,
  fromRun: number,
  toRun: number,
  pairs: { standard: string; from: number | null; to: number }[],
  filter: DiffFilter,
  by: 'none' | 'district' | 'chain',
): Promise<DiffSummaryRow[]> {
  const params: unknown[] = [];
  const join = by === 'chain' ? 'cross join lateral unnest(b.chains) as c(chain)' : '';
  const source = diffSource(scope, fromRun, toRun, pairs, { ...filter, change: 'changed' }, params, join);
  const group = by === 'district' ? 'b.district_code' : by === 'chain' ? 'c.chain' : 'null::text';
  return q.query<DiffSummaryRow>(
    `select m.standard, ${group} as group_key,
            count(*) filter (where b.status[m.tk] = 0)::int as newly_qualified,
            count(*) filter (where ${BEFORE} = 0)::int as no_longer_qualified,
            count(*)::int as changed
     ${source}
     group by 1, 2 order by 1, 2`,
    params,
  );
}

export interface WarningRow {
  credit_code: string;
  name: string;
  district_code: string | null;
  chains: string[];
  standard: string;
  expiry: string;
  review: number;
  status: number;
}

/** Titles held on the run's date that expire (or come up for re-review) by `until` and would not pass a re-review now. */
export async function warnings(
  q: Queryable,
  scope: Scope,
  runId: number,
  standards: readonly string[],
  until: string,
  filter: ResultFilter & { standard?: string; statuses: number[] },
  page: { limit: number; offset: number },
): Promise<{ rows: WarningRow[]; total: number }> {
  const params: unknown[] = [runId, standards, until, filter.statuses];
  const where = filterSql(scope, filter, 'r', params);
  if (filter.standard) {
    params.push(filter.standard);
    where.push(`s.standard = $${params.length}`);
  }
  const source = `from discovery.result r cross join lateral unnest($2::text[]) with ordinality as s(standard, k)
    where r.run_id = $1 and r.held_mask & (1 << (s.k::int - 1)) <> 0 and r.title_expiry[s.k] <= $3::date
      and r.review[s.k] = any($4::smallint[]) and ${where.join(' and ')}`;
  const [{ total }] = await q.query<{ total: number }>(`select count(*)::int as total ${source}`, params);
  params.push(page.limit, page.offset);
  const rows = await q.query<WarningRow>(
    `select r.credit_code, r.name, r.district_code, r.chains, s.standard, r.title_expiry[s.k]::text as expiry, r.review[s.k] as review, r.status[s.k] as status
     ${source} order by r.title_expiry[s.k], r.credit_code, s.standard limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

export interface EnterpriseResultRow {
  credit_code: string;
  name: string;
  district_code: string | null;
  industry_code: string | null;
  chains: string[];
  status: number[];
  unmet: number[];
  distance: number[];
}

export async function resultsOf(q: Queryable, scope: Scope, runId: number, creditCodes: readonly string[]): Promise<EnterpriseResultRow[]> {
  const params: unknown[] = [runId, creditCodes];
  const where = filterSql(scope, {}, 'r', params);
  return q.query<EnterpriseResultRow>(
    `select credit_code, name, district_code, industry_code, chains, status, unmet, distance from discovery.result r
     where r.run_id = $1 and r.credit_code = any($2::text[]) and ${where.join(' and ')}`,
    params,
  );
}

// ---------------------------------------------------------------- key lists

export type KeyListKind = 'district' | 'specialized_pool' | 'champion_city' | 'champion_national' | 'ipo_reserve' | 'demonstration';

export interface KeyListRow {
  id: number;
  kind: KeyListKind;
  name: string;
  year: number;
  district_code: string | null;
  standard: string;
  capacity: number | null;
  note: string | null;
  created_by: string;
  created_at: Date;
  members: number;
}

export async function insertKeyList(
  q: Queryable,
  list: { kind: KeyListKind; name: string; year: number; districtCode: string | null; standard: string; capacity: number | null; note: string | null; createdBy: string },
): Promise<KeyListRow | null> {
  const rows = await q.query<KeyListRow>(
    `insert into discovery.key_list (kind, name, year, district_code, standard, capacity, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning *, 0 as members`,
    [list.kind, list.name, list.year, list.districtCode, list.standard, list.capacity, list.note, list.createdBy],
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : null;
}

/** Lists a scope may see (a district's own lists and the city's pools), with the members inside the scope. */
export async function listKeyLists(q: Queryable, scope: Scope, filter: { year?: number; kind?: KeyListKind }): Promise<KeyListRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (!scope.all) {
    params.push(scope.districts);
    where.push(`(l.district_code is null or l.district_code = any($${params.length}::text[]))`);
  }
  if (filter.year) {
    params.push(filter.year);
    where.push(`l.year = $${params.length}`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`l.kind = $${params.length}`);
  }
  const memberScope = scopeCondition(scope, 'm', params);
  const rows = await q.query<KeyListRow>(
    `select l.*, (select count(*)::int from discovery.key_list_member m where m.list_id = l.id and m.removed_at is null and ${memberScope}) as members
     from discovery.key_list l ${where.length ? `where ${where.join(' and ')}` : ''}
     order by l.year desc, l.kind, l.district_code nulls first, l.name`,
    params,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function getKeyList(q: Queryable, id: number): Promise<KeyListRow | null> {
  const rows = await q.query<KeyListRow>(
    `select l.*, (select count(*)::int from discovery.key_list_member m where m.list_id = l.id and m.removed_at is null) as members from discovery.key_list l where l.id = $1`,
    [id],
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : null;
}

export interface MemberRow {
  id: number;
  credit_code: string;
  name: string;
  district_code: string | null;
  industry_code: string | null;
  chains: string[];
  added_at: Date;
  added_by: string;
  add_reason: string;
  added_run_id: number | null;
  added_status: number | null;
  added_unmet: number | null;
  added_distance: number | null;
  removed_at: Date | null;
  removed_by: string | null;
  remove_reason: string | null;
  current_status: number | null;
  current_unmet: number | null;
  current_distance: number | null;
}

/** Members inside the scope (current ones, or with `history` also those removed), with their status in run `runId`. */
export async function listMembers(q: Queryable, scope: Scope, listId: number, runId: number | null, k: number | null, history: boolean): Promise<MemberRow[]> {
  const params: unknown[] = [listId, runId];
  const where = [scopeCondition(scope, 'm', params)];
  if (!history) where.push('m.removed_at is null');
  const at = k === null ? 'null::smallint' : `r.status[${k}]`;
  return q.query<MemberRow>(
    `select m.id, m.credit_code, m.name, m.district_code, m.industry_code, m.chains, m.added_at, m.added_by, m.add_reason, m.added_run_id,
            m.added_status, m.added_unmet, m.added_distance, m.removed_at, m.removed_by, m.remove_reason,
            ${at} as current_status, ${k === null ? 'null::smallint' : `r.unmet[${k}]`} as current_unmet,
            ${k === null ? 'null::real' : `r.distance[${k}]`} as current_distance
     from discovery.key_list_member m
     left join discovery.result r on r.run_id = $2 and r.credit_code = m.credit_code
     where m.list_id = $1 and ${where.join(' and ')}
     order by m.removed_at nulls first, m.added_at, m.id`,
    params,
  );
}

export async function currentMember(q: Queryable, listId: number, creditCode: string): Promise<{ id: number } | null> {
  const rows = await q.query<{ id: number }>(`select id from discovery.key_list_member where list_id = $1 and credit_code = $2 and removed_at is null for update`, [listId, creditCode]);
  return rows[0] ?? null;
}

export async function insertMember(
  q: Queryable,
  member: {
    listId: number; creditCode: string; name: string; districtCode: string | null; industryCode: string | null; chains: string[];
    addedBy: string; reason: string; runId: number | null; status: number | null; unmet: number | null; distance: number | null;
  },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into discovery.key_list_member (list_id, credit_code, name, district_code, industry_code, chains, added_by, add_reason, added_run_id, added_status, added_unmet, added_distance)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [member.listId, member.creditCode, member.name, member.districtCode, member.industryCode, member.chains, member.addedBy, member.reason, member.runId, member.status, member.unmet, member.distance],
  );
  return Number(row.id);
}

export async function closeMember(q: Queryable, memberId: number, removedBy: string, reason: string): Promise<void> {
  await q.query(`update discovery.key_list_member set removed_at = now(), removed_by = $2, remove_reason = $3 where id = $1`, [memberId, removedBy, reason]);
}
