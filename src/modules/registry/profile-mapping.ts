import type { StoredEnterprise } from './repository.ts';
import { CONTRACT_KEY_ORDER, ENTERPRISE_COLUMNS, LIST_KEYS, YEAR_FIELDS, type EnterpriseColumn, type ListKey } from './profile-fields.ts';

export type ProfileDocument = { credit_code: string } & Record<string, unknown>;

export interface SplitProfile {
  columns: Record<EnterpriseColumn, unknown>;
  details: Record<string, unknown>;
  years: Map<number, Record<string, number | null>>;
  lists: Partial<Record<ListKey, unknown[]>>;
}

const columnSet = new Set<string>(ENTERPRISE_COLUMNS);
const listSet = new Set<string>(LIST_KEYS);

/** Splits a validated contract profile into the registry's columns, details, years and lists. */
export function splitProfile(profile: ProfileDocument): SplitProfile {
  const columns = Object.fromEntries(ENTERPRISE_COLUMNS.map((column) => [column, null])) as Record<EnterpriseColumn, unknown>;
  const details: Record<string, unknown> = {};
  const lists: Partial<Record<ListKey, unknown[]>> = {};
  const years = new Map<number, Record<string, number | null>>();
  for (const [key, value] of Object.entries(profile)) {
    if (key === 'credit_code') continue;
    if (key === 'years') {
      for (const [year, figures] of Object.entries((value ?? {}) as Record<string, Record<string, number | null> | null>)) {
        years.set(Number(year), Object.fromEntries(YEAR_FIELDS.map((field) => [field, figures?.[field] ?? null])));
      }
    } else if (columnSet.has(key)) {
      columns[key as EnterpriseColumn] = value ?? null;
    } else if (listSet.has(key)) {
      if (Array.isArray(value)) lists[key as ListKey] = value;
    } else if (value !== null && value !== undefined) {
      details[key] = value;
    }
  }
  if (columns.chains === null) columns.chains = [];
  return { columns, details, years, lists };
}

/** Where each contract key of a stored enterprise lives, as an expression over `e` (the row), `years`, `lists` and `details`. */
function sourceOf(key: string): string {
  const name = JSON.stringify(key);
  if (key === 'credit_code') return 'e.credit_code';
  if (key === 'years') return 'years';
  if (columnSet.has(key)) return `e[${name}] ?? null`;
  if (listSet.has(key)) return `lists[${name}] ?? null`;
  return `details[${name}] ?? null`;
}

// Generated object literals give every profile and every year one shared shape: objects built key by key fall into
// V8's dictionary mode, several times slower to read in the engine's hot loop over a million profiles.
const contractProfile = new Function('e', 'years', 'lists', 'details', `return { ${CONTRACT_KEY_ORDER.map((key) => `${JSON.stringify(key)}: ${sourceOf(key)}`).join(', ')} };`) as (
  e: StoredEnterprise['enterprise'],
  years: Record<string, Record<string, number | null>>,
  lists: StoredEnterprise['enterprise']['lists'],
  details: Record<string, unknown>,
) => Record<string, unknown>;
const yearFigures = new Function('row', `return { ${YEAR_FIELDS.map((field) => `${field}: row.${field}`).join(', ')} };`) as (
  row: StoredEnterprise['years'][number],
) => Record<string, number | null>;

/** The contract profile of a stored enterprise: every contract key present, unknown as null. */
export function assembleProfile(stored: StoredEnterprise): ProfileDocument {
  const { enterprise } = stored;
  const years: Record<string, Record<string, number | null>> = {};
  for (const row of stored.years) years[String(row.fiscal_year)] = yearFigures(row);
  const lists = enterprise.lists;
  const profile = contractProfile(enterprise, years, lists, enterprise.details);
  for (const column of ENTERPRISE_COLUMNS) {
    if (!(column in profile) && enterprise[column] !== null) profile[column] = enterprise[column];
  }
  if (Array.isArray(profile.chains) && profile.chains.length === 0) delete profile.chains;
  for (const key of Object.keys(enterprise.details)) if (!(key in profile)) profile[key] = enterprise.details[key];
  for (const key of LIST_KEYS) if (!(key in profile) && lists[key]) profile[key] = lists[key];
  return profile as ProfileDocument;
}
