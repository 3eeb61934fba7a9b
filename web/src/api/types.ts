/** Shapes of the Tidu HTTP API, mirrored from the server's routes and the contract profile. */

import type { Role } from '../auth/roles.ts';

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export interface District {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  region_group: string;
}

export interface Chain {
  id: string;
  name: string;
  sector_id: string;
  sector_name: string;
}

export interface Industry {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface EnterpriseListItem {
  credit_code: string;
  name: string;
  district_code: string | null;
  district_name: string | null;
  industry_code: string | null;
  industry_name: string | null;
  chains: NamedRef[];
  size_class: SizeClass | null;
  registration_date: string | null;
  is_listed: boolean | null;
  titles: string[];
  summary_year: number | null;
  operating_revenue: number | null;
  rd_expense: number | null;
  employees: number | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  /** null when the caller asked not to count (`with_total=false`). */
  total: number | null;
}

export type EnterpriseSort = 'name' | 'credit_code' | 'registration_date' | 'operating_revenue';

export interface EnterpriseQuery {
  district?: string;
  industry?: string;
  chain?: string;
  size_class?: SizeClass;
  title?: string;
  q?: string;
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
  with_total?: 'true' | 'false';
}

/** One fiscal year of figures; every key may be unknown (null or absent). */
export interface YearFigures {
  operating_revenue?: number | null;
  main_business_revenue?: number | null;
  sales_revenue?: number | null;
  total_income?: number | null;
  hnt_income?: number | null;
  total_cost_expense?: number | null;
  rd_expense?: number | null;
  rd_expense_domestic?: number | null;
  net_profit?: number | null;
  total_assets?: number | null;
  total_liabilities?: number | null;
  employees_period_end?: number | null;
  employees_total?: number | null;
  sci_tech_staff?: number | null;
  rd_staff?: number | null;
  platform_srdi_score?: number | null;
  [key: string]: number | null | undefined;
}

export interface IpItem {
  type?: string | null;
  class?: string | null;
  name?: string | null;
  grant_date?: string | null;
  valid_until?: string | null;
  status?: string | null;
  acquisition?: string | null;
  transfer_in_date?: string | null;
  holder_rank?: number | null;
  related_to_main_product?: boolean | null;
  in_use?: boolean | null;
  high_value?: boolean | null;
}

export interface ScienceAward {
  level?: string | null;
  name?: string | null;
  date?: string | null;
  rank?: number | null;
}

export interface RdInstitution {
  type?: string | null;
  level?: string | null;
  joint?: boolean | null;
  recognized_date?: string | null;
  valid_until?: string | null;
}

export interface StandardDrafted {
  level?: string | null;
  role?: string | null;
  date?: string | null;
  name?: string | null;
}

export interface Qualification {
  title: string;
  level?: string | null;
  issue_date?: string | null;
  expiry_date?: string | null;
}

export interface EquityFinancing {
  date?: string | null;
  amount?: number | null;
  investor?: string | null;
  qualified_investor?: boolean | null;
}

/** The contract profile (see shared/contract). Unknown = null or absent. */
export interface Profile {
  credit_code: string;
  name: string;
  registration_date?: string | null;
  district_code?: string | null;
  industry_code?: string | null;
  legal_person?: boolean | null;
  resident_enterprise?: boolean | null;
  tax_collection_method?: string | null;
  rd_accounting_ok?: boolean | null;
  is_listed?: boolean | null;
  segment_start_date?: string | null;
  years?: Record<string, YearFigures> | null;
  ip_items?: IpItem[] | null;
  science_awards?: ScienceAward[] | null;
  rd_institutions?: RdInstitution[] | null;
  standards?: StandardDrafted[] | null;
  qualifications?: Qualification[] | null;
  equity_financing?: EquityFinancing[] | null;
  valuation_usd?: number | null;
  cumulative_financing_usd?: number | null;
  market?: {
    share_pct?: number | null;
    rank_domestic?: number | null;
    rank_global?: number | null;
    scope?: string | null;
    year?: number | null;
  } | null;
  main_product?: { name?: string | null; [flag: string]: unknown } | null;
  digital_level?: number | null;
  [key: string]: unknown;
}

export interface Provenance {
  source: string;
  source_label: string;
  source_ref: string | null;
  actor: string | null;
  at: string;
}

export interface DataGap {
  path: string;
  label: string;
}

export interface Portrait {
  profile: Profile;
  meta: {
    district_name: string | null;
    industry_name: string | null;
    industry_path: { code: string; name: string }[];
    chains: NamedRef[];
    size_class: SizeClass | null;
    version: number;
    updated_at: string;
  };
  /** For each known value's path, the id of the change set that wrote it (a key of change_sets). */
  provenance: Record<string, number>;
  change_sets: Record<string, Provenance>;
  gaps: DataGap[];
}

export interface HistoryEntry {
  id: number | string;
  entity: string;
  before: unknown;
  after: unknown;
  change_set: Provenance;
}

export type CriterionStatus = 'met' | 'unmet' | 'unknown' | 'manual' | 'not_applicable';
export type StandardStatus = 'qualified' | 'not_qualified' | 'insufficient_data' | 'manual_review';
export type Quality = 'R' | 'S' | 'U';

export interface CriterionResult {
  id: string;
  name?: string | null;
  status: CriterionStatus;
  value?: unknown;
  threshold?: unknown;
  gap?: number | null;
  unit?: string | null;
  source?: string | null;
  quality?: Quality | null;
  inputs?: unknown;
  any_of?: string | null;
  points?: number | null;
  max_points?: number | null;
}

export interface StandardResult {
  version: string;
  status: StandardStatus;
  score: number | null;
  criteria: CriterionResult[];
  missing: (string | DataGap)[];
}

export type ApplicationType = 'new' | 're_review';

export interface Evaluation {
  as_of: string;
  application: ApplicationType;
  result: {
    credit_code: string;
    size_class: SizeClass | null;
    standards: Record<string, StandardResult>;
  };
}

export interface StandardParameter {
  key?: string;
  id?: string;
  name?: string | null;
  value: unknown;
  unit?: string | null;
  from?: string | null;
  to?: string | null;
  source?: string | null;
  quality?: Quality | null;
  note?: string | null;
}

export interface StandardVersion {
  version: string;
  name?: string | null;
  from?: string | null;
  to?: string | null;
  documents?: string[];
  criteria?: { id: string; name?: string | null; quality?: Quality | null; any_of?: string; scorecard?: string }[];
  parameters?: StandardParameter[];
}

export interface StandardCatalogueEntry {
  id: string;
  name?: string | null;
  versions?: StandardVersion[];
}

export interface PutProfileResult {
  credit_code: string;
  version: number;
}

/** One role a user holds, with the binding the role needs (a district, an enterprise, a department, an institution). */
export interface RoleGrant {
  role: Role;
  district_code: string | null;
  credit_code: string | null;
  department: string | null;
  institution: string | null;
}

export interface LabelledGrant extends RoleGrant {
  role_label: string;
}

export interface Me {
  username: string;
  display_name: string;
  must_change_password: boolean;
  csrf_token: string;
  roles: LabelledGrant[];
  scope: { all: true } | { all: false; districts: string[]; enterprises: number };
}

export interface UserAccount {
  id: number;
  username: string;
  display_name: string;
  must_change_password: boolean;
  disabled: boolean;
  /** ISO time; the account refuses sign-in until then. */
  locked_until: string | null;
  created_at: string;
  grants: LabelledGrant[];
}

export interface NewUser {
  username: string;
  display_name: string;
  grants: RoleGrant[];
}

export interface OneTimePassword {
  id: number;
  username?: string;
  one_time_password: string;
}

export interface AuditFilter {
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  actor?: string;
  /** An action or an action prefix ("auth.login" finds successes and failures). */
  action?: string;
  object_id?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  /** Comma-separated role codes of the actor, "system" for background jobs. */
  actor_role: string | null;
  action: string;
  action_label: string;
  object_type: string;
  object_id: string | null;
  summary: unknown;
  client_ip: string | null;
}

export interface RegistryStats {
  total: number;
  by_size: Partial<Record<SizeClass | 'unknown', number>>;
  /** Enterprises holding each title today, by standard id. */
  by_title: Record<string, number>;
  by_district: { code: string; name: string; count: number }[];
}

export interface DemoAccounts {
  password: string | null;
  accounts: { username: string; display_name: string; description: string }[];
}
