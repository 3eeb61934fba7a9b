import { CITY_ROLES, type Principal, type Role } from '../../platform/policy.ts';
import { scopeCondition, type Scope } from '../../platform/scope.ts';
import type { Actor } from './state-machine.ts';

/**
 * What part of the workflow a caller sees: applications inside the registry scope (city, district,
 * own enterprise, a commissioner's enterprises), plus — for an expert — exactly the applications
 * assigned to that expert. Every read of an application goes through `visibleApplications`.
 */
export interface Viewer {
  scope: Scope;
  expertUsername: string | null;
}

export function viewerOf(principal: Principal): Viewer {
  return { scope: principal.scope, expertUsername: principal.roles.has('expert') ? principal.username : null };
}

/** The SQL condition on an application alias (with id, district_code and credit_code). */
export function visibleApplications(viewer: Viewer, alias: string, params: unknown[]): string {
  const inScope = scopeCondition(viewer.scope, alias, params);
  if (!viewer.expertUsername) return inScope;
  params.push(viewer.expertUsername);
  return `(${inScope} or exists (select 1 from workflow.assignment va join workflow.expert ve on ve.id = va.expert_id
    where va.application_id = ${alias}.id and ve.username = $${params.length}))`;
}

/** The role in which a principal may act on one application: a city role anywhere, otherwise a grant that covers it. */
export function actingRole(principal: Principal, allowed: readonly Actor[], target: { credit_code: string; district_code: string }): Role | null {
  for (const role of allowed) {
    if (role === 'system' || !principal.roles.has(role)) continue;
    if (CITY_ROLES.includes(role)) return role;
    const covers = principal.grants.some(
      (grant) =>
        grant.role === role &&
        ((role === 'district_officer' && grant.district_code === target.district_code) ||
          (role === 'enterprise_user' && grant.credit_code === target.credit_code) ||
          role === 'expert'),
    );
    if (covers) return role;
  }
  return null;
}

/** Notification audiences a principal reads. */
export function audiencesOf(principal: Principal): string[] {
  const audiences = [`user:${principal.username}`];
  if (principal.roles.has('city_admin') || principal.roles.has('city_officer')) audiences.push('city');
  for (const grant of principal.grants) {
    if (grant.role === 'district_officer' && grant.district_code) audiences.push(`district:${grant.district_code}`);
    if (grant.role === 'enterprise_user' && grant.credit_code) audiences.push(`enterprise:${grant.credit_code}`);
  }
  return audiences;
}

export const ownEnterprisesOf = (principal: Principal) =>
  principal.grants.filter((grant) => grant.role === 'enterprise_user' && grant.credit_code).map((grant) => grant.credit_code!);
