import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db, Queryable } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayIso } from '../../../platform/dates.ts';
import { assembleProfile, type ProfileDocument } from '../profile-mapping.ts';
import { CONTRACT_KEY_ORDER, ENTERPRISE_COLUMNS, FIELD_LABELS, SOURCE_LABELS, YEAR_FIELDS, YEAR_FIELD_LABELS } from '../profile-fields.ts';
import { industryPath, referenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';
import type { HistoryResponse, PortraitResponse } from './get-portrait.types.ts';

export async function loadStoredEnterprise(db: Queryable, scope: Scope, creditCode: string): Promise<repo.StoredEnterprise> {
  const stored = await repo.loadEnterprise(db, scope, creditCode);
  if (!stored) throw new AppError('ENTERPRISE_NOT_FOUND', `未找到统一社会信用代码为“${creditCode}”的企业`, { credit_code: creditCode });
  return stored;
}

export async function getProfile(db: Queryable, scope: Scope, creditCode: string): Promise<ProfileDocument> {
  return assembleProfile(await loadStoredEnterprise(db, scope, creditCode));
}

function describeChangeSet(changeSet: repo.ChangeSetRow) {
  return {
    source: changeSet.source,
    source_label: SOURCE_LABELS[changeSet.source] ?? changeSet.source,
    source_ref: changeSet.source_ref,
    actor: changeSet.actor,
    at: changeSet.created_at.toISOString(),
  };
}

/**
 * The portrait: the profile, names for its codes, where each known value came from (the id of the change set that
 * wrote it, each change set described once), and what is missing.
 * A view by anyone but the enterprise itself is recorded in the audit log.
 */
export async function getPortrait(db: Db, scope: Scope, viewer: Actor & { ownEnterprises: readonly string[] }, creditCode: string, today: string = todayIso()): Promise<PortraitResponse> {
  const stored = await loadStoredEnterprise(db, scope, creditCode);
  // The view's audit record and the provenance go to the database side by side (no portrait without its record).
  const [, { revisions, changeSets }] = await Promise.all([
    viewer.ownEnterprises.includes(creditCode) ? null : writeAudit(db, viewer, { action: 'enterprise.portrait.view', objectType: 'enterprise', objectId: creditCode }),
    repo.loadProvenance(db, stored),
  ]);
  const refs = await referenceSets(db);
  const profile = assembleProfile(stored);

  // The latest revision that set a key gives its provenance; values never revised come from the write that created the row.
  const setBy = new Map<string, number>();
  for (const revision of revisions) {
    if (revision.entity.startsWith('list:')) {
      const key = revision.entity.slice(5);
      if (!setBy.has(key)) setBy.set(key, revision.change_set_id);
      continue;
    }
    const prefix = revision.entity === 'enterprise' ? '' : `years.${revision.entity.slice(5)}.`;
    for (const key of Object.keys((revision.after ?? {}) as Record<string, unknown>)) {
      if (!setBy.has(prefix + key)) setBy.set(prefix + key, revision.change_set_id);
    }
  }
  const provenanceIds = new Map<string, number>();
  const { enterprise } = stored;
  for (const key of [...ENTERPRISE_COLUMNS, ...Object.keys(enterprise.details)]) {
    const value = key in enterprise.details ? enterprise.details[key] : enterprise[key as keyof typeof enterprise];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0 && key === 'chains')) continue;
    provenanceIds.set(key, setBy.get(key) ?? enterprise.created_change_set);
  }
  for (const row of stored.years) {
    for (const field of YEAR_FIELDS) {
      if (row[field] === null) continue;
      const path = `years.${row.fiscal_year}.${field}`;
      provenanceIds.set(path, setBy.get(path) ?? row.created_change_set);
    }
  }
  for (const key of Object.keys(enterprise.lists)) provenanceIds.set(key, setBy.get(key) ?? enterprise.created_change_set);
  const provenance: PortraitResponse['provenance'] = {};
  const described: PortraitResponse['change_sets'] = {};
  for (const [path, rawId] of provenanceIds) {
    const id = Number(rawId);
    const changeSet = changeSets.get(id);
    if (!changeSet) continue;
    provenance[path] = id;
    described[id] ??= describeChangeSet(changeSet);
  }

  const path = industryPath(refs.industries, enterprise.industry_code as string | null);
  return {
    profile,
    meta: {
      district_name: refs.districts.get(enterprise.district_code as string)?.name ?? null,
      industry_name: path.at(-1)?.name ?? null,
      industry_path: path.map((row) => ({ code: row.code, name: row.name })),
      chains: (enterprise.chains as string[]).map((id) => ({ id, name: refs.chains.get(id)?.name ?? id })),
      size_class: enterprise.size_class,
      version: enterprise.version,
      updated_at: enterprise.updated_at.toISOString(),
    },
    provenance,
    change_sets: described,
    gaps: dataGaps(profile, today),
  };
}

/** Unknown values of the profile that the portrait should point out: identity keys, lists, and the last four fiscal years. */
export function dataGaps(profile: ProfileDocument, today: string): { path: string; label: string }[] {
  const gaps: { path: string; label: string }[] = [];
  for (const key of CONTRACT_KEY_ORDER) {
    if (key === 'years' || key === 'credit_code' || key === 'reviewer_judgements') continue;
    if (profile[key] === null || profile[key] === undefined) gaps.push({ path: key, label: FIELD_LABELS[key] ?? key });
  }
  const lastYear = Number(today.slice(0, 4)) - 1;
  const years = (profile.years ?? {}) as Record<string, Record<string, number | null>>;
  for (let year = lastYear - 3; year <= lastYear; year++) {
    const figures = years[String(year)];
    if (!figures) {
      gaps.push({ path: `years.${year}`, label: `${year}年 年度数据` });
      continue;
    }
    for (const field of YEAR_FIELDS) {
      if (figures[field] === null || figures[field] === undefined) {
        gaps.push({ path: `years.${year}.${field}`, label: `${year}年 ${YEAR_FIELD_LABELS[field]}` });
      }
    }
  }
  return gaps;
}

export async function getHistory(db: Db, scope: Scope, creditCode: string): Promise<HistoryResponse> {
  const revisions = await repo.loadRevisions(db, await loadStoredEnterprise(db, scope, creditCode));
  const changeSets = await repo.loadChangeSets(db, revisions.map((r) => r.change_set_id));
  return {
    items: revisions.map((revision) => ({
      id: Number(revision.id),
      entity: revision.entity,
      before: revision.before,
      after: revision.after,
      change_set: describeChangeSet(changeSets.get(Number(revision.change_set_id))!),
    })),
  };
}
