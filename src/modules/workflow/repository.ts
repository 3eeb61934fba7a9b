import type { Queryable } from '../../platform/db.ts';
import { scopeCondition, type Scope } from '../../platform/scope.ts';
import type { StandardResult } from '../../standards/index.ts';
import type { AuditFlag } from './data-audit.ts';
import type { State } from './state-machine.ts';
import { visibleApplications, type Viewer } from './viewer.ts';

/** The workflow slice's only SQL. */

export interface BatchRow {
  id: number;
  standard: string;
  kind: 'new' | 're_review';
  year: number;
  batch_no: number;
  title: string;
  rule_version: string;
  window_start: string;
  window_end: string;
  district_review_deadline: string;
  city_review_deadline: string;
  publicity_working_days: number;
  validity_years: number;
  jump_factor: number;
  publicity_start: string | null;
  publicity_end: string | null;
  final_published_on: string | null;
  created_by: string;
  created_at: Date;
}
export type BatchInput = Omit<BatchRow, 'id' | 'publicity_start' | 'publicity_end' | 'final_published_on' | 'created_at'>;

export async function insertBatch(q: Queryable, input: BatchInput): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.batch (standard, kind, year, batch_no, title, rule_version, window_start, window_end, district_review_deadline,
       city_review_deadline, publicity_working_days, validity_years, jump_factor, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     on conflict (standard, kind, year, batch_no) do nothing returning id`,
    [input.standard, input.kind, input.year, input.batch_no, input.title, input.rule_version, input.window_start, input.window_end,
      input.district_review_deadline, input.city_review_deadline, input.publicity_working_days, input.validity_years, input.jump_factor, input.created_by],
  );
  return row?.id ?? 0;
}

export async function listBatches(q: Queryable): Promise<BatchRow[]> {
  return q.query<BatchRow>(`select * from workflow.batch order by year desc, id desc`);
}

export async function findBatch(q: Queryable, id: number, options: { forUpdate?: boolean } = {}): Promise<BatchRow | null> {
  const [row] = await q.query<BatchRow>(`select * from workflow.batch where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return row ?? null;
}

export async function setPublicity(q: Queryable, id: number, start: string, end: string): Promise<void> {
  await q.query(`update workflow.batch set publicity_start = $2, publicity_end = $3 where id = $1`, [id, start, end]);
}

export async function setFinalPublished(q: Queryable, id: number, date: string): Promise<void> {
  await q.query(`update workflow.batch set final_published_on = $2 where id = $1`, [id, date]);
}

