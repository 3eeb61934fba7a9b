import { addDays } from '../derived/dates.ts';
import { entryUntil, type Parameter, type ParameterValue, type Quality } from '../parameters/types.ts';
import { RULES } from '../rules/index.ts';
import { STANDARD_IDS, STANDARD_NAMES, type StandardId } from '../rules/types.ts';
import { compileRuleForCatalogue } from './engine.ts';

export type CatalogueParameter = {
  key: string;
  name: string;
  value: ParameterValue;
  unit: string;
  from: string;
  to: string | null;
  source: string;
  quality: Quality;
  note?: string;
};

export type CatalogueVersion = {
  version: string;
  name: string;
  from: string;
  to: string | null;
  documents: readonly string[];
  criteria: { id: string; name: string; quality: Quality; any_of?: string; scorecard?: string }[];
  parameters: CatalogueParameter[];
};

export type CatalogueEntry = {
  id: StandardId;
  name: string;
  versions: CatalogueVersion[];
};

function parameterEntries(p: Parameter, asOf: string | undefined): CatalogueParameter[] {
  return p.entries.flatMap((entry, i) => {
    const to = entryUntil(p, i);
    if (asOf && (entry.from > asOf || (to !== null && to < asOf))) return [];
    return [{ key: p.id, name: p.name, value: entry.value, unit: entry.unit, from: entry.from, to, source: entry.source, quality: entry.quality, ...(entry.note ? { note: entry.note } : {}) }];
  });
}

/**
 * Every standard, its versions with their effective dates, criteria and parameters. With `asOf`, only the versions and
 * parameter values in force on that date (for new applications).
 */
export function standardsCatalogue(asOf?: string): CatalogueEntry[] {
  return STANDARD_IDS.map((id) => {
    const rules = RULES[id];
    const versions: CatalogueVersion[] = [];
    rules.forEach((rule, i) => {
      const next = rules[i + 1];
      const to = next ? addDays(next.from, -1) : null;
      if (asOf && (rule.from > asOf || (to !== null && to < asOf))) return;
      const date = asOf ?? rule.from;
      const built = compileRuleForCatalogue(rule, date);
      const criteria: CatalogueVersion['criteria'] = [];
      for (const item of built.items) {
        if (item.kind === 'scorecard') {
          for (const ind of item.indicators) criteria.push({ id: ind.id, name: ind.name, quality: ind.quality, scorecard: item.id });
        }
        criteria.push({ id: item.id, name: item.name, quality: item.quality, ...(item.anyOf ? { any_of: item.anyOf } : {}) });
      }
      versions.push({
        version: rule.version,
        name: rule.name,
        from: rule.from,
        to,
        documents: rule.documents,
        criteria,
        parameters: built.parameters.flatMap((p) => parameterEntries(p, asOf)),
      });
    });
    return { id, name: STANDARD_NAMES[id], versions };
  });
}
