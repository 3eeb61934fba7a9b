import type { Derived } from '../derived/derived.ts';
import { entryAt, type Band, type Parameter, type ParameterValue, type Quality } from '../parameters/types.ts';
import { MANUAL, MET, NOT_APPLICABLE, UNKNOWN, UNMET, type BuildContext, type Check, type CheckTest, type Figure, type Indicator, type Scorecard, type Subtotal } from './types.ts';

/** Reads a parameter in force at the decision date; a rule asking for a parameter not yet in force is a programming error. */
export function use<V extends ParameterValue>(ctx: BuildContext, used: Parameter[], p: Parameter<V>) {
  const entry = entryAt(p, ctx.asOf);
  if (!entry) throw new Error(`参数 ${p.id}（${p.name}）在 ${ctx.asOf} 尚未生效`);
  if (!used.includes(p as Parameter)) used.push(p as Parameter);
  return entry;
}

interface CheckOptions {
  id: string;
  name?: string;
  inputs: readonly string[];
  anyOf?: string;
  path?: string;
  /** false: reported as not_applicable (e.g. X-2c at a re-review). */
  applies?: boolean;
}

interface ParamCheckOptions extends CheckOptions {
  param: Parameter<number>;
  value: Figure;
}

/** A figure as a function (for explanations and custom logic; the compiled status reads named figures directly). */
export function reader(figure: Figure): (d: Derived) => number {
  return typeof figure === 'string' ? (d) => d[figure] : figure;
}

/**
 * Rules collect their criteria through a RuleBuilder, which records the parameters they read
 * (for the catalogue) and fills name, unit, source and quality from the parameter.
 */
export class RuleBuilder {
  readonly parameters: Parameter[] = [];
  constructor(readonly ctx: BuildContext) {}

  param<V extends ParameterValue>(p: Parameter<V>) {
    return use(this.ctx, this.parameters, p);
  }

  value<V extends ParameterValue>(p: Parameter<V>): V {
    return this.param(p).value;
  }

  /** value ≥ threshold (or > threshold with `strict`). */
  atLeast(o: ParamCheckOptions & { strict?: boolean }): Check {
    const e = this.param(o.param);
    const t = e.value;
    const value = reader(o.value);
    const strict = o.strict === true;
    return this.check(o, e, t, (d) => {
      const v = value(d);
      return v !== v ? UNKNOWN : (strict ? v > t : v >= t) ? MET : UNMET;
    }, value, (d) => t - value(d), Math.abs(t), { op: 'at_least', threshold: t, strict, value: o.value });
  }

  /** value ≤ threshold. */
  atMost(o: ParamCheckOptions): Check {
    const e = this.param(o.param);
    const t = e.value;
    const value = reader(o.value);
    return this.check(o, e, t, (d) => {
      const v = value(d);
      return v !== v ? UNKNOWN : v <= t ? MET : UNMET;
    }, value, (d) => value(d) - t, Math.abs(t), { op: 'at_most', threshold: t, value: o.value });
  }

  /** A count over a list with unknown items: met when certainly ≥ threshold, unmet when it cannot reach it. */
  countAtLeast(o: CheckOptions & { param: Parameter<number>; lo: Figure; hi: Figure }): Check {
    const e = this.param(o.param);
    const t = e.value;
    const lo = reader(o.lo), hi = reader(o.hi);
    return this.check(o, e, t, (d) => {
      const l = lo(d);
      if (l !== l) return UNKNOWN;
      return l >= t ? MET : hi(d) < t ? UNMET : UNKNOWN;
    }, (d) => range(lo(d), hi(d)), (d) => t - hi(d), Math.abs(t), { op: 'count_at_least', threshold: t, lo: o.lo, hi: o.hi });
  }

