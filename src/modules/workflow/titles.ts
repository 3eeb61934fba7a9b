import type { Actor } from '../../platform/audit.ts';
import type { Queryable } from '../../platform/db.ts';
import { systemScope } from '../../platform/scope.ts';
import { getProfile } from '../registry/use-cases/get-portrait.ts';
import { storeProfile } from '../registry/use-cases/save-profile.ts';
import type { ReferenceSets } from '../registry/reference-sets.ts';
import { addDays } from './calendar.ts';

/** The titles of the gradient ladder that data fraud cancels together (2026 measures; 工信厅企业函〔2026〕117号). */
export const LADDER_TITLES = ['tech_sme', 'tech_sme_registration', 'innovative_sme', 'tech_innovative_sme', 'specialized_sme', 'little_giant'] as const;

export interface Qualification {
  title?: string | null;
  level?: string | null;
  issue_date?: string | null;
  expiry_date?: string | null;
  batch?: string | null;
  certificate_no?: string | null;
  issuer?: string | null;
}

type Profile = { credit_code: string } & Record<string, unknown>;

/**
 * Changes the registry profile's qualifications (and compliance) through the registry's own use case,
 * in the caller's transaction, so the engine and the portrait see the workflow's decisions at once.
 */
export async function updateRegistryTitles(
  tx: Queryable,
  refs: ReferenceSets,
  actor: Actor,
  creditCode: string,
  sourceRef: string,
  change: (profile: Profile) => Profile,
): Promise<void> {
  const profile = await getProfile(tx, systemScope(), creditCode);
  await storeProfile(tx, refs, actor, systemScope(), creditCode, change(profile), { source: 'workflow', source_ref: sourceRef });
}

export const qualificationsOf = (profile: Profile): Qualification[] => (Array.isArray(profile.qualifications) ? (profile.qualifications as Qualification[]) : []);

/** A title revoked on `date` is valid until the day before (the engine treats expiry_date as the last valid day). */
export function endTitles(profile: Profile, date: string, matches: (q: Qualification) => boolean): { profile: Profile; ended: string[] } {
  const lastDay = addDays(date, -1);
  const ended: string[] = [];
  const qualifications = qualificationsOf(profile).map((q) => {
    if (!matches(q) || (typeof q.expiry_date === 'string' && q.expiry_date < date)) return q;
    ended.push(q.title ?? '');
    return { ...q, expiry_date: lastDay };
  });
  return { profile: { ...profile, qualifications }, ended };
}