export interface ApplicationRow {
  id: number;
  batch_id: number;
  credit_code: string;
  district_code: string;
  enterprise_name: string;
  state: State;
  version: number;
  snapshot: Record<string, unknown> | null;
  self_assessment: StandardResult | null;
  flags: AuditFlag[];
  submitted_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export async function insertApplication(
  q: Queryable,
  input: { batch_id: number; credit_code: string; district_code: string; enterprise_name: string; created_by: string },
): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.application (batch_id, credit_code, district_code, enterprise_name, state, created_by)
     values ($1, $2, $3, $4, 'draft', $5) on conflict do nothing returning id`,
    [input.batch_id, input.credit_code, input.district_code, input.enterprise_name, input.created_by],
  );
  return row?.id ?? null;
}

/** One application the viewer may see; null otherwise (an application outside the viewer's reach does not exist for them). */
export async function findApplication(q: Queryable, viewer: Viewer, id: number, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  const params: unknown[] = [id];
  const visible = visibleApplications(viewer, 'a', params);
  const [row] = await q.query<ApplicationRow>(
    `select a.* from workflow.application a where a.id = $1 and ${visible}${options.forUpdate ? ' for update of a' : ''}`,
    params,
  );
  return row ?? null;
}

export type ApplicationListRow = Omit<ApplicationRow, 'snapshot' | 'self_assessment'> & {
  batch_title: string;
  standard: string;
  kind: 'new' | 're_review';
  assessment_status: string | null;
  flag_count: number;
};

export async function listApplications(q: Queryable, viewer: Viewer, filter: { batch_id?: number; states?: readonly State[] }): Promise<ApplicationListRow[]> {
  const params: unknown[] = [];
  const conditions = [visibleApplications(viewer, 'a', params)];
  if (filter.batch_id !== undefined) {
    params.push(filter.batch_id);
    conditions.push(`a.batch_id = $${params.length}`);
  }
  if (filter.states?.length) {
    params.push(filter.states);
    conditions.push(`a.state = any($${params.length}::text[])`);
  }
  return q.query<ApplicationListRow>(
    `select a.id, a.batch_id, a.credit_code, a.district_code, a.enterprise_name, a.state, a.version, a.flags, a.submitted_at, a.created_by,
            a.created_at, a.updated_at, b.title as batch_title, b.standard, b.kind, a.self_assessment->>'status' as assessment_status,
            jsonb_array_length(a.flags)::int as flag_count
     from workflow.application a join workflow.batch b on b.id = a.batch_id
     where ${conditions.join(' and ')} order by a.updated_at desc, a.id desc limit 500`,
    params,
  );
}

/** Applications of a batch in some states, for the batch-wide steps (city roles only reach these). */
export async function applicationsOfBatch(q: Queryable, batchId: number, states: readonly State[]): Promise<ApplicationRow[]> {
  return q.query<ApplicationRow>(
    `select * from workflow.application where batch_id = $1 and state = any($2::text[]) order by enterprise_name, id for update`,
    [batchId, states],
  );
}

/** The optimistic step: moves only if nobody moved the application since `expectedVersion` was read. */
export async function moveApplication(q: Queryable, id: number, expectedVersion: number, from: State, to: State): Promise<number | null> {
  const [row] = await q.query<{ version: number }>(
    `update workflow.application set state = $4, version = version + 1, updated_at = now()
     where id = $1 and version = $2 and state = $3 returning version`,
    [id, expectedVersion, from, to],
  );
  return row?.version ?? null;
}

export async function freezeSubmission(
  q: Queryable,
  id: number,
  input: { snapshot: Record<string, unknown>; assessment: StandardResult | null; flags: AuditFlag[]; district_code: string; enterprise_name: string },
): Promise<void> {
  await q.query(
    `update workflow.application set snapshot = $2, self_assessment = $3, flags = $4, district_code = $5, enterprise_name = $6, submitted_at = now()
     where id = $1`,
    [id, JSON.stringify(input.snapshot), input.assessment === null ? null : JSON.stringify(input.assessment), JSON.stringify(input.flags), input.district_code, input.enterprise_name],
  );
}

export async function insertEvent(
  q: Queryable,
  event: { application_id: number; transition: string; from_state: State; to_state: State; version: number; actor: string; actor_role: string | null; reason: string | null },
): Promise<void> {
  await q.query(
    `insert into workflow.application_event (application_id, transition, from_state, to_state, version, actor, actor_role, reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [event.application_id, event.transition, event.from_state, event.to_state, event.version, event.actor, event.actor_role, event.reason],
  );
}

export interface EventRow {
  id: number;
  transition: string;
  from_state: State;
  to_state: State;
  version: number;
  actor: string;
  actor_role: string | null;
  reason: string | null;
  at: Date;
}
export async function eventsOf(q: Queryable, applicationId: number): Promise<EventRow[]> {
  return q.query<EventRow>(`select id, transition, from_state, to_state, version, actor, actor_role, reason, at from workflow.application_event where application_id = $1 order by id`, [applicationId]);
}

export async function duplicateIpClaims(q: Queryable, creditCode: string, numbers: readonly string[]): Promise<{ number: string; enterprise_name: string; credit_code: string }[]> {
  if (numbers.length === 0) return [];
  return q.query(
    `select distinct item->>'number' as number, a.enterprise_name, a.credit_code
     from workflow.application a cross join lateral jsonb_array_elements(case when jsonb_typeof(a.snapshot->'ip_items') = 'array' then a.snapshot->'ip_items' else '[]'::jsonb end) item
     where a.credit_code <> $1 and a.state <> 'withdrawn' and item->>'number' = any($2::text[])
     order by 1, 3`,
    [creditCode, numbers],
  );
}

