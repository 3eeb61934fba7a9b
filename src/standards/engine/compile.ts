import type { Derived } from '../derived/derived.ts';
import type { Band, Quality } from '../parameters/types.ts';
import { NUMERIC_FIELDS } from '../derived/record.ts';
import type { Profile } from '../profile/schema.ts';
import {
  CRITERION_STATUSES,
  MANUAL,
  STANDARD_STATUSES,
  UNKNOWN,
  UNMET,
  type Check,
  type CriterionStatus,
  type Figure,
  type RuleItem,
  type Scorecard,
  type StandardId,
  type StandardRule,
  type StandardStatus,
} from '../rules/types.ts';
import { compileInputs, type InputPlan, type InputValue } from './inputs.ts';

export type CriterionResult = {
  id: string;
  status: CriterionStatus;
  value: unknown;
  threshold: unknown;
  gap: number | null;
  unit: string | null;
  source: string;
  name: string;
  quality: Quality;
  inputs: InputValue[];
  any_of?: string;
  path?: string;
  /** Scorecard indicators: the score criterion they feed. */
  scorecard?: string;
  points?: number | null;
  points_range?: [number, number];
  max_points?: number;
};

export type StandardResult = {
  version: string;
  status: StandardStatus;
  score: number | null;
  /** Lowest and highest reachable score while some indicators are unknown or await a reviewer. */
  score_range?: [number, number];
  /** Why this version was chosen when it is not the one in force for new applications. */
  version_note?: string;
  version_quality?: Quality;
  criteria: CriterionResult[];
  missing: string[];
};

export interface GapSummary {
  id: string;
  gap: number;
  unit: string | null;
}

/** Where the compiled code writes a batch cell: everything but the status, which it returns. */
export interface BatchSink {
  readonly score: Float64Array;
  readonly unmet: Uint16Array;
  readonly distance: Float64Array;
  /** Gaps of unmet members in order: member index and raw gap (rounded and clamped at 0 when read). */
  gapMember: Uint16Array;
  gapValue: Float64Array;
  gapCount: number;
  /** Makes room for at least `room` more gaps (the compiled code asks once per cell for its member count). */
  reserveGaps(room: number): void;
}

/** The generated evaluation of one standard version: returns the status code; with a sink, also fills the cell. */
type Evaluation = (d: Derived, sink: BatchSink | null, cell: number) => number;

function roundValue(v: number): number {
  return Math.round(v * 10000) / 10000;
}

function explainValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? roundValue(v) : null;
  return v ?? null;
}

const FIGURE_NAMES: ReadonlySet<string> = new Set(NUMERIC_FIELDS);

/** A number as JavaScript source, exactly (String() round-trips every double). */
function literal(n: number): string {
  if (n !== n) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return Object.is(n, -0) ? '-0' : String(n);
}

/** One band's test as source, the same as bandOf: the first band whose lower or upper edge admits v. */
function bandTest(b: Band): string {
  const tests: string[] = [];
  if (b.min !== undefined) tests.push(`v ${b.exclusive ? '>' : '>='} ${literal(b.min)}`);
  if (b.max !== undefined) tests.push(`v ${b.exclusive ? '<' : '<='} ${literal(b.max)}`);
  return tests.length ? tests.join(' || ') : 'false';
}

/**
 * Writes one standard version as a single straight-line JavaScript function: thresholds, band edges, caps and pass
 * marks (resolved for the decision date) are constants in the source, member statuses are locals, and only the value
 * closures of the rule (and its custom logic) remain calls, each from its own call site. The source is built only
 * from our rule data: numbers through `literal`, ids through JSON.stringify, figure names checked against the record.
 * Status codes in the source are those of rules/types.ts: 0 met, 1 unmet, 2 unknown, 3 manual (4 not applicable).
 */
class Generator {
  readonly closures: unknown[] = [];
  readonly lines: string[] = [];

