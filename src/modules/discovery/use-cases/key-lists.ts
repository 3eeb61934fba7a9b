import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { scopeAllows, type Scope } from '../../../platform/scope.ts';
import type { StandardId } from '../../../standards/index.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import * as repo from '../repository.ts';
import { STATUS_ORDER } from '../results.ts';
import {
  DEFAULT_STANDARD,
  KEY_LIST_KIND_LABELS,
  type CreateKeyListBody,
  type KeyListDetail,
  type KeyListView,
  type MemberView,
} from './key-lists.types.ts';

const notFound = (id: number) => new AppError('NOT_FOUND', `未找到编号为 ${id} 的清单`);

async function view(db: Db, row: repo.KeyListRow): Promise<KeyListView> {
  const refs = await referenceSets(db);
  return {
    id: row.id,
    kind: row.kind,
    kind_label: KEY_LIST_KIND_LABELS[row.kind],
    name: row.name,
    year: row.year,
    district_code: row.district_code,
    district_name: row.district_code ? (refs.districts.get(row.district_code)?.name ?? null) : null,
    standard: row.standard as StandardId,
    capacity: row.capacity,
    note: row.note,
    created_by: row.created_by,
    created_at: new Date(row.created_at).toISOString(),
    members: row.members,
  };
}

/** A district's list is its district's to keep (and the city's); the city's pools are the city's alone. */
function assertMayEdit(scope: Scope, list: { kind: string; district_code: string | null }) {
  if (scope.all) return;
  if (list.kind === 'district' && list.district_code && scope.districts.includes(list.district_code)) return;
  throw new AppError('FORBIDDEN', list.kind === 'district' ? '您只能维护本区县的重点清单' : '市级培育库和清单由市经济信息委维护');
}

