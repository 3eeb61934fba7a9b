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

/** The contract profile of a stored enterprise: every contract key present, unknown as null. */
export function assembleProfile(stored: StoredEnterprise): ProfileDocument {
  const { enterprise } = stored;
  const years: Record<string, Record<string, number | null>> = {};
  for (const row of stored.years) {
    years[String(row.fiscal_year)] = Object.fromEntries(YEAR_FIELDS.map((field) => [field, row[field]]));
  }
  const lists = enterprise.lists;
  const valueOf = (key: string): unknown => {
    if (key === 'credit_code') return enterprise.credit_code;
    if (key === 'years') return years;
    if (columnSet.has(key)) return enterprise[key as EnterpriseColumn] ?? null;
    if (listSet.has(key)) return lists[key as ListKey] ?? null;
    return enterprise.details[key] ?? null;
  };
  const profile: Record<string, unknown> = {};
  for (const key of CONTRACT_KEY_ORDER) profile[key] = valueOf(key);
  for (const column of ENTERPRISE_COLUMNS) {
    if (!(column in profile) && enterprise[column] !== null) profile[column] = enterprise[column];
  }
  if (Array.isArray(profile.chains) && profile.chains.length === 0) delete profile.chains;
  for (const key of Object.keys(enterprise.details)) if (!(key in profile)) profile[key] = enterprise.details[key];
  for (const key of LIST_KEYS) if (!(key in profile) && lists[key]) profile[key] = lists[key];
  return profile as ProfileDocument;
}
