import { derivedContext } from '../derived/context.ts';
import { addYears } from '../derived/dates.ts';
import { computeDerived, SIZE_CLASSES, sizeClassName, type Derived, type SizeClass } from '../derived/derived.ts';
import { createDerived } from '../derived/record.ts';
import type { Profile } from '../profile/schema.ts';
import { RULES } from '../rules/index.ts';
import { STANDARD_IDS, STANDARD_STATUSES, type Application, type BuildContext, type StandardId, type StandardRule, type StandardStatus } from '../rules/types.ts';
import type { Quality } from '../parameters/types.ts';
import { CompiledStandard, generateBatch, type BatchColumns, type BatchLoop, type BatchPart, type GapSummary, type StandardResult } from './compile.ts';

export interface EvaluateOptions {
  /** Decision date, YYYY-MM-DD. */
  asOf: string;
  application?: Application;
  /** Standards to evaluate (default: all); an empty list gives only the size class. */
  standards?: readonly StandardId[];
}

/** A profile as parsed by parseProfiles, or any object of that shape (other slices pass stored documents). */
export type ProfileInput = Profile | ({ credit_code: string } & Record<string, unknown>);

export interface EvaluationOutput {
  as_of: string;
  application: Application;
  results: {
    credit_code: string;
    size_class: SizeClass | null;
    standards: Partial<Record<StandardId, StandardResult>>;
  }[];
}

export interface BatchRecord {
  standard: StandardId;
  version: string;
  status: StandardStatus;
  score: number | null;
  unmet_count: number;
  distance: number;
  gaps: GapSummary[];
}

/** The record-per-profile shape of a batch (BatchResult.results, BatchResult.toJSON()). */
export interface BatchOutput {
  as_of: string;
  application: Application;
  results: { credit_code: string; size_class: SizeClass | null; standards: BatchRecord[] }[];
}

/** Bad options (date, application type, standard id); the message is Chinese. */
export class EvaluationOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationOptionError';
  }
}

/** The standards with a re-review whose version follows the title being renewed (01b §4 transition rules). */
const TITLE_OF: Partial<Record<StandardId, 'specializedIssued' | 'littleGiantIssued'>> = {
  specialized_sme: 'specializedIssued',
  little_giant: 'littleGiantIssued',
};

const REVIEW_NOTES: Partial<Record<StandardId, { note: string; quality: 'S' | 'U' }>> = {
  specialized_sme: {
    note: '复核按原认定所依据的 2022 年办法（工信部企业〔2022〕63号）评价：此为解释，待市经济信息委或工业和信息化部明确',
    quality: 'U',
  },
  little_giant: { note: '“小巨人”复核按 2022 年办法（工信部企业〔2022〕63号）评价（工信厅企业函〔2026〕117号）', quality: 'S' },
};

/** How one standard is judged at one date: one compiled version, or (re-reviews) the version that granted the title. */
interface StandardPlan {
  standard: StandardId;
  current: CompiledStandard;
  /** For re-reviews: compiled versions by rule, chosen per profile from the title's issue date. */
  byTitle: { titleKey: 'specializedIssued' | 'littleGiantIssued'; versions: { rule: StandardRule; compiled: CompiledStandard }[]; fallback: CompiledStandard } | null;
  /** The status of the record last evaluated (by its stamp), reused when another standard depends on this one. */
  lastStamp: number;
  lastStatus: number;
}

