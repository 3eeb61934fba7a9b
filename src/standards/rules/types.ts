import type { Derived } from '../derived/derived.ts';
import type { NumericField } from '../derived/record.ts';
import type { DerivedContext } from '../derived/context.ts';
import type { Band, Parameter, Quality } from '../parameters/types.ts';

export const STANDARD_IDS = [
  'tech_sme',
  'innovative_sme',
  'tech_innovative_sme',
  'specialized_sme',
  'little_giant',
  'high_tech',
  'single_champion',
  'cq_single_champion',
  'cq_gazelle',
  'cq_unicorn',
  'cq_potential_unicorn',
] as const;
export type StandardId = (typeof STANDARD_IDS)[number];

export type Application = 'new' | 're_review';
export type CriterionStatus = 'met' | 'unmet' | 'unknown' | 'manual' | 'not_applicable';
export type StandardStatus = 'qualified' | 'not_qualified' | 'insufficient_data' | 'manual_review';

/** Criterion status codes used by the compiled closures (index into CRITERION_STATUSES). */
export const MET = 0;
export const UNMET = 1;
export const UNKNOWN = 2;
export const MANUAL = 3;
export const NOT_APPLICABLE = 4;
export const CRITERION_STATUSES: readonly CriterionStatus[] = ['met', 'unmet', 'unknown', 'manual', 'not_applicable'];

export interface BuildContext {
  asOf: string;
  year: number;
  application: Application;
  derived: DerivedContext;
  /** `years.<Y-k>.<key>`: the profile path of a yearly figure. */
  y(k: number, key: string): string;
  /** The compiled status of another standard at the same date (codes of STANDARD_STATUSES). */
  statusOf(standard: StandardId): (d: Derived) => number;
}

export const QUALIFIED = 0;
export const NOT_QUALIFIED = 1;
export const INSUFFICIENT_DATA = 2;
export const MANUAL_REVIEW = 3;
/** Codes line up with the criterion codes: qualified ↔ met, not_qualified ↔ unmet, insufficient ↔ unknown, manual. */
export const STANDARD_STATUSES: readonly StandardStatus[] = ['qualified', 'not_qualified', 'insufficient_data', 'manual_review'];

interface Described {
  id: string;
  name: string;
  unit: string | null;
  source: string;
  quality: Quality;
  /** Profile paths read (years resolved). `list[].field` names a field of every item. */
  inputs: readonly string[];
}

/** A number a criterion reads: a derived figure by name (compiled as a plain field read) or a formula over the figures. */
export type Figure = NumericField | ((d: Derived) => number);

/**
 * The shape of a standard check, so the compiler can write it as straight-line code with its threshold as a constant
 * (only the value closures stay calls). Null for custom logic, which the compiled code calls as `status`/`gap`.
 */
export type CheckTest =
  | { op: 'at_least'; threshold: number; strict: boolean; value: Figure }
  | { op: 'at_most'; threshold: number; value: Figure }
  | { op: 'count_at_least'; threshold: number; lo: Figure; hi: Figure }
  | { op: 'truth'; expect: 0 | 1; value: Figure };

/** A pass/fail criterion compiled into closures over the derived figures. */
export interface Check extends Described {
  kind: 'check';
  anyOf?: string;
  /** Members of an any_of group sharing a path must all hold (e.g. 小巨人 XG-9 general path a+b+c). */
  path?: string;
  threshold: unknown;
  status(d: Derived): number;
  value(d: Derived): unknown;
  /** For an unmet numeric criterion: how much the value must change, in `unit` (a magnitude). */
  gap: ((d: Derived) => number) | null;
  /** Divisor that turns a gap into a 0..1 distance contribution. */
  scale: number;
  test: CheckTest | null;
}

/** One indicator of a scorecard: its lowest and highest possible points for a profile. */
export interface Indicator extends Described {
  kind: 'indicator';
  maxPoints: number;
  /** Expert-scored (e.g. 高新 K-1): the reviewer's points in `reviewer_scores[id]` settle it within the band. */
  expert: boolean;
  /** A plain banded indicator: points from `bands` by `bandValue`, compiled inline. Null when `points` decides. */
  banded: { bands: readonly Band[]; bandValue: Figure } | null;
  /** Custom scoring (null for a banded indicator): writes lo, hi and known (1 when the data are complete) at out[3i..3i+2]. */
  points: ((d: Derived, out: Float64Array, i: number) => void) | null;
  value(d: Derived): unknown;
  threshold: unknown;
}

export interface Subtotal {
  name: string;
  members: readonly string[];
  min: number;
  cap: number;
}

export interface Scorecard {
  kind: 'scorecard';
  /** `<standard id>:score` */
  id: string;
  name: string;
  source: string;
  quality: Quality;
  anyOf?: string;
  indicators: readonly Indicator[];
  subtotals: readonly Subtotal[];
  pass: number;
  /** 高新: the total must be strictly above `pass`. */
  exclusive: boolean;
}

export type RuleItem = Check | Scorecard;

export interface CompiledRule {
  items: readonly RuleItem[];
  /** Parameters this version reads, for the catalogue. */
  parameters: readonly Parameter[];
}

/** One version of one standard. Adding a version means adding one of these (data + rule file), not editing old ones. */
export interface StandardRule {
  standard: StandardId;
  version: string;
  name: string;
  /** First decision date the version applies to. */
  from: string;
  documents: readonly string[];
  build(ctx: BuildContext): CompiledRule;
}

export const STANDARD_NAMES: Record<StandardId, string> = {
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  tech_innovative_sme: '科技和创新型中小企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  high_tech: '高新技术企业',
  single_champion: '国家制造业单项冠军企业',
  cq_single_champion: '重庆市制造业单项冠军企业',
  cq_gazelle: '重庆市瞪羚企业',
  cq_unicorn: '重庆市独角兽企业',
  cq_potential_unicorn: '重庆市潜在独角兽企业',
};
