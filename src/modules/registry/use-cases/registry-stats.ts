import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import type { Scope } from '../../../platform/scope.ts';
import type { CountCache } from '../count-cache.ts';
import { referenceSets } from '../reference-sets.ts';
import * as repo from '../repository.ts';

/** Counts of the registry in the caller's scope: total, by size class, by district, by title held today. */
export async function registryStats(db: Db, scope: Scope, options: { today?: string; cache?: CountCache<repo.RegistryCounts> } = {}) {
  const today = options.today ?? todayIso();
  const refs = await referenceSets(db);
  const load = () => repo.registryCounts(db, scope, today);
  const counts = await (options.cache ? options.cache.get(JSON.stringify([scope, today]), load) : load());
  return {
    total: counts.total,
    by_size: counts.by_size,
    by_title: counts.by_title,
    by_district: [...refs.districts.values()]
      .filter((district) => scope.all || scope.districts.includes(district.code) || counts.by_district.some((row) => row.code === district.code))
      .map((district) => ({ code: district.code, name: district.name, count: counts.by_district.find((row) => row.code === district.code)?.count ?? 0 })),
  };
}