export interface EvidenceRow {
  id: number;
  application_id: number;
  evidence_type: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export async function insertEvidence(
  q: Queryable,
  input: Omit<EvidenceRow, 'id' | 'uploaded_at'> & { content: Uint8Array },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.evidence (application_id, evidence_type, file_name, content_type, size_bytes, sha256, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [input.application_id, input.evidence_type, input.file_name, input.content_type, input.size_bytes, input.sha256, input.content, input.uploaded_by],
  );
  return row.id;
}

export async function evidenceOf(q: Queryable, applicationId: number): Promise<EvidenceRow[]> {
  return q.query<EvidenceRow>(
    `select id, application_id, evidence_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from workflow.evidence where application_id = $1 order by id`,
    [applicationId],
  );
}

/** One file with its bytes, only through an application the viewer may see. */
export async function evidenceContent(q: Queryable, viewer: Viewer, id: number): Promise<(EvidenceRow & { content: Uint8Array }) | null> {
  const params: unknown[] = [id];
  const visible = visibleApplications(viewer, 'a', params);
  const [row] = await q.query<EvidenceRow & { content: Uint8Array }>(
    `select e.* from workflow.evidence e join workflow.application a on a.id = e.application_id where e.id = $1 and ${visible}`,
    params,
  );
  return row ?? null;
}

export async function deleteEvidence(q: Queryable, id: number): Promise<void> {
  await q.query(`delete from workflow.evidence where id = $1`, [id]);
}

export interface ExpertRow {
  id: number;
  username: string;
  name: string;
  district_code: string;
  specialty: string | null;
  active: boolean;
  conflicts: string[];
}

const EXPERT_COLUMNS = `e.id, e.username, e.name, e.district_code, e.specialty, e.active,
  coalesce((select array_agg(c.credit_code order by c.credit_code) from workflow.expert_conflict c where c.expert_id = e.id), '{}') as conflicts`;

export async function upsertExpert(q: Queryable, input: Omit<ExpertRow, 'id' | 'conflicts'>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.expert (username, name, district_code, specialty, active) values ($1, $2, $3, $4, $5)
     on conflict (username) do update set name = excluded.name, district_code = excluded.district_code, specialty = excluded.specialty,
       active = excluded.active, updated_at = now()
     returning id`,
    [input.username, input.name, input.district_code, input.specialty, input.active],
  );
  return row.id;
}

export async function listExperts(q: Queryable, options: { activeOnly?: boolean } = {}): Promise<ExpertRow[]> {
  return q.query<ExpertRow>(`select ${EXPERT_COLUMNS} from workflow.expert e ${options.activeOnly ? 'where e.active' : ''} order by e.id`);
}

export async function findExpertByUsername(q: Queryable, username: string): Promise<ExpertRow | null> {
  const [row] = await q.query<ExpertRow>(`select ${EXPERT_COLUMNS} from workflow.expert e where e.username = $1`, [username]);
  return row ?? null;
}

export async function insertConflict(q: Queryable, expertId: number, creditCode: string, reason: string): Promise<void> {
  await q.query(
    `insert into workflow.expert_conflict (expert_id, credit_code, reason) values ($1, $2, $3)
     on conflict (expert_id, credit_code) do update set reason = excluded.reason, declared_at = now()`,
    [expertId, creditCode, reason],
  );
}

export async function panelOf(q: Queryable, batchId: number): Promise<ExpertRow[]> {
  return q.query<ExpertRow>(
    `select ${EXPERT_COLUMNS} from workflow.panel_member p join workflow.expert e on e.id = p.expert_id where p.batch_id = $1 order by e.id`,
    [batchId],
  );
}

export async function insertPanelMember(q: Queryable, batchId: number, expertId: number, drawnBy: string): Promise<void> {
  await q.query(`insert into workflow.panel_member (batch_id, expert_id, drawn_by) values ($1, $2, $3)`, [batchId, expertId, drawnBy]);
}

export async function assignmentsOfBatch(q: Queryable, batchId: number): Promise<{ application_id: number; expert_id: number }[]> {
  return q.query(
    `select s.application_id, s.expert_id from workflow.assignment s join workflow.application a on a.id = s.application_id where a.batch_id = $1`,
    [batchId],
  );
}

export async function insertAssignment(q: Queryable, applicationId: number, expertId: number): Promise<void> {
  await q.query(`insert into workflow.assignment (application_id, expert_id) values ($1, $2)`, [applicationId, expertId]);
}

export interface ReviewRow {
  expert_id: number;
  expert_name: string;
  expert_username: string;
  score: number | null;
  recommend: boolean | null;
  opinion: string | null;
  scored_at: Date | null;
}

export async function reviewsOf(q: Queryable, applicationId: number): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `select e.id as expert_id, e.name as expert_name, e.username as expert_username, s.score, s.recommend, s.opinion, s.scored_at
     from workflow.assignment a join workflow.expert e on e.id = a.expert_id
     left join workflow.score s on s.application_id = a.application_id and s.expert_id = a.expert_id
     where a.application_id = $1 order by e.id`,
    [applicationId],
  );
}

export async function insertScore(q: Queryable, input: { application_id: number; expert_id: number; score: number; recommend: boolean; opinion: string }): Promise<boolean> {
  const rows = await q.query(
    `insert into workflow.score (application_id, expert_id, score, recommend, opinion) values ($1, $2, $3, $4, $5)
     on conflict (application_id, expert_id) do nothing returning application_id`,
    [input.application_id, input.expert_id, input.score, input.recommend, input.opinion],
  );
  return rows.length === 1;
}

export interface SpotCheckRow {
  id: number;
  checked_on: string;
  inspectors: string;
  findings: string;
  consistent: boolean;
  recorded_by: string;
  recorded_at: Date;
}
export async function insertSpotCheck(q: Queryable, applicationId: number, input: Omit<SpotCheckRow, 'id' | 'recorded_at'>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.spot_check (application_id, checked_on, inspectors, findings, consistent, recorded_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [applicationId, input.checked_on, input.inspectors, input.findings, input.consistent, input.recorded_by],
  );
  return row.id;
}
export async function spotChecksOf(q: Queryable, applicationId: number): Promise<SpotCheckRow[]> {
  return q.query<SpotCheckRow>(`select id, checked_on, inspectors, findings, consistent, recorded_by, recorded_at from workflow.spot_check where application_id = $1 order by id`, [applicationId]);
}

export interface ObjectionRow {
  id: number;
  application_id: number;
  received_on: string;
  objector: string;
  content: string;
  status: 'open' | 'upheld' | 'dismissed';
  response: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}
export async function insertObjection(q: Queryable, input: { application_id: number; received_on: string; objector: string; content: string; recorded_by: string }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.objection (application_id, received_on, objector, content, recorded_by) values ($1, $2, $3, $4, $5) returning id`,
    [input.application_id, input.received_on, input.objector, input.content, input.recorded_by],
  );
  return row.id;
}
export async function findObjection(q: Queryable, id: number): Promise<ObjectionRow | null> {
  const [row] = await q.query<ObjectionRow>(`select * from workflow.objection where id = $1 for update`, [id]);
  return row ?? null;
}
export async function resolveObjection(q: Queryable, id: number, status: 'upheld' | 'dismissed', response: string, by: string): Promise<void> {
  await q.query(`update workflow.objection set status = $2, response = $3, resolved_by = $4, resolved_at = now() where id = $1`, [id, status, response, by]);
}
export async function objectionsOf(q: Queryable, applicationId: number): Promise<ObjectionRow[]> {
  return q.query<ObjectionRow>(`select * from workflow.objection where application_id = $1 order by id`, [applicationId]);
}
export async function openObjectionsOfBatch(q: Queryable, batchId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from workflow.objection o join workflow.application a on a.id = o.application_id where a.batch_id = $1 and o.status = 'open'`,
    [batchId],
  );
  return row.n;
}

export interface RecognitionRow {
  id: number;
  application_id: number;
  batch_id: number;
  credit_code: string;
  district_code: string;
  enterprise_name: string;
  standard: string;
  certificate_no: string;
  issue_date: string;
  expiry_date: string;
  status: 'active' | 'expired' | 'revoked';
  revocation_id: number | null;
  renewed_on: string | null;
}
export async function insertRecognition(q: Queryable, input: Omit<RecognitionRow, 'id' | 'status' | 'revocation_id' | 'renewed_on'>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.recognition (application_id, batch_id, credit_code, district_code, enterprise_name, standard, certificate_no, issue_date, expiry_date)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [input.application_id, input.batch_id, input.credit_code, input.district_code, input.enterprise_name, input.standard, input.certificate_no, input.issue_date, input.expiry_date],
  );
  return row.id;
}
export async function countCertificates(q: Queryable, prefix: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(`select count(*)::int as n from workflow.recognition where certificate_no like $1`, [`${prefix}%`]);
  return row.n;
}
export async function activeRecognitionsOf(q: Queryable, creditCode: string): Promise<RecognitionRow[]> {
  return q.query<RecognitionRow>(`select * from workflow.recognition where credit_code = $1 and status = 'active' order by id for update`, [creditCode]);
}
export async function findRecognition(q: Queryable, scope: Scope, id: number): Promise<RecognitionRow | null> {
  const params: unknown[] = [id];
  const [row] = await q.query<RecognitionRow>(`select * from workflow.recognition r where r.id = $1 and ${scopeCondition(scope, 'r', params)} for update`, params);
  return row ?? null;
}
export async function endRecognition(q: Queryable, id: number, status: 'expired' | 'revoked', revocationId: number | null): Promise<void> {
  await q.query(`update workflow.recognition set status = $2, revocation_id = $3 where id = $1`, [id, status, revocationId]);
}
export async function renewRecognition(q: Queryable, id: number, expiry: string, renewedOn: string): Promise<void> {
  await q.query(`update workflow.recognition set expiry_date = $2, renewed_on = $3 where id = $1`, [id, expiry, renewedOn]);
}
export async function recognitionsInScope(q: Queryable, scope: Scope): Promise<RecognitionRow[]> {
  const params: unknown[] = [];
  return q.query<RecognitionRow>(`select * from workflow.recognition r where ${scopeCondition(scope, 'r', params)} order by r.expiry_date, r.id`, params);
}
export async function recognitionsPastExpiry(q: Queryable, today: string): Promise<RecognitionRow[]> {
  return q.query<RecognitionRow>(`select * from workflow.recognition where status = 'active' and expiry_date < $1 order by id for update`, [today]);
}
export async function recognitionsOfBatch(q: Queryable, batchId: number): Promise<RecognitionRow[]> {
  return q.query<RecognitionRow>(`select * from workflow.recognition where batch_id = $1 order by certificate_no`, [batchId]);
}

export interface RevocationRow {
  id: number;
  credit_code: string;
  district_code: string;
  enterprise_name: string;
  reason_type: string;
  reason: string;
  decided_on: string;
  ban_until: string | null;
  titles_ended: string[];
  decided_by: string;
  decided_at: Date;
}
export async function insertRevocation(q: Queryable, input: Omit<RevocationRow, 'id' | 'decided_at'>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.revocation (credit_code, district_code, enterprise_name, reason_type, reason, decided_on, ban_until, titles_ended, decided_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [input.credit_code, input.district_code, input.enterprise_name, input.reason_type, input.reason, input.decided_on, input.ban_until, input.titles_ended, input.decided_by],
  );
  return row.id;
}
export async function revocationsInScope(q: Queryable, scope: Scope): Promise<RevocationRow[]> {
  const params: unknown[] = [];
  return q.query<RevocationRow>(`select * from workflow.revocation r where ${scopeCondition(scope, 'r', params)} order by r.decided_on desc, r.id desc`, params);
}

export async function insertAnnualUpdate(q: Queryable, input: { credit_code: string; year: number; district_code: string; confirmed_by: string }): Promise<boolean> {
  const rows = await q.query(
    `insert into workflow.annual_update (credit_code, year, district_code, confirmed_by) values ($1, $2, $3, $4) on conflict do nothing returning year`,
    [input.credit_code, input.year, input.district_code, input.confirmed_by],
  );
  return rows.length === 1;
}
export async function annualUpdateYears(q: Queryable, creditCodes: readonly string[]): Promise<{ credit_code: string; year: number; confirmed_at: Date }[]> {
  if (creditCodes.length === 0) return [];
  return q.query(`select credit_code, year, confirmed_at from workflow.annual_update where credit_code = any($1::text[])`, [creditCodes]);
}

export interface ChangeReportRow {
  id: number;
  credit_code: string;
  district_code: string;
  enterprise_name: string;
  change_type: string;
  change_date: string;
  description: string;
  reported_on: string;
  late: boolean;
  reported_by: string;
}
export async function insertChangeReport(q: Queryable, input: Omit<ChangeReportRow, 'id'>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into workflow.change_report (credit_code, district_code, enterprise_name, change_type, change_date, description, reported_on, late, reported_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [input.credit_code, input.district_code, input.enterprise_name, input.change_type, input.change_date, input.description, input.reported_on, input.late, input.reported_by],
  );
  return row.id;
}
export async function changeReportsInScope(q: Queryable, scope: Scope): Promise<ChangeReportRow[]> {
  const params: unknown[] = [];
  return q.query<ChangeReportRow>(
    `select id, credit_code, district_code, enterprise_name, change_type, change_date, description, reported_on, late, reported_by
     from workflow.change_report r where ${scopeCondition(scope, 'r', params)} order by r.reported_on desc, r.id desc`,
    params,
  );
}

export interface NotificationRow {
  id: number;
  audience: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read: boolean;
}
export async function insertNotification(q: Queryable, input: { audience: string; title: string; body: string; link: string | null; dedupe_key: string | null }): Promise<void> {
  await q.query(
    `insert into workflow.notification (audience, title, body, link, dedupe_key) values ($1, $2, $3, $4, $5) on conflict (dedupe_key) do nothing`,
    [input.audience, input.title, input.body, input.link, input.dedupe_key],
  );
}
export async function inbox(q: Queryable, audiences: readonly string[], username: string, limit: number): Promise<NotificationRow[]> {
  return q.query<NotificationRow>(
    `select n.id, n.audience, n.title, n.body, n.link, n.created_at,
            exists (select 1 from workflow.notification_read r where r.notification_id = n.id and r.username = $2) as read
     from workflow.notification n where n.audience = any($1::text[]) order by n.id desc limit $3`,
    [audiences, username, limit],
  );
}
export async function markRead(q: Queryable, audiences: readonly string[], username: string, id: number): Promise<boolean> {
  const rows = await q.query(
    `insert into workflow.notification_read (notification_id, username)
     select n.id, $2 from workflow.notification n where n.id = $3 and n.audience = any($1::text[])
     on conflict do nothing returning notification_id`,
    [audiences, username, id],
  );
  if (rows.length === 1) return true;
  const [exists] = await q.query(`select 1 from workflow.notification where id = $1 and audience = any($2::text[])`, [id, audiences]);
  return !!exists;
}
export async function unreadCount(q: Queryable, audiences: readonly string[], username: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from workflow.notification n where n.audience = any($1::text[])
       and not exists (select 1 from workflow.notification_read r where r.notification_id = n.id and r.username = $2)`,
    [audiences, username],
  );
  return row.n;
}

