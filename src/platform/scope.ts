/**
 * What part of the registry a caller may see. Only identity makes scopes (from a signed-in user) and
 * only system jobs use systemScope(): repository functions of scoped tables require one, so a read
 * without a scope does not compile.
 */
declare const scopeBrand: unique symbol;

export type Scope = (
  | { readonly all: true }
  | { readonly all: false; readonly districts: readonly string[]; readonly creditCodes: readonly string[] }
) & { readonly [scopeBrand]: true };

export function makeScope(value: { all: true } | { all: false; districts: readonly string[]; creditCodes: readonly string[] }): Scope {
  return Object.freeze({ ...value }) as Scope;
}

/** For background work that acts for the whole city (demo loading, scheduled runs). */
export function systemScope(): Scope {
  return makeScope({ all: true });
}

/** The SQL condition that keeps rows of `alias` (with district_code and credit_code columns) inside the scope. */
export function scopeCondition(scope: Scope, alias: string, params: unknown[]): string {
  if (scope.all) return 'true';
  params.push(scope.districts);
  const districts = `$${params.length}::text[]`;
  params.push(scope.creditCodes);
  const codes = `$${params.length}::text[]`;
  return `(${alias}.district_code = any(${districts}) or ${alias}.credit_code = any(${codes}))`;
}

export function scopeAllows(scope: Scope, enterprise: { district_code: string | null; credit_code: string }): boolean {
  if (scope.all) return true;
  return (enterprise.district_code !== null && scope.districts.includes(enterprise.district_code)) || scope.creditCodes.includes(enterprise.credit_code);
}
