import type { Actor } from '../../../platform/audit.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Db, Queryable } from '../../../platform/db.ts';
import { scopeAllows, type Scope } from '../../../platform/scope.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayIso } from '../../../platform/dates.ts';
import { listingColumns } from '../listing-columns.ts';
import { splitProfile } from '../profile-mapping.ts';
import { ENTERPRISE_COLUMNS, LIST_KEYS, YEAR_FIELDS } from '../profile-fields.ts';
import { referenceSets, type ReferenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';
import { validateProfile } from '../validate-profile.ts';
import type { SaveProfileQuery, SaveProfileResponse } from './save-profile.types.ts';

/** jsonb does not keep key order, so values are compared with their keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value ?? null;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Stores a whole contract profile (PUT semantics: what the document leaves out becomes unknown).
 * A correction is a new version: each changed entity gets a revision with its old and new values.
 */
export async function saveProfile(
  db: Db,
  actor: Actor,
  scope: Scope,
  creditCode: string,
  body: unknown,
  options: SaveProfileQuery & { today?: string },
): Promise<SaveProfileResponse> {
  const refs = await referenceSets(db);
  return db.transaction((tx) => storeProfile(tx, refs, actor, scope, creditCode, body, options));
}

/** saveProfile inside the caller's transaction: an import commits all its rows, or none. */
export async function storeProfile(
  tx: Queryable,
  refs: ReferenceSets,
  actor: Actor,
  scope: Scope,
  creditCode: string,
  body: unknown,
  options: SaveProfileQuery & { today?: string },
): Promise<SaveProfileResponse> {
  const profile = validateProfile(body, refs);
  if (profile.credit_code !== creditCode) {
    throw new AppError('VALIDATION_FAILED', `路径中的统一社会信用代码“${creditCode}”与画像中的“${profile.credit_code}”不一致`, [
      { key: 'credit_code', message: '与路径不一致' },
    ]);
  }
  const today = options.today ?? todayIso();
  const split = splitProfile(profile);
  const write: repo.EnterpriseWrite = { columns: split.columns, details: split.details, lists: split.lists, ...listingColumns(profile, split, today) };

  if (!scopeAllows(scope, { credit_code: creditCode, district_code: (profile.district_code as string | null) ?? null })) {
    throw new AppError('FORBIDDEN', `您无权将企业“${creditCode}”登记到区县“${profile.district_code ?? '未填'}”：超出您的管辖范围`);
  }
  const existing = await repo.loadEnterprise(tx, scope, creditCode, { forUpdate: true });
  if (options.expected_version !== undefined && existing && existing.enterprise.version !== options.expected_version) {
    throw new AppError('CONFLICT', `企业信息已被他人修改（当前版本 ${existing.enterprise.version}，您编辑的是版本 ${options.expected_version}），请刷新后重试`, {
      current_version: existing.enterprise.version,
    });
  }
  const revisions = existing ? diff(existing, split) : [];
  if (existing && revisions.length === 0) {
    return { credit_code: creditCode, version: existing.enterprise.version, created: false, changed: false, change_set_id: null };
  }
  const changeSetId = await repo.insertChangeSet(tx, {
    source: options.source,
    sourceRef: options.source_ref ?? null,
    actor: actor.id,
    actorRole: actor.role,
  });
  let version = 1;
  if (!existing) {
    await repo.insertEnterprise(tx, creditCode, write, changeSetId);
  } else {
    version = await repo.updateEnterprise(tx, creditCode, write, changeSetId);
  }
  await writeYears(tx, creditCode, split, existing ? changedYears(revisions) : [...split.years.keys()], changeSetId);
  await repo.insertRevisions(tx, creditCode, changeSetId, revisions);
  await writeAudit(tx, actor, {
    action: existing ? 'enterprise.profile.update' : 'enterprise.profile.create',
    objectType: 'enterprise',
    objectId: creditCode,
    summary: existing
      ? { version, changed: revisions.map((r) => r.entity), source: options.source }
      : { version, name: profile.name, source: options.source },
  });
  return { credit_code: creditCode, version, created: !existing, changed: true, change_set_id: changeSetId };
}

/** Writes the years a revision names (or every year of a new enterprise); a year the document left out is deleted. */
async function writeYears(tx: Queryable, creditCode: string, split: ReturnType<typeof splitProfile>, years: number[], changeSetId: number) {
  for (const year of years) {
    const values = split.years.get(year);
    if (values) await repo.upsertYear(tx, creditCode, year, values, changeSetId);
    else await repo.deleteYear(tx, creditCode, year);
  }
}

const changedYears = (revisions: repo.RevisionInput[]) =>
  revisions.filter((revision) => revision.entity.startsWith('year:')).map((revision) => Number(revision.entity.slice(5)));

/** What a write changes, entity by entity, with only the changed keys of each. */
function diff(existing: repo.StoredEnterprise, split: ReturnType<typeof splitProfile>): repo.RevisionInput[] {
  const revisions: repo.RevisionInput[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const column of ENTERPRISE_COLUMNS) {
    const oldValue = existing.enterprise[column] ?? (column === 'chains' ? [] : null);
    if (!same(oldValue, split.columns[column])) {
      before[column] = oldValue;
      after[column] = split.columns[column];
    }
  }
  for (const key of new Set([...Object.keys(existing.enterprise.details), ...Object.keys(split.details)])) {
    if (!same(existing.enterprise.details[key], split.details[key])) {
      before[key] = existing.enterprise.details[key] ?? null;
      after[key] = split.details[key] ?? null;
    }
  }
  if (Object.keys(after).length > 0) revisions.push({ entity: 'enterprise', before, after });

  const oldYears = new Map(existing.years.map((row) => [row.fiscal_year, row]));
  for (const year of [...new Set([...oldYears.keys(), ...split.years.keys()])].sort()) {
    const old = oldYears.get(year);
    const values = split.years.get(year);
    if (!old || !values) {
      revisions.push({ entity: `year:${year}`, before: old ? pickYear(old) : null, after: values ?? null });
      continue;
    }
    const yearBefore: Record<string, unknown> = {};
    const yearAfter: Record<string, unknown> = {};
    for (const field of Object.keys(values)) {
      const oldValue = old[field as keyof typeof old] ?? null;
      if (!same(oldValue, values[field])) {
        yearBefore[field] = oldValue;
        yearAfter[field] = values[field];
      }
    }
    if (Object.keys(yearAfter).length > 0) revisions.push({ entity: `year:${year}`, before: yearBefore, after: yearAfter });
  }

  for (const key of LIST_KEYS) {
    const old = existing.enterprise.lists[key] ?? null;
    const items = split.lists[key] ?? null;
    if (!same(old, items)) revisions.push({ entity: `list:${key}`, before: old, after: items });
  }
  return revisions;
}

function pickYear(row: repo.YearRow): Record<string, unknown> {
  return Object.fromEntries(YEAR_FIELDS.map((field) => [field, row[field]]));
}
