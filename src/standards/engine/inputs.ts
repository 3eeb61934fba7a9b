import type { Profile } from '../profile/schema.ts';

export type InputValue = {
  key: string;
  value?: unknown;
  /** For a list: how many items it holds. */
  count?: number;
};

function lookup(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The inputs a criterion read, as reported: plain keys with their values, lists with their length; item fields are skipped. */
export function reportInputs(profile: Profile, paths: readonly string[]): InputValue[] {
  const out: InputValue[] = [];
  for (const path of paths) {
    if (path.includes('[]')) continue;
    const value = lookup(profile, path);
    if (Array.isArray(value)) out.push({ key: path, count: value.length });
    else out.push({ key: path, value: value ?? null });
  }
  return out;
}

/** The keys among `paths` that are absent or null; `list[].field` yields `list[i].field` for each item lacking it. */
export function missingKeys(profile: Profile, paths: readonly string[], into: Set<string>): void {
  for (const path of paths) {
    const cut = path.indexOf('[].');
    if (cut < 0) {
      if (lookup(profile, path) == null) into.add(path);
      continue;
    }
    const listPath = path.slice(0, cut);
    const field = path.slice(cut + 3);
    const list = lookup(profile, listPath);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (lookup(item, field) == null) into.add(`${listPath}[${i}].${field}`);
    });
  }
}
