import type { Actor } from '../../../platform/audit.ts';
import type { Queryable } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { FIELD_LABELS, YEAR_FIELD_LABELS, type YearField } from '../profile-fields.ts';
import type { ReferenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';
import { getProfile } from './get-portrait.ts';
import { storeProfile } from './save-profile.ts';

export type UndoOutcome = { undone: true; change_set_id: number | null } | { undone: false; conflict: string };

const keysOf = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : null);

/** The values of a revision, as "entity:key" ("list:…" and whole years stand for all their values). */
function touched(revision: repo.RevisionRow): Set<string> {
  if (revision.entity.startsWith('list:')) return new Set([revision.entity]);
  const keys = revision.entity === 'enterprise' || (revision.before !== null && revision.after !== null) ? keysOf(revision.after ?? revision.before) : null;
  return keys ? new Set(keys.map((key) => `${revision.entity}:${key}`)) : new Set([`${revision.entity}:*`]);
}

function label(value: string): string {
  const [entity, key] = value.split(/:(?=[^:]*$)/);
  if (entity.startsWith('year:')) return `${entity.slice(5)} 年${key === '*' ? '全部年度数据' : YEAR_FIELD_LABELS[key as YearField] ?? key}`;
  if (entity === 'list') return FIELD_LABELS[key] ?? key;
  return FIELD_LABELS[key] ?? key;
}

/**
 * Puts back the values one change set wrote for one enterprise, as a new change (so the undo itself is history).
 * Refuses when a later change set touched any of the same values: undoing would overwrite someone's later work.
 * An enterprise the change set created is removed, if nothing has changed it since.
 */
export async function undoChangeSet(
  tx: Queryable,
  refs: ReferenceSets,
  actor: Actor,
  scope: Scope,
  change: { credit_code: string; change_set_id: number; created: boolean },
  sourceRef: string,
): Promise<UndoOutcome> {
  const current = await getProfile(tx, scope, change.credit_code);
  if (change.created) {
    if (await repo.deleteEnterpriseCreatedBy(tx, change.credit_code, change.change_set_id)) return { undone: true, change_set_id: null };
    return { undone: false, conflict: `企业“${current.name ?? change.credit_code}”（${change.credit_code}）由本次导入新建，之后又被修改过，不能直接删除` };
  }
  const revisions = await repo.revisionsSince(tx, change.credit_code, change.change_set_id);
  const ours = revisions.filter((revision) => revision.change_set_id === change.change_set_id);
  const ourValues = new Set(ours.flatMap((revision) => [...touched(revision)]));
  const overlapping = new Set<string>();
  for (const later of revisions.filter((revision) => revision.change_set_id > change.change_set_id)) {
    for (const value of touched(later)) {
      const wholeEntity = `${value.split(/:(?=[^:]*$)/)[0]}:*`;
      if (ourValues.has(value) || ourValues.has(wholeEntity) || (value.endsWith(':*') && [...ourValues].some((ours) => ours.startsWith(value.slice(0, -1))))) {
        overlapping.add(value);
      }
    }
  }
  if (overlapping.size > 0) {
    return {
      undone: false,
      conflict: `企业“${current.name ?? change.credit_code}”（${change.credit_code}）的${[...overlapping].map(label).join('、')}在本次导入之后又被修改过`,
    };
  }
  const restored = structuredClone(current) as Record<string, unknown> & { years?: Record<string, Record<string, unknown>> | null };
  for (const revision of ours) {
    if (revision.entity === 'enterprise') {
      Object.assign(restored, revision.before);
    } else if (revision.entity.startsWith('year:')) {
      const year = revision.entity.slice(5);
      const years = { ...(restored.years ?? {}) };
      if (revision.before === null) delete years[year];
      else years[year] = { ...(years[year] ?? {}), ...(revision.before as Record<string, unknown>) };
      restored.years = years;
    } else if (revision.entity.startsWith('list:')) {
      restored[revision.entity.slice(5)] = revision.before;
    }
  }
  const result = await storeProfile(tx, refs, actor, scope, change.credit_code, restored, { source: 'import', source_ref: sourceRef });
  return { undone: true, change_set_id: result.change_set_id };
}