  /** A yes/no fact that must equal `expect` (1 yes, 0 no). */
  truth(o: CheckOptions & { name: string; source: string; quality: Quality; value: Figure; expect: 0 | 1 }): Check {
    const expect = o.expect;
    const value = reader(o.value);
    return this.custom({
      ...o,
      unit: null,
      threshold: expect === 1,
      status: (d) => {
        const v = value(d);
        return v !== v ? UNKNOWN : v === expect ? MET : UNMET;
      },
      value: (d) => bool(value(d)),
      test: { op: 'truth', expect, value: o.value },
    });
  }

  /**
   * Needs a reviewer: `reviewer_judgements[id]` decides; without one the criterion is manual, or unknown while the
   * declared evidence it would be judged on is missing (`evidence` NaN). Declared evidence that rules it out (0) fails it.
   */
  manual(o: CheckOptions & { name: string; source: string; quality: Quality; evidence?: (d: Derived) => number; value?: (d: Derived) => unknown }): Check {
    const id = o.id;
    const evidence = o.evidence;
    return this.custom({
      ...o,
      unit: null,
      threshold: '专家评审',
      status: (d) => {
        const j = d.judgements;
        if (j !== null) {
          const v = j[id];
          if (v === true) return MET;
          if (v === false) return UNMET;
        }
        if (evidence) {
          const e = evidence(d);
          if (e !== e) return UNKNOWN;
          if (e === 0) return UNMET;
        }
        return MANUAL;
      },
      value: o.value ?? (evidence ? (d) => bool(evidence(d)) : () => null),
    });
  }

  custom(o: CheckOptions & {
    name: string;
    source: string;
    quality: Quality;
    unit: string | null;
    threshold: unknown;
    status: (d: Derived) => number;
    value: (d: Derived) => unknown;
    gap?: (d: Derived) => number;
    scale?: number;
    test?: CheckTest;
  }): Check {
    const applies = o.applies !== false;
    return {
      kind: 'check',
      id: o.id,
      name: o.name,
      unit: o.unit,
      source: o.source,
      quality: o.quality,
      inputs: o.inputs,
      anyOf: o.anyOf,
      path: o.path,
      threshold: o.threshold,
      status: applies ? o.status : () => NOT_APPLICABLE,
      value: o.value,
      gap: applies ? (o.gap ?? null) : null,
      scale: o.scale ?? 1,
      test: applies ? (o.test ?? null) : null,
    };
  }

  private check(
    o: CheckOptions,
    e: { unit: string; source: string; quality: Quality },
    threshold: number,
    status: (d: Derived) => number,
    value: (d: Derived) => unknown,
    gap: (d: Derived) => number,
    scale: number,
    test: CheckTest,
  ): Check {
    return this.custom({
      ...o,
      name: o.name ?? (o as ParamCheckOptions).param.name,
      unit: e.unit,
      source: e.source,
      quality: e.quality,
      threshold,
      status,
      value,
      gap,
      scale: scale || 1,
      test,
    });
  }

  /** A banded indicator: known value → its band's points (a range for 高新 expert bands), unknown → 0..max. */
  bands(o: { id: string; name?: string; param: Parameter<readonly Band[]>; value: Figure; inputs: readonly string[]; maxPoints: number }): Indicator {
    const e = this.param(o.param);
    const bands = e.value;
    const maxPoints = o.maxPoints;
    return {
      kind: 'indicator',
      id: o.id,
      name: o.name ?? o.param.name,
      unit: e.unit,
      source: e.source,
      quality: e.quality,
      inputs: o.inputs,
      maxPoints,
      expert: false,
      threshold: bands,
      value: reader(o.value),
      banded: { bands, bandValue: o.value },
      points: null,
    };
  }