export async function createKeyList(db: Db, actor: Actor, scope: Scope, body: CreateKeyListBody): Promise<KeyListView> {
  const districtCode = body.kind === 'district' ? (body.district_code ?? (scope.all ? null : (scope.districts[0] ?? null))) : null;
  if (body.kind === 'district' && !districtCode) throw new AppError('VALIDATION_FAILED', '区县重点清单须指定区县', [{ key: 'district_code', message: '必填' }]);
  const refs = await referenceSets(db);
  if (districtCode && !refs.districts.has(districtCode)) throw new AppError('UNKNOWN_DISTRICT', `未知的区县代码：${districtCode}`);
  assertMayEdit(scope, { kind: body.kind, district_code: districtCode });
  const districtName = districtCode ? refs.districts.get(districtCode)!.name : null;
  const name = body.name ?? `${body.year}年${districtName ?? ''}${KEY_LIST_KIND_LABELS[body.kind]}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertKeyList(tx, {
      kind: body.kind,
      name,
      year: body.year,
      districtCode,
      standard: body.standard ?? DEFAULT_STANDARD[body.kind],
      capacity: body.capacity ?? (body.kind === 'ipo_reserve' || body.kind === 'demonstration' ? 100 : null),
      note: body.note ?? null,
      createdBy: actor.id,
    });
    if (!row) throw new AppError('CONFLICT', `同名清单已存在：${name}`);
    await writeAudit(tx, actor, { action: 'discovery.key_list.create', objectType: 'key_list', objectId: String(row.id), summary: { kind: body.kind, name, year: body.year, district_code: districtCode } });
    return view(db, row);
  });
}

export async function listKeyLists(db: Db, scope: Scope, filter: { year?: number; kind?: repo.KeyListKind }): Promise<{ items: KeyListView[] }> {
  const rows = await repo.listKeyLists(db, scope, filter);
  return { items: await Promise.all(rows.map((row) => view(db, row))) };
}

async function visibleList(db: Db, scope: Scope, id: number): Promise<repo.KeyListRow> {
  const list = await repo.getKeyList(db, id);
  if (!list) throw notFound(id);
  if (!scope.all && list.district_code && !scope.districts.includes(list.district_code)) throw new AppError('FORBIDDEN', '您无权查看其他区县的重点清单');
  return list;
}

function movement(member: repo.MemberRow): MemberView['movement'] {
  const before = member.added_status;
  const now = member.current_status;
  if (before === null || now === null) return 'unknown';
  if (now === 0 && before !== 0) return 'reached';
  if (before === 0 && now !== 0) return 'lost';
  if (member.added_unmet !== null && member.current_unmet !== null) {
    if (member.current_unmet < member.added_unmet || (member.current_unmet === member.added_unmet && (member.current_distance ?? 0) < (member.added_distance ?? 0) - 1e-6)) return 'closer';
    if (member.current_unmet > member.added_unmet || (member.current_unmet === member.added_unmet && (member.current_distance ?? 0) > (member.added_distance ?? 0) + 1e-6)) return 'further';
  }
  return 'unchanged';
}

/** A list with its members in scope: their status in the latest run and their movement since they were added. */
export async function getKeyList(db: Db, scope: Scope, id: number, history: boolean): Promise<KeyListDetail> {
  const list = await visibleList(db, scope, id);
  const [run] = await repo.latestCompletedRuns(db, null, 1);
  const k = run ? run.standards.indexOf(list.standard) + 1 || null : null;
  const members = await repo.listMembers(db, scope, id, run?.id ?? null, k, history);
  const refs = await referenceSets(db);
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    ...(await view(db, { ...list, members: members.filter((m) => m.removed_at === null).length })),
    run: run ? { id: run.id, as_of: run.as_of } : null,
    items: members.map((m) => ({
      credit_code: m.credit_code,
      name: m.name,
      district_code: m.district_code,
      district_name: m.district_code ? (refs.districts.get(m.district_code)?.name ?? null) : null,
      chains: m.chains,
      added_at: iso(m.added_at)!,
      added_by: m.added_by,
      add_reason: m.add_reason,
      removed_at: iso(m.removed_at),
      removed_by: m.removed_by,
      remove_reason: m.remove_reason,
      added_status: m.added_status === null ? null : STATUS_ORDER[m.added_status],
      added_unmet: m.added_unmet,
      current_status: m.current_status === null ? null : STATUS_ORDER[m.current_status],
      current_unmet: m.current_unmet,
      movement: movement(m),
    })),
  };
}

/** Adds an enterprise in scope to a list, with the reason and its standing in the latest run as the baseline. */
export async function addMember(db: Db, actor: Actor, scope: Scope, id: number, body: { credit_code: string; reason: string }): Promise<KeyListDetail> {
  const list = await visibleList(db, scope, id);
  assertMayEdit(scope, list);
  const [run] = await repo.latestCompletedRuns(db, null, 1);
  if (!run) throw new AppError('NO_COMPLETED_RUN', '尚无已完成的评价批次：请先发起一次全库评价，再从候选企业中选入清单');
  const [result] = await repo.resultsOf(db, scope, run.id, [body.credit_code]);
  if (!result) throw new AppError('ENTERPRISE_NOT_FOUND', `最新评价批次中没有您权限范围内统一社会信用代码为“${body.credit_code}”的企业`);
  if (list.kind === 'district' && result.district_code !== list.district_code) {
    throw new AppError('VALIDATION_FAILED', `该企业不属于清单所在区县`, [{ key: 'credit_code', message: '区县不符' }]);
  }
  if (!scopeAllows(scope, result)) throw new AppError('FORBIDDEN', '该企业不在您的管辖范围内');
  const k = run.standards.indexOf(list.standard);
  await db.transaction(async (tx) => {
    if (await repo.currentMember(tx, id, body.credit_code)) throw new AppError('ALREADY_LISTED', `“${result.name}”已在清单中`);
    const memberId = await repo.insertMember(tx, {
      listId: id,
      creditCode: result.credit_code,
      name: result.name,
      districtCode: result.district_code,
      industryCode: result.industry_code,
      chains: result.chains,
      addedBy: actor.id,
      reason: body.reason,
      runId: run.id,
      status: k < 0 ? null : result.status[k],
      unmet: k < 0 ? null : result.unmet[k],
      distance: k < 0 ? null : result.distance[k],
    });
    await writeAudit(tx, actor, { action: 'discovery.key_list.add', objectType: 'key_list', objectId: String(id), summary: { credit_code: body.credit_code, reason: body.reason, member_id: memberId } });
  });
  return getKeyList(db, scope, id, false);
}

/** Removes a member with a reason; its row stays as history. */
export async function removeMember(db: Db, actor: Actor, scope: Scope, id: number, creditCode: string, reason: string): Promise<KeyListDetail> {
  const list = await visibleList(db, scope, id);
  assertMayEdit(scope, list);
  await db.transaction(async (tx) => {
    const member = await repo.currentMember(tx, id, creditCode);
    if (!member) throw new AppError('NOT_FOUND', `清单中没有统一社会信用代码为“${creditCode}”的企业`);
    await repo.closeMember(tx, member.id, actor.id, reason);
    await writeAudit(tx, actor, { action: 'discovery.key_list.remove', objectType: 'key_list', objectId: String(id), summary: { credit_code: creditCode, reason } });
  });
  return getKeyList(db, scope, id, false);
}
