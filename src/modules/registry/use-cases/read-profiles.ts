import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { assembleProfile, type ProfileDocument } from '../profile-mapping.ts';
import { YEAR_FIELDS } from '../profile-fields.ts';
import * as repo from '../repository.ts';

export interface ProfileBatch {
  profiles: ProfileDocument[];
  /** The last credit code of the batch: pass it back as `after` to resume from here. */
  last: string;
  /** The highest change set among the batch's enterprises. */
  maxChangeSet: number;
}

/** Contract profiles of every enterprise in scope (after `after`, up to and including `upTo`), in credit-code order, a batch at a time. */
export async function* readProfiles(
  db: Db,
  scope: Scope,
  options: { batchSize?: number; after?: string | null; upTo?: string | null; creditCodes?: readonly string[] } = {},
): AsyncGenerator<ProfileBatch> {
  const limit = options.batchSize ?? 5000;
  let after = options.after ?? null;
  for (;;) {
    const rows = await repo.profileBatch(db, scope, { after, upTo: options.upTo, limit, creditCodes: options.creditCodes });
    if (rows.length === 0) return;
    let maxChangeSet = 0;
    const profiles = rows.map((row) => {
      if (row.change_set_id > maxChangeSet) maxChangeSet = row.change_set_id;
      return toProfile(row);
    });
    after = rows[rows.length - 1].credit_code;
    yield { profiles, last: after, maxChangeSet };
    if (rows.length < limit) return;
  }
}

/** A stored year from its packed form [fiscal_year, ...YEAR_FIELDS], as one object literal (see assembleProfile). */
const unpackYear = new Function('packed', `return { fiscal_year: packed[0], ${YEAR_FIELDS.map((field, i) => `${field}: packed[${i + 1}]`).join(', ')} };`) as (
  packed: (number | null)[],
) => repo.YearRow;

function toProfile(row: repo.ProfileRow): ProfileDocument {
  return assembleProfile({ enterprise: row as unknown as repo.EnterpriseRow, years: (row.years ?? []).map(unpackYear) });
}