  /**
   * An indicator computed by `score`, which writes lo, hi and known (1 when the data are complete) at out[3i..3i+2].
   */
  indicator(o: {
    id: string;
    name: string;
    source: string;
    quality: Quality;
    unit: string | null;
    inputs: readonly string[];
    maxPoints: number;
    expert?: boolean;
    threshold: unknown;
    value: (d: Derived) => unknown;
    score: (d: Derived, out: Float64Array, at: number) => void;
  }): Indicator {
    const score = o.score;
    return {
      kind: 'indicator',
      id: o.id,
      name: o.name,
      unit: o.unit,
      source: o.source,
      quality: o.quality,
      inputs: o.inputs,
      maxPoints: o.maxPoints,
      expert: o.expert === true,
      threshold: o.threshold,
      value: o.value,
      banded: null,
      points: (d, out, i) => score(d, out, 3 * i),
    };
  }

  /** An indicator only a reviewer can score (0..max unless `reviewer_scores[id]` is recorded). */
  expert(o: { id: string; name: string; source: string; quality: Quality; maxPoints: number; inputs?: readonly string[] }): Indicator {
    const max = o.maxPoints;
    return this.indicator({
      ...o,
      unit: '分',
      inputs: o.inputs ?? [`reviewer_scores.${o.id}`],
      expert: true,
      threshold: '专家评分',
      value: () => null,
      score: (_d, out, at) => {
        out[at] = 0;
        out[at + 1] = max;
        out[at + 2] = 1;
      },
    });
  }

  scorecard(o: {
    standard: string;
    name: string;
    source: string;
    quality: Quality;
    anyOf?: string;
    indicators: Indicator[];
    subtotals: Subtotal[];
    pass: number;
    exclusive?: boolean;
  }): Scorecard {
    return {
      kind: 'scorecard',
      id: `${o.standard}:score`,
      name: o.name,
      source: o.source,
      quality: o.quality,
      anyOf: o.anyOf,
      indicators: o.indicators,
      subtotals: o.subtotals,
      pass: o.pass,
      exclusive: o.exclusive === true,
    };
  }
}

export function bandOf(bands: readonly Band[], v: number): Band | null {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i];
    if (b.min !== undefined && (b.exclusive ? v > b.min : v >= b.min)) return b;
    if (b.max !== undefined && (b.exclusive ? v < b.max : v <= b.max)) return b;
  }
  return null;
}

export function bool(v: number): boolean | null {
  return v !== v ? null : v === 1;
}

export function range(lo: number, hi: number): number | { min: number; max: number | null } | null {
  if (lo !== lo) return null;
  return lo === hi ? lo : { min: lo, max: Number.isFinite(hi) ? hi : null };
}

/** Tri-valued AND of yes/no facts (1/0/NaN); fixed arity so the hot path allocates nothing. */
export function all(a: number, b: number, c = 1, d = 1): number {
  if (a === 0 || b === 0 || c === 0 || d === 0) return 0;
  return a === 1 && b === 1 && c === 1 && d === 1 ? 1 : NaN;
}

/** Tri-valued OR of yes/no facts. */
export function any(a: number, b: number, c = 0, d = 0): number {
  if (a === 1 || b === 1 || c === 1 || d === 1) return 1;
  return a === 0 && b === 0 && c === 0 && d === 0 ? 0 : NaN;
}

/** Tri-valued NOT. */
export function not(v: number): number {
  return v !== v ? NaN : v === 1 ? 0 : 1;
}

/** 1 when a count is certainly ≥ n, 0 when it cannot be, NaN otherwise. */
export function countTruth(lo: number, hi: number, n: number): number {
  if (lo !== lo) return NaN;
  return lo >= n ? 1 : hi < n ? 0 : NaN;
}

export function round2(v: number): number | null {
  return v !== v ? null : Math.round(v * 100) / 100;
}

export function nullable(v: number): number | null {
  return v !== v ? null : v;
}

/**
 * "Any one of two years reaches t" as one number to compare with t: the better year once it reaches t or both are
 * known, else unknown (NaN) — a known low year never decides while the other is missing.
 */
export function eitherYear(a: number, b: number, t: number): number {
  if (a >= t || b >= t) return a >= t && b >= t ? Math.max(a, b) : a >= t ? a : b;
  if (a !== a || b !== b) return NaN;
  return Math.max(a, b);
}
