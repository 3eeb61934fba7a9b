import type { Queryable } from '../../platform/db.ts';
import { listChains, listDistricts, listIndustries, type ChainRow, type DistrictRow, type IndustryRow } from './repository.ts';

/** Reference tables are fixed by migration, so each process reads them once. */
export interface ReferenceSets {
  districts: Map<string, DistrictRow>;
  industries: Map<string, IndustryRow>;
  chains: Map<string, ChainRow>;
}

const cache = new WeakMap<object, Promise<ReferenceSets>>();

export function referenceSets(db: Queryable): Promise<ReferenceSets> {
  let sets = cache.get(db);
  if (!sets) {
    sets = (async () => ({
      districts: new Map((await listDistricts(db)).map((row) => [row.code, row])),
      industries: new Map((await listIndustries(db)).map((row) => [row.code, row])),
      chains: new Map((await listChains(db)).map((row) => [row.id, row])),
    }))();
    cache.set(db, sets);
  }
  return sets;
}

export function industryPath(industries: Map<string, IndustryRow>, code: string | null): IndustryRow[] {
  const path: IndustryRow[] = [];
  let current = code ? industries.get(code) : undefined;
  while (current) {
    path.unshift(current);
    current = current.parent_code ? industries.get(current.parent_code) : undefined;
  }
  return path;
}