interface CompiledSet {
  asOf: string;
  application: Application;
  ctx: ReturnType<typeof derivedContext>;
  plans: Map<StandardId, StandardPlan | null>;
  /** Every version compiled for this date, by slot. */
  compiled: CompiledStandard[];
  build: BuildContext;
  /** Standards whose status another standard reads (BuildContext.statusOf): the batch loop keeps their last status. */
  readBy: Set<StandardId>;
  /** Fused batch loops by list of standards. */
  loops: Map<string, BatchLoop>;
  /** The record and the column writer every batch of this date reuses (see BatchWriter). */
  batchDerived: Derived;
  writer: BatchWriter;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function ruleAt(standard: StandardId, date: string): StandardRule | null {
  let found: StandardRule | null = null;
  for (const rule of RULES[standard]) if (rule.from <= date) found = rule;
  return found;
}

const cache = new Map<string, CompiledSet>();

function compiledSet(asOf: string, application: Application): CompiledSet {
  const key = `${asOf}|${application}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const ctx = derivedContext(asOf);
  const set: CompiledSet = {
    asOf,
    application,
    ctx,
    plans: new Map(),
    compiled: [],
    readBy: new Set(),
    loops: new Map(),
    batchDerived: createDerived(),
    writer: new BatchWriter(),
    build: {
      asOf,
      year: ctx.year,
      application,
      derived: ctx,
      y: (k, field) => `years.${ctx.year - k}.${field}`,
      statusOf: (standard) => {
        set.readBy.add(standard);
        const plan = planFor(set, standard);
        if (!plan) return () => 2;
        return (d) => (plan.lastStamp === d.stamp ? plan.lastStatus : remember(plan, d, selectCompiled(plan, d).status(d)));
      },
    },
  };
  if (cache.size > 32) cache.delete(cache.keys().next().value!);
  cache.set(key, set);
  return set;
}

function planFor(set: CompiledSet, standard: StandardId): StandardPlan | null {
  if (set.plans.has(standard)) return set.plans.get(standard)!;
  const rule = ruleAt(standard, set.asOf);
  let plan: StandardPlan | null = null;
  if (rule) {
    const titleKey = TITLE_OF[standard];
    if (set.application === 're_review' && titleKey) {
      const versions = RULES[standard].filter((r) => r.from <= set.asOf);
      const compiled = versions.map((r) => ({
        rule: r,
        compiled: compileRule(set, r, r === rule ? null : (REVIEW_NOTES[standard] ?? null)),
      }));
      // Without the title's issue date, a title up for renewal was granted about three years (one validity) earlier.
      const assumed = ruleAt(standard, addYears(set.asOf, -3)) ?? RULES[standard][0];
      const fallback = compiled.find((c) => c.rule === assumed)?.compiled ?? compiled[0].compiled;
      plan = { standard, current: compiled[compiled.length - 1].compiled, byTitle: { titleKey, versions: compiled, fallback }, lastStamp: 0, lastStatus: 0 };
    } else {
      plan = { standard, current: compileRule(set, rule, null), byTitle: null, lastStamp: 0, lastStatus: 0 };
    }
  }
  set.plans.set(standard, plan);
  return plan;
}

function compileRule(set: CompiledSet, rule: StandardRule, versionNote: { note: string; quality: Quality } | null): CompiledStandard {
  const compiled = new CompiledStandard(rule.standard, rule, rule.build(set.build).items, versionNote, set.compiled.length);
  set.compiled.push(compiled);
  return compiled;
}

function remember(plan: StandardPlan, d: Derived, status: number): number {
  plan.lastStamp = d.stamp;
  plan.lastStatus = status;
  return status;
}

function selectCompiled(plan: StandardPlan, d: Derived): CompiledStandard {
  const byTitle = plan.byTitle;
  if (!byTitle) return plan.current;
  const issued = d[byTitle.titleKey];
  if (!issued) return byTitle.fallback;
  let chosen: CompiledStandard | null = null;
  for (const v of byTitle.versions) if (v.rule.from <= issued) chosen = v.compiled;
  return chosen ?? byTitle.versions[0].compiled;
}

function checkOptions(options: EvaluateOptions): { asOf: string; application: Application; standards: readonly StandardId[] } {
  if (!options || typeof options.asOf !== 'string' || !DATE.test(options.asOf)) {
    throw new EvaluationOptionError(`评价日期应为 YYYY-MM-DD 格式的日期，收到：${String(options?.asOf)}`);
  }
  const application = options.application ?? 'new';
  if (application !== 'new' && application !== 're_review') {
    throw new EvaluationOptionError(`申请类型应为 new（新申请）或 re_review（复核），收到：${String(application)}`);
  }
  const standards = options.standards ?? STANDARD_IDS;
  for (const id of standards) {
    if (!(STANDARD_IDS as readonly string[]).includes(id)) {
      throw new EvaluationOptionError(`未知的标准：${String(id)}。可用的标准有：${STANDARD_IDS.join('、')}`);
    }
  }
  return { asOf: options.asOf, application, standards };
}

interface Prepared {
  set: CompiledSet;
  plans: StandardPlan[];
  asOf: string;
  application: Application;
}

function prepare(options: EvaluateOptions): Prepared {
  const { asOf, application, standards } = checkOptions(options);
  const set = compiledSet(asOf, application);
  const plans: StandardPlan[] = [];
  for (const id of standards) {
    const plan = planFor(set, id);
    if (plan) plans.push(plan);
  }
  return { set, plans, asOf, application };
}

/** Full evaluation in the contract's output format, with every criterion explained. */
export function evaluate(profiles: readonly ProfileInput[], options: EvaluateOptions): EvaluationOutput {
  const { set, plans, asOf, application } = prepare(options);
  const results: EvaluationOutput['results'] = new Array(profiles.length);
  const d = createDerived();
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as Profile;
    computeDerived(profile, set.ctx, d);
    const standards: Partial<Record<StandardId, StandardResult>> = {};
    for (const plan of plans) standards[plan.standard] = selectCompiled(plan, d).explain(d);
    results[i] = { credit_code: profile.credit_code, size_class: sizeClassName(d.sizeCode), standards };
  }
  return { as_of: asOf, application, results };
}

/** Codes of the size class per profile in a batch (SIZE_CLASSES order; -1 unknown). */
const UNKNOWN_SIZE = -1;

/**
 * Where the generated batch code writes: one object per compiled set, pointed at each batch's columns for the length
 * of the batch. Optimised code holds the objects it was optimised on weakly and is thrown away when a collection
 * finds one of them dead: with a new result object (and a new derived record) per batch, every full collection
 * deoptimised the whole engine and a scan ran at a fraction of its speed while V8 optimised it again.
 */
class BatchWriter implements BatchColumns {
  status: Uint8Array = new Uint8Array(0);
  score: Float64Array = new Float64Array(0);
  unmet: Uint16Array = new Uint16Array(0);
  distance: Float64Array = new Float64Array(0);
  sizeCode: Int8Array = new Int8Array(0);
  slots: Uint8Array = new Uint8Array(0);
  gapEnds: Uint32Array = new Uint32Array(0);
  gapMember: Uint16Array = new Uint16Array(0);
  gapValue: Float64Array = new Float64Array(0);
  gapCount = 0;

  /** Writes into the columns of `out` until `detach`. */
  attach(out: BatchResult): void {
    this.status = out.status;
    this.score = out.score;
    this.unmet = out.unmet;
    this.distance = out.distance;
    this.sizeCode = out.sizeCode;
    this.slots = out.slots;
    this.gapEnds = out.gapEnds;
    this.gapMember = out.gapMember;
    this.gapValue = out.gapValue;
    this.gapCount = 0;
  }

  /** Hands the gaps (whose arrays may have grown) to `out` and lets go of its columns. */
  detach(out: BatchResult): void {
    out.gapMember = this.gapMember;
    out.gapValue = this.gapValue;
    out.gapCount = this.gapCount;
    this.attach(EMPTY_RESULT);
  }

  reserveGaps(room: number): void {
    const size = Math.max(this.gapValue.length * 2, this.gapCount + room);
    const member = new Uint16Array(size);
    member.set(this.gapMember);
    this.gapMember = member;
    const value = new Float64Array(size);
    value.set(this.gapValue);
    this.gapValue = value;
  }

  close(cell: number, status: number, slot: number): void {
    this.status[cell] = status;
    this.slots[cell] = slot;
    this.gapEnds[cell] = this.gapCount;
  }
}

/**
 * Scanning many profiles: a columnar result with, per profile × standard (cell `i * standards.length + k`), the status
 * code (STANDARD_STATUSES order), score (NaN: none), unmet count and normalised distance to passing in typed arrays.
 * The gaps of unmet numeric criteria are kept as member indices and raw values and become objects only when read.
 * `evaluate` on one profile gives the full explanation.
 */
export class BatchResult {
  readonly status: Uint8Array;
  readonly score: Float64Array;
  readonly unmet: Uint16Array;
  readonly distance: Float64Array;
  /** Size class code per profile (SIZE_CLASSES order, -1 unknown). */
  readonly sizeCode: Int8Array;
  /** Which compiled version judged each cell (an index into `versions`); written by the compiled batch loop. */
  readonly slots: Uint8Array;
  /** Gaps of cell c are entries gapEnds[c-1] (0 for the first cell) up to gapEnds[c]; written by the compiled batch loop. */
  readonly gapEnds: Uint32Array;
  gapMember: Uint16Array;
  gapValue: Float64Array;
  gapCount = 0;
  private records: BatchOutput['results'] | null = null;

  constructor(
    readonly as_of: string,
    readonly application: Application,
    readonly standards: readonly StandardId[],
    private readonly profiles: readonly ProfileInput[],
    private readonly versions: readonly CompiledStandard[],
  ) {
    const cells = profiles.length * standards.length;
    this.status = new Uint8Array(cells);
    this.score = new Float64Array(cells);
    this.unmet = new Uint16Array(cells);
    this.distance = new Float64Array(cells);
    this.sizeCode = new Int8Array(profiles.length);
    this.slots = new Uint8Array(cells);
    this.gapEnds = new Uint32Array(cells);
    const expected = Math.max(64, cells * 2);
    this.gapMember = new Uint16Array(expected);
    this.gapValue = new Float64Array(expected);
  }

  get count(): number {
    return this.profiles.length;
  }

  statusOf(i: number, k: number): StandardStatus {
    return STANDARD_STATUSES[this.status[i * this.standards.length + k]];
  }

  scoreOf(i: number, k: number): number | null {
    const v = this.score[i * this.standards.length + k];
    return v === v ? v : null;
  }

  versionOf(i: number, k: number): string {
    return this.versions[this.slots[i * this.standards.length + k]].version;
  }

  sizeClassOf(i: number): SizeClass | null {
    const code = this.sizeCode[i];
    return code === UNKNOWN_SIZE ? null : SIZE_CLASSES[code];
  }

  /** The gaps of unmet numeric criteria of one cell (an unmet any_of group: those of its closest path). */
  gapsOf(i: number, k: number): GapSummary[] {
    const cell = i * this.standards.length + k;
    const from = cell === 0 ? 0 : this.gapEnds[cell - 1];
    const to = this.gapEnds[cell];
    if (from === to) return [];
    const compiled = this.versions[this.slots[cell]];
    const out: GapSummary[] = new Array(to - from);
    for (let g = from; g < to; g++) out[g - from] = compiled.gapSummary(this.gapMember[g], this.gapValue[g]);
    return out;
  }

  record(i: number, k: number): BatchRecord {
    const cell = i * this.standards.length + k;
    return {
      standard: this.standards[k],
      version: this.versionOf(i, k),
      status: STANDARD_STATUSES[this.status[cell]],
      score: this.scoreOf(i, k),
      unmet_count: this.unmet[cell],
      distance: this.distance[cell],
      gaps: this.gapsOf(i, k),
    };
  }

  /** The record-per-profile view (the earlier batch output), built on first access; prefer the columns when scanning. */
  get results(): BatchOutput['results'] {
    if (this.records === null) {
      const n = this.profiles.length, s = this.standards.length;
      const results: BatchOutput['results'] = new Array(n);
      for (let i = 0; i < n; i++) {
        const records: BatchRecord[] = new Array(s);
        for (let k = 0; k < s; k++) records[k] = this.record(i, k);
        results[i] = { credit_code: this.profiles[i].credit_code, size_class: this.sizeClassOf(i), standards: records };
      }
      this.records = results;
    }
    return this.records;
  }

  toJSON(): BatchOutput {
    return { as_of: this.as_of, application: this.application, results: this.results };
  }
}

const EMPTY_RESULT = new BatchResult('', 'new', [], [], []);
const EMPTY_PROFILE = createDerived().profile;

/** The fused batch loop of these plans (see generateBatch), generated once per date, application and list of standards. */
function batchLoop(set: CompiledSet, plans: readonly StandardPlan[]): BatchLoop {
  const key = plans.map((p) => p.standard).join(',');
  const hit = set.loops.get(key);
  if (hit) return hit;
  const parts: BatchPart[] = plans.map((plan): BatchPart => {
    if (plan.byTitle) {
      return {
        call: (d, out, cell) => {
          const compiled = selectCompiled(plan, d);
          out.close(cell, remember(plan, d, compiled.evaluateInto(d, out, cell)), compiled.slot);
        },
      };
    }
    return { compiled: plan.current, keep: set.readBy.has(plan.standard) ? plan : null };
  });
  const loop = generateBatch(parts, computeDerived as never, `batch-${set.asOf}-${set.application}`);
  set.loops.set(key, loop);
  return loop;
}

/**
 * Batch evaluation into columns (see BatchResult): one generated loop per date, application and list of standards
 * computes each profile's figures and evaluates every standard inline; nothing is allocated per profile or criterion.
 */
export function evaluateBatch(profiles: readonly ProfileInput[], options: EvaluateOptions): BatchResult {
  const { set, plans, asOf, application } = prepare(options);
  const out = new BatchResult(asOf, application, plans.map((p) => p.standard), profiles, set.compiled);
  const writer = set.writer;
  const d = set.batchDerived;
  writer.attach(out);
  try {
    batchLoop(set, plans)(profiles, d, set.ctx, writer);
  } finally {
    writer.detach(out);
    d.profile = EMPTY_PROFILE;
  }
  return out;
}

/** Counts of statuses per standard without keeping per-profile records (for benchmarks and city-wide tallies). */
export function tallyBatch(profiles: readonly ProfileInput[], options: EvaluateOptions): Record<string, Record<StandardStatus, number>> {
  const { set, plans } = prepare(options);
  const counts = plans.map(() => [0, 0, 0, 0]);
  const d = createDerived();
  for (let i = 0; i < profiles.length; i++) {
    computeDerived(profiles[i] as Profile, set.ctx, d);
    for (let s = 0; s < plans.length; s++) counts[s][remember(plans[s], d, selectCompiled(plans[s], d).status(d))]++;
  }
  const out: Record<string, Record<StandardStatus, number>> = {};
  plans.forEach((plan, s) => {
    out[plan.standard] = { qualified: counts[s][0], not_qualified: counts[s][1], insufficient_data: counts[s][2], manual_review: counts[s][3] };
  });
  return out;
}

/** The criteria and parameters of one rule version as built on `date` (for the catalogue). */
export function compileRuleForCatalogue(rule: StandardRule, date: string) {
  return rule.build(compiledSet(date, 'new').build);
}