  ref(fn: unknown): string {
    this.closures.push(fn);
    return `f${this.closures.length - 1}`;
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  /** A figure as an expression: a named derived figure is a field read, a formula a call of its own. */
  figure(f: Figure): string {
    if (typeof f !== 'string') return `${this.ref(f)}(d)`;
    if (!FIGURE_NAMES.has(f)) throw new Error(`未知的派生指标：${f}`);
    return `d.${f}`;
  }

  check(i: number, c: Check): void {
    const s = `s${i}`, g = `g${i}`;
    const t = c.test;
    if (t === null) {
      this.emit(`${s} = ${this.ref(c.status)}(d);`);
      if (c.gap !== null) this.emit(`if (${s} === 1) ${g} = ${this.ref(c.gap)}(d);`);
      return;
    }
    switch (t.op) {
      // Branch-free: a comparison or-ed with 0 is a 0/1 integer, so the status is arithmetic on comparisons (random
      // data mispredicts a branch per check). The gap is computed always; it is read only when the status is unmet.
      case 'at_least': {
        const th = literal(t.threshold);
        this.emit(`{ const v = ${this.figure(t.value)}; ${s} = ((v ${t.strict ? '<=' : '<'} ${th}) | 0) + (((v !== v) | 0) << 1); ${g} = ${th} - v; }`);
        return;
      }
      case 'at_most': {
        const th = literal(t.threshold);
        this.emit(`{ const v = ${this.figure(t.value)}; ${s} = ((v > ${th}) | 0) + (((v !== v) | 0) << 1); ${g} = v - ${th}; }`);
        return;
      }
      case 'count_at_least': {
        // met: lo ≥ t; unmet: lo known and even hi < t; otherwise unknown.
        const th = literal(t.threshold);
        this.emit(`{ const l = ${this.figure(t.lo)}, h = ${this.figure(t.hi)}; ${s} = 2 - (((l >= ${th}) | 0) << 1) - (((l < ${th}) & (h < ${th})) | 0); ${g} = ${th} - h; }`);
        return;
      }
      case 'truth':
        this.emit(`{ const v = ${this.figure(t.value)}; ${s} = ((v !== ${t.expect}) | 0) + ((v !== v) | 0); }`);
    }
  }

  /** Indicator points into the card's scratch P (lo, hi, known per indicator), then subtotals into C (lo, hi, gap). */
  scorecard(i: number, card: Scorecard, scratch: Float64Array, state: Float64Array): void {
    const P = this.ref(scratch), C = this.ref(state);
    const du = `u${i}`;
    this.emit(`let ${du} = false;`);
    card.indicators.forEach((ind, k) => {
      const a = 3 * k;
      if (ind.banded !== null) {
        const arms = ind.banded.bands.map((b) => `if (${bandTest(b)}) { ${P}[${a}] = ${literal(b.points)}; ${P}[${a + 1}] = ${literal(b.points_max ?? b.points)}; ${P}[${a + 2}] = 1; }`);
        this.emit(`{ const v = ${this.figure(ind.banded.bandValue)}; if (v !== v) { ${P}[${a}] = 0; ${P}[${a + 1}] = ${literal(ind.maxPoints)}; ${P}[${a + 2}] = 0; } else ${[...arms, `{ ${P}[${a}] = 0; ${P}[${a + 1}] = 0; ${P}[${a + 2}] = 1; }`].join(' else ')} }`);
      } else {
        this.emit(`${this.ref(ind.points)}(d, ${P}, ${k});`);
      }
      this.emit(`if (${P}[${a}] !== ${P}[${a + 1}]) { if (${P}[${a + 2}] === 0) ${du} = true; else if (scores !== null) { const r = scores[${JSON.stringify(ind.id)}]; if (typeof r === 'number') { const v = r < ${P}[${a}] ? ${P}[${a}] : r > ${P}[${a + 1}] ? ${P}[${a + 1}] : r; ${P}[${a}] = v; ${P}[${a + 1}] = v; } } }`);
    });
    const index = new Map(card.indicators.map((ind, k) => [ind.id, k]));
    this.emit(`{ let lo = 0, hi = 0, shortLo = false, shortHi = 0;`);
    for (const sub of card.subtotals) {
      const members = sub.members.map((id) => {
        const k = index.get(id);
        if (k === undefined) throw new Error(`${card.id}: 小计 ${sub.name} 引用了不存在的指标 ${id}`);
        return k;
      });
      const cap = literal(sub.cap), min = literal(sub.min);
      this.emit(`{ let sl = 0${members.map((k) => ` + ${P}[${3 * k}]`).join('')}, sh = 0${members.map((k) => ` + ${P}[${3 * k + 1}]`).join('')};`);
      this.emit(`if (sl > ${cap}) sl = ${cap}; if (sh > ${cap}) sh = ${cap}; if (sl < ${min}) shortLo = true; if (sh < ${min} && ${min} - sh > shortHi) shortHi = ${min} - sh; lo += sl; hi += sh; }`);
    }
    const needed = literal(card.exclusive ? card.pass + 1 : card.pass);
    this.emit(`${C}[0] = lo; ${C}[1] = hi;`);
    this.emit(`if (lo >= ${needed} && !shortLo) { ${C}[2] = 0; s${i} = 0; } else if (hi < ${needed} || shortHi > 0) { ${C}[2] = Math.max(${needed} - hi, shortHi); s${i} = 1; g${i} = ${C}[2]; } else { ${C}[2] = 0; s${i} = ${du} ? 2 : 3; } }`);
  }

  /** `name` labels the code in profiles and stack traces. */
  build(name: string): Evaluation {
    return this.buildFunction(name, 'evaluation(d, sink, cell)') as Evaluation;
  }

  /** The lines as the body of `function <signature>`, with the closures bound as constants f0, f1, … */
  buildFunction(name: string, signature: string): unknown {
    const names = this.closures.map((_, k) => `f${k}`);
    const body = [
      '"use strict";',
      `const [${names.join(', ')}] = closures;`,
      `return function ${signature} {`,
      ...this.lines,
      '};',
      `//# sourceURL=tidu-standards/${name}.js`,
    ].join('\n');
    return new Function('closures', body)(this.closures);
  }
}

/** The result columns a batch loop writes (BatchResult). */
export interface BatchColumns extends BatchSink {
  readonly status: Uint8Array;
  readonly sizeCode: Int8Array;
  /** Compiled version (slot) per cell. */
  readonly slots: Uint8Array;
  /** End of each cell's gaps in gapMember/gapValue. */
  readonly gapEnds: Uint32Array;
  /** Status, slot and gap end of a cell the generated loop does not write itself. */
  close(cell: number, status: number, slot: number): void;
}

/**
 * One column of a batch: a compiled version called directly (its status kept in `keep` when another standard reads
 * it through BuildContext.statusOf), or a call that evaluates the cell (re-reviews choose the version per profile).
 */
export type BatchPart =
  | { compiled: CompiledStandard; keep: { lastStamp: number; lastStatus: number } | null }
  | { call: (d: Derived, out: BatchColumns, cell: number) => void };

export type BatchLoop = (profiles: readonly unknown[], d: Derived, ctx: unknown, out: BatchColumns) => void;

/**
 * The batch as one generated loop: per profile, the derived figures, the size class, then each standard's compiled
 * evaluation from its own call site (so every call is monomorphic), writing status, slot and gap end of its cell.
 * Each standard stays its own function: one function holding every standard inline took ~0.7 s of CPU to optimise
 * and ran no faster. Built only from our rule data, like each standard's own evaluation.
 */
export function generateBatch(parts: readonly BatchPart[], derive: (profile: never, ctx: never, d: Derived) => unknown, name: string): BatchLoop {
  const gen = new Generator();
  const DERIVE = gen.ref(derive);
  const width = parts.length;
  gen.emit('const O_status = out.status, O_slot = out.slots, O_gapEnd = out.gapEnds, O_size = out.sizeCode;');
  gen.emit('const n = profiles.length;');
  gen.emit('for (let i = 0; i < n; i++) {');
  gen.emit(`${DERIVE}(profiles[i], ctx, d);`);
  gen.emit('const size = d.sizeCode; O_size[i] = size === size ? size : -1;');
  gen.emit(`const base = i * ${width};`);
  parts.forEach((part, k) => {
    if ('compiled' in part) {
      const E = gen.ref(part.compiled.evaluationFunction);
      gen.emit(`{ const st = ${E}(d, out, base + ${k}); O_status[base + ${k}] = st; O_slot[base + ${k}] = ${part.compiled.slot}; O_gapEnd[base + ${k}] = out.gapCount;`);
      if (part.keep) {
        const K = gen.ref(part.keep);
        gen.emit(`${K}.lastStamp = d.stamp; ${K}.lastStatus = st;`);
      }
      gen.emit('}');
    } else {
      gen.emit(`${gen.ref(part.call)}(d, out, base + ${k});`);
    }
  });
  gen.emit('}');
  return gen.buildFunction(name, 'batch(profiles, d, ctx, out)') as BatchLoop;
}

function countMissing(plan: InputPlan, profile: Profile, counts: Map<string, number> | null): Map<string, number> {
  const into = counts ?? new Map<string, number>();
  for (const key of plan.missing(profile)) into.set(key, (into.get(key) ?? 0) + 1);
  return into;
}

/** A scorecard's state after an evaluation: per indicator lo, hi, known; and the total's lo, hi and gap. */
interface CardState {
  member: number;
  points: Float64Array;
  total: Float64Array;
}

export class CompiledStandard {
  /** Checks and scorecards in rule order. */
  readonly members: readonly RuleItem[];
  /** Member statuses of the last evaluation (read by explain). */
  private readonly statuses: Int8Array;
  private readonly cards: CardState[];
  private readonly evaluation: Evaluation;
  /** Input paths of each check and indicator, split once for explain. */
  private readonly inputPlans = new Map<object, InputPlan>();

