import type { Profile } from '../profile/schema.ts';

export type InputValue = {
  key: string;
  value?: unknown;
  /** For a list: how many items it holds. */
  count?: number;
};

/** A criterion's input paths, split once when its standard is compiled rather than for every profile. */
export interface InputPlan {
  /** The inputs as reported: plain keys with their values, lists with their length; item fields are skipped. */
  report(profile: Profile): InputValue[];
  /** The keys that are absent or null, each once; `list[].field` yields `list[i].field` for each item lacking it. */
  missing(profile: Profile): Set<string>;
}

function lookup(root: unknown, parts: readonly string[]): unknown {
  let node: unknown = root;
  for (let i = 0; i < parts.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[parts[i]];
  }
  return node;
}

export function compileInputs(paths: readonly string[]): InputPlan {
  const reported = paths.filter((path) => !path.includes('[]')).map((key) => ({ key, parts: key.split('.') }));
  const checked = paths.map((path) => {
    const cut = path.indexOf('[].');
    if (cut < 0) return { path, parts: path.split('.'), listPath: '', field: [] as string[] };
    const listPath = path.slice(0, cut);
    return { path, parts: listPath.split('.'), listPath, field: path.slice(cut + 3).split('.') };
  });
  return {
    report(profile) {
      const out: InputValue[] = new Array(reported.length);
      for (let i = 0; i < reported.length; i++) {
        const { key, parts } = reported[i];
        const value = lookup(profile, parts);
        out[i] = Array.isArray(value) ? { key, count: value.length } : { key, value: value ?? null };
      }
      return out;
    },
    missing(profile) {
      const keys = new Set<string>();
      for (const { path, parts, listPath, field } of checked) {
        const value = lookup(profile, parts);
        if (listPath === '') {
          if (value == null) keys.add(path);
          continue;
        }
        if (!Array.isArray(value)) continue;
        for (let i = 0; i < value.length; i++) if (lookup(value[i], field) == null) keys.add(`${listPath}[${i}].${field.join('.')}`);
      }
      return keys;
    },
  };
}
