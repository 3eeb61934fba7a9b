import { evaluate } from '../../standards/index.ts';
import type { EnterpriseWrite } from './repository.ts';
import type { SplitProfile, ProfileDocument } from './profile-mapping.ts';

/** The search columns of registry.enterprise, derived from the profile at each write. */
export function listingColumns(profile: ProfileDocument, split: SplitProfile, today: string): Omit<EnterpriseWrite, 'columns' | 'details' | 'lists'> {
  const latestYear = Math.max(-Infinity, ...split.years.keys());
  const latest = Number.isFinite(latestYear) ? split.years.get(latestYear)! : null;
  const qualifications = (split.lists.qualifications ?? []) as { title?: string }[];
  const result = evaluate([profile], { asOf: today, application: 'new', standards: [] });
  return {
    sizeClass: result.results[0]?.size_class ?? null,
    titles: [...new Set(qualifications.map((q) => q.title).filter((title): title is string => Boolean(title)))].sort(),
    summary: {
      year: latest ? latestYear : null,
      operatingRevenue: latest?.operating_revenue ?? null,
      rdExpense: latest?.rd_expense ?? null,
      employees: latest?.employees_period_end ?? latest?.employees_total ?? null,
    },
  };
}