  constructor(
    readonly standard: StandardId,
    readonly rule: StandardRule,
    items: readonly RuleItem[],
    readonly versionNote: { note: string; quality: Quality } | null,
    /** Index of this compiled version among those of its evaluation date (stored per batch cell). */
    readonly slot: number,
  ) {
    this.members = items;
    this.statuses = new Int8Array(items.length);
    this.cards = [];
    items.forEach((item, i) => {
      if (item.kind === 'scorecard') {
        this.cards.push({ member: i, points: new Float64Array(item.indicators.length * 3), total: new Float64Array(3) });
        for (const ind of item.indicators) this.inputPlans.set(ind, compileInputs(ind.inputs));
      } else {
        this.inputPlans.set(item, compileInputs(item.inputs));
      }
    });
    this.evaluation = this.generate();
  }

  get version(): string {
    return this.rule.version;
  }

  /** The member's id and gap unit, for gap summaries read back from a batch. */
  gapSummary(member: number, rawGap: number): GapSummary {
    const m = this.members[member];
    return { id: m.id, gap: roundValue(rawGap > 0 ? rawGap : 0), unit: m.kind === 'scorecard' ? '分' : m.unit };
  }

  private generate(): Evaluation {
    const gen = new Generator();
    const members = this.members;
    const ST = gen.ref(this.statuses);
    gen.emit(`const scores = d.reviewerScores;`);
    gen.emit(`let ${members.map((_, i) => `s${i} = 0, g${i} = NaN`).join(', ')};`);
    members.forEach((item, i) => {
      if (item.kind === 'check') gen.check(i, item);
      else {
        const state = this.cards.find((c) => c.member === i)!;
        gen.scorecard(i, item, state.points, state.total);
      }
    });

    // any_of groups: a group holds when one of its paths holds; a path holds when all its members hold.
    const singles: number[] = [];
    const groupsById = new Map<string, Map<string, number[]>>();
    members.forEach((item, i) => {
      if (!item.anyOf) {
        singles.push(i);
        return;
      }
      let paths = groupsById.get(item.anyOf);
      if (!paths) groupsById.set(item.anyOf, (paths = new Map()));
      const pathId = (item.kind === 'check' && item.path) || item.id;
      const path = paths.get(pathId);
      if (path) path.push(i);
      else paths.set(pathId, [i]);
    });
    const groups = [...groupsById.values()].map((paths) => [...paths.values()]);
    // Branch-free as well, through small tables packed 2 bits an entry into one integer constant.
    // A path's code is its members' worst: unmet, else unknown, else manual, else met (not_applicable counts as met);
    // indexed by which of the codes 1, 2, 3 occur (bits 0, 1, 2).
    let pathTable = 0;
    for (let x = 0; x < 8; x++) pathTable |= (x & 1 ? 1 : x & 2 ? 2 : x & 4 ? 3 : 0) << (2 * x);
    // A group holds when a path holds: met if any path is met, unmet if all are, else unknown before manual;
    // indexed by which path codes 0…3 occur (bits 0…3).
    let groupTable = 0;
    for (let x = 1; x < 16; x++) groupTable |= (x & 1 ? 0 : x === 2 ? 1 : x & 4 ? 2 : 3) << (2 * x);
    groups.forEach((paths, k) => {
      paths.forEach((path, p) => {
        const seen = path.map((m) => `(1 << s${m})`).join(' | ');
        gen.emit(`const p${k}_${p} = (${pathTable >>> 0} >>> ((((${seen}) >> 1) & 7) << 1)) & 3;`);
      });
      gen.emit(`const q${k} = (${groupTable >>> 0} >>> ((${paths.map((_, p) => `(1 << p${k}_${p})`).join(' | ')}) << 1)) & 3;`);
    });
    const parts = [...singles.map((i) => `s${i}`), ...groups.map((_, k) => `q${k}`)];
    // Branch-free too: `seen` has bit c set when some part has code c; unmet counts the parts with code 1.
    gen.emit(`let unmet = 0, seen = 0;`);
    for (const x of parts) gen.emit(`seen |= 1 << ${x}; unmet += (((${x} ^ 1) - 1) >>> 31);`);
    gen.emit(`const status = unmet > 0 ? 1 : (seen & 4) !== 0 ? 2 : (seen & 8) !== 0 ? 3 : 0;`);
    // Member statuses are kept for explain (and status(), which shares the call); the batch does not read them.
    gen.emit(`if (sink === null) { ${members.map((_, i) => `${ST}[${i}] = s${i};`).join(' ')} return status; }`);

    // Distance and gaps: an unmet group counts its closest path.
    const scale = (i: number) => {
      const m = members[i];
      return literal(m.kind === 'scorecard' ? m.pass || 1 : m.scale);
    };
    // A member's share of the distance: its gap over its scale, clamped to 0..1; 1 when the gap is unknown or infinite
    // (always, for a member without a numeric gap, which records no gap either).
    const hasGap = (i: number) => {
      const m = members[i];
      return m.kind === 'scorecard' || (m.test !== null ? m.test.op !== 'truth' : m.gap !== null);
    };
    const dist = (i: number) => hasGap(i) ? `(g${i} === g${i} && g${i} !== Infinity && g${i} !== -Infinity ? ((g${i} > 0 ? g${i} : 0) / ${scale(i)} > 1 ? 1 : (g${i} > 0 ? g${i} : 0) / ${scale(i)}) : 1)` : '1';
    const record = (i: number) => hasGap(i) ? `if (g${i} === g${i} && g${i} !== Infinity) { gapMember[gaps] = ${i}; gapValue[gaps++] = g${i}; }` : '';
    gen.emit(`if (sink.gapValue.length - sink.gapCount < ${members.length}) sink.reserveGaps(${members.length});`);
    gen.emit(`const gapMember = sink.gapMember, gapValue = sink.gapValue; let gaps = sink.gapCount;`);
    // Only unmet parts add distance or gaps: a cell without any (most cells) skips the whole section.
    gen.emit(`let distance = 0;`);
    gen.emit(`if (unmet > 0) {`);
    for (const i of singles) gen.emit(`if (s${i} === 1) { distance += ${dist(i)}; ${record(i)} }`);
    groups.forEach((paths, k) => {
      gen.emit(`if (q${k} === 1) { let best = Infinity, bestPath = 0;`);
      paths.forEach((path, p) => {
        gen.emit(`{ let sum = 0; ${path.map((m) => `if (s${m} === 1) sum += ${dist(m)};`).join(' ')} if (sum < best) { best = sum; bestPath = ${p}; } }`);
      });
      gen.emit(`distance += best;`);
      gen.emit(paths.map((path, p) => `if (bestPath === ${p}) { ${path.map((m) => `if (s${m} === 1) { ${record(m)} }`).join(' ')} }`).join(' else '));
      gen.emit(`}`);
    });
    gen.emit(`}`);
    const first = this.cards[0];
    const score = first ? `${gen.ref(first.total)}[0] === ${gen.ref(first.total)}[1] ? ${gen.ref(first.total)}[0] : NaN` : 'NaN';
    gen.emit(`sink.gapCount = gaps; sink.score[cell] = ${score}; sink.unmet[cell] = unmet; sink.distance[cell] = Math.round(distance * 10000) / 10000;`);
    gen.emit(`return status;`);
    return gen.build(`${this.standard}-${this.rule.version}-${this.slot}`);
  }

