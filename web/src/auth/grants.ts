import { useEffect, useState } from 'react';
import type { RoleGrant } from '../api/types.ts';
import { loadDistricts } from '../lib/reference.ts';

/**
 * District code → name, empty until the reference list has loaded (codes show meanwhile). Not loaded while
 * `enabled` is false: an account that must first change its password may not read reference data yet.
 */
export function useDistrictNames(enabled = true): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    loadDistricts().then(
      (districts) => current && setNames(new Map(districts.map((district) => [district.code, district.name]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled]);
  return names;
}

/** What a grant is bound to, for people: 渝北区, a credit code, 市科技局, a bank; null for unbound roles. */
export function bindingOf(grant: RoleGrant, districtNames: ReadonlyMap<string, string>): string | null {
  if (grant.district_code) return districtNames.get(grant.district_code) ?? grant.district_code;
  return grant.credit_code ?? grant.department ?? grant.institution ?? null;
}
