import type { Queryable } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import { assembleProfile, type ProfileDocument } from '../profile-mapping.ts';
import { YEAR_FIELDS } from '../profile-fields.ts';
import * as repo from '../repository.ts';

/**
 * What an import needs to know about enterprises already in the registry, whoever's scope they are in:
 * the importer rejects rows outside the caller's scope itself and reveals nothing of those enterprises.
 */

export interface StoredProfile {
  profile: ProfileDocument;
  district_code: string | null;
}

/** Current contract profiles of the given credit codes, read a thousand at a time. */
export async function profilesByCreditCode(q: Queryable, creditCodes: readonly string[]): Promise<Map<string, StoredProfile>> {
  const found = new Map<string, StoredProfile>();
  const codes = [...new Set(creditCodes)];
  for (let start = 0; start < codes.length; start += 1000) {
    const rows = await repo.profileBatch(q, systemScope(), { after: null, limit: 1000, creditCodes: codes.slice(start, start + 1000) });
    for (const row of rows) {
      const years = (row.years ?? []).map((packed) => {
        const year: Record<string, number | null> = { fiscal_year: packed[0] };
        for (let i = 0; i < YEAR_FIELDS.length; i++) year[YEAR_FIELDS[i]] = packed[i + 1];
        return year as unknown as repo.YearRow;
      });
      found.set(row.credit_code, {
        profile: assembleProfile({ enterprise: row as unknown as repo.EnterpriseRow, years }),
        district_code: (row.district_code as string | null) ?? null,
      });
    }
  }
  return found;
}

export async function enterprisesNamed(q: Queryable, names: readonly string[]) {
  return repo.enterprisesNamed(q, [...new Set(names)]);
}

export async function ipNumberHolders(q: Queryable, numbers: readonly string[]) {
  return repo.ipNumberHolders(q, [...new Set(numbers)]);
}