/** Expert tasks: assigned applications still in city review without this expert's score. */
export async function pendingReviewsOf(q: Queryable, username: string): Promise<{ application_id: number; enterprise_name: string; batch_title: string; city_review_deadline: string }[]> {
  return q.query(
    `select a.id as application_id, a.enterprise_name, b.title as batch_title, b.city_review_deadline
     from workflow.assignment s join workflow.expert e on e.id = s.expert_id join workflow.application a on a.id = s.application_id
     join workflow.batch b on b.id = a.batch_id
     where e.username = $1 and a.state = 'city_review'
       and not exists (select 1 from workflow.score sc where sc.application_id = s.application_id and sc.expert_id = s.expert_id)
     order by b.city_review_deadline, a.id`,
    [username],
  );
}

/** City review progress per application: experts assigned and scores in. */
export async function reviewProgress(q: Queryable, applicationIds: readonly number[]): Promise<Map<number, { assigned: number; scored: number }>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await q.query<{ application_id: number; assigned: number; scored: number }>(
    `select s.application_id, count(*)::int as assigned, count(sc.score)::int as scored
     from workflow.assignment s left join workflow.score sc on sc.application_id = s.application_id and sc.expert_id = s.expert_id
     where s.application_id = any($1::bigint[]) group by s.application_id`,
    [applicationIds],
  );
  return new Map(rows.map((row) => [row.application_id, { assigned: row.assigned, scored: row.scored }]));
}