  /** The standard's status code (STANDARD_STATUSES order). */
  status(d: Derived): number {
    return this.evaluation(d, null, 0);
  }

  /** The generated evaluation itself (for the generated batch loop, which calls it without a method in between). */
  get evaluationFunction(): (d: Derived, sink: BatchSink | null, cell: number) => number {
    return this.evaluation;
  }

  /** The batch path: returns the status code and writes score, unmet count, distance and gaps of the cell. */
  evaluateInto(d: Derived, sink: BatchSink, cell: number): number {
    return this.evaluation(d, sink, cell);
  }

  /** The full contract record with every criterion explained. */
  explain(d: Derived): StandardResult {
    const profile = d.profile;
    const standardStatus = this.evaluation(d, null, 0);
    const st = this.statuses;
    const criteria: CriterionResult[] = [];
    // How many unknown criteria each missing key blocks (built only when some criterion is unknown).
    let missingCount: Map<string, number> | null = null;
    let scoreRange: [number, number] | undefined;
    let score: number | null = null;
    let cardIndex = 0;
    const items = this.members;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (item.kind === 'check') {
        const code = st[index];
        const plan = this.inputPlans.get(item)!;
        const gap = code === UNMET && item.gap ? item.gap(d) : NaN;
        if (code === UNKNOWN) missingCount = countMissing(plan, profile, missingCount);
        const criterion: CriterionResult = {
          id: item.id,
          status: CRITERION_STATUSES[code],
          value: explainValue(item.value(d)),
          threshold: item.threshold,
          gap: gap === gap && Number.isFinite(gap) ? roundValue(Math.max(0, gap)) : null,
          unit: item.unit,
          source: item.source,
          name: item.name,
          quality: item.quality,
          inputs: plan.report(profile),
        };
        if (item.anyOf) criterion.any_of = item.anyOf;
        if (item.path && item.path !== item.id) criterion.path = item.path;
        criteria.push(criterion);
        continue;
      }
      const state = this.cards[cardIndex++];
      const out = state.points;
      const inds = item.indicators;
      for (let i = 0; i < inds.length; i++) {
        const ind = inds[i];
        const plan = this.inputPlans.get(ind)!;
        const lo = out[3 * i], hi = out[3 * i + 1], known = out[3 * i + 2] === 1;
        const status: CriterionStatus = lo === hi ? 'met' : known ? 'manual' : 'unknown';
        if (status === 'unknown') missingCount = countMissing(plan, profile, missingCount);
        const criterion: CriterionResult = {
          id: ind.id,
          status,
          value: explainValue(ind.value(d)),
          threshold: ind.threshold,
          gap: null,
          unit: ind.unit,
          source: ind.source,
          name: ind.name,
          quality: ind.quality,
          inputs: plan.report(profile),
          scorecard: item.id,
          points: lo === hi ? lo : null,
        };
        if (lo !== hi) criterion.points_range = [lo, hi];
        criterion.max_points = ind.maxPoints;
        criteria.push(criterion);
      }
      const [lo, hi, cardGap] = state.total;
      const code = st[index];
      if (lo === hi) score = lo;
      else scoreRange = [lo, hi];
      const criterion: CriterionResult = {
        id: item.id,
        status: CRITERION_STATUSES[code],
        value: lo === hi ? lo : { min: lo, max: hi },
        threshold: item.exclusive ? `> ${item.pass}` : item.pass,
        gap: code === UNMET ? roundValue(cardGap) : null,
        unit: '分',
        source: item.source,
        name: item.name,
        quality: item.quality,
        inputs: [],
      };
      if (item.anyOf) criterion.any_of = item.anyOf;
      criteria.push(criterion);
    }
    const missing = missingCount === null ? [] : [...missingCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
    return {
      version: this.rule.version,
      status: STANDARD_STATUSES[standardStatus],
      score,
      ...(scoreRange ? { score_range: scoreRange } : {}),
      ...(this.versionNote ? { version_note: this.versionNote.note, version_quality: this.versionNote.quality } : {}),
      criteria,
      missing,
    };
  }
}

