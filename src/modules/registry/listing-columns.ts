import { evaluate } from '../../standards/index.ts';
import type { EnterpriseWrite } from './repository.ts';
import type { SplitProfile, ProfileDocument } from './profile-mapping.ts';

/** The search columns of registry.enterprise, derived from the profile at each write. */
export function listingColumns(profile: ProfileDocument, split: SplitProfile, today: string): Omit<EnterpriseWrite, 'columns' | 'details' | 'lists'> {
  const latestYear = Math.max(-Infinity, ...split.years.keys());
  const latest = Number.isFinite(latestYear) ? split.years.get(latestYear)! : null;
  const qualifications = (split.lists.qualifications ?? []) as { title?: string | null; issue_date?: string | null; expiry_date?: string | null }[];
  const result = evaluate([profile], { asOf: today, application: 'new', standards: [] });
  return {
    sizeClass: result.results[0]?.size_class ?? null,
    titles: [...new Set(qualifications.map((q) => q.title).filter((title): title is string => Boolean(title)))].sort(),
    titleTerms: titleTerms(qualifications),
    summary: {
      year: latest ? latestYear : null,
      operatingRevenue: latest?.operating_revenue ?? null,
      rdExpense: latest?.rd_expense ?? null,
      employees: latest?.employees_period_end ?? latest?.employees_total ?? null,
    },
  };
}

/**
 * Each titled qualification as `title|issue|expiry` (an unknown issue date as 0000, an unknown expiry as 9999): what the
 * registry's lists, filters and counts need to tell the titles held validly on a day, in a small array kept in the
 * row, so a page hands it to the API process rather than running a subquery per row over the whole `lists` document.
 */
export function titleTerms(qualifications: readonly { title?: string | null; issue_date?: string | null; expiry_date?: string | null }[]): string[] {
  return qualifications
    .filter((q) => Boolean(q.title))
    .map((q) => `${q.title}|${q.issue_date || '0000'}|${q.expiry_date || '9999'}`)
    .sort();
}

/** The titles that terms (see titleTerms) hold on a day, each once, in order. */
export function titlesHeldOn(terms: readonly string[], day: string): string[] {
  const held = new Set<string>();
  for (const term of terms) {
    const [title, issued, expires] = term.split('|');
    if (issued <= day && expires >= day) held.add(title);
  }
  return [...held].sort();
}
