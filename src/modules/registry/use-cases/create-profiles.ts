import type { Actor } from '../../../platform/audit.ts';
import type { Queryable } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { scopeAllows, type Scope } from '../../../platform/scope.ts';
import { AppError } from '../../../platform/errors.ts';
import { listingColumns } from '../listing-columns.ts';
import { splitProfile } from '../profile-mapping.ts';
import type { ReferenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';
import { validateProfile } from '../validate-profile.ts';
import type { PROFILE_SOURCES } from './save-profile.types.ts';

export interface NewProfile {
  profile: unknown;
  sourceRef: string;
}

const STATEMENT_ROWS = 2000;

/**
 * storeProfile for many enterprises that are not in the registry yet, inside the caller's transaction:
 * each gets its own change set (its provenance) and audit record, written a few thousand per statement.
 * An enterprise that exists already fails the whole transaction on the primary key.
 */
export async function createProfiles(
  tx: Queryable,
  refs: ReferenceSets,
  actor: Actor,
  scope: Scope,
  items: readonly NewProfile[],
  options: { source: (typeof PROFILE_SOURCES)[number]; today?: string; onProgress?: (done: number) => void },
): Promise<Map<string, number>> {
  const today = options.today ?? todayIso();
  const created = new Map<string, number>();
  for (let start = 0; start < items.length; start += STATEMENT_ROWS) {
    const chunk = items.slice(start, start + STATEMENT_ROWS);
    const ids = await repo.reserveChangeSetIds(tx, chunk.length);
    const rows: repo.NewEnterpriseRow[] = chunk.map((item, index) => {
      const profile = validateProfile(item.profile, refs);
      if (!scopeAllows(scope, { credit_code: profile.credit_code, district_code: (profile.district_code as string | null) ?? null })) {
        throw new AppError('FORBIDDEN', `您无权将企业“${profile.credit_code}”登记到区县“${profile.district_code ?? '未填'}”：超出您的管辖范围`);
      }
      const split = splitProfile(profile);
      return {
        credit_code: profile.credit_code,
        write: { columns: split.columns, details: split.details, lists: split.lists, ...listingColumns(profile, split, today) },
        years: [...split.years],
        change_set_id: ids[index],
      };
    });
    await repo.insertChangeSets(tx, ids, { source: options.source, sourceRefs: chunk.map((item) => item.sourceRef), actor: actor.id, actorRole: actor.role });
    await repo.insertEnterprises(tx, rows);
    await repo.insertAuditRecords(
      tx,
      actor,
      'enterprise.profile.create',
      rows.map((row) => ({ objectId: row.credit_code, summary: { version: 1, name: row.write.columns.name, source: options.source } })),
    );
    for (const row of rows) created.set(row.credit_code, row.change_set_id);
    options.onProgress?.(start + chunk.length);
  }
  return created;
}
