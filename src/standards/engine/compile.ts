import type { Derived } from '../derived/derived.ts';
import type { Quality } from '../parameters/types.ts';
import {
  CRITERION_STATUSES,
  MANUAL,
  MET,
  NOT_APPLICABLE,
  STANDARD_STATUSES,
  UNKNOWN,
  UNMET,
  type BuildContext,
  type Check,
  type CriterionStatus,
  type Indicator,
  type RuleItem,
  type Scorecard,
  type StandardId,
  type StandardRule,
  type StandardStatus,
} from '../rules/types.ts';
import { missingKeys, reportInputs, type InputValue } from './inputs.ts';

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

/** What the fast path reports for one profile and standard. */
export interface FastOutcome {
  status: number;
  score: number;
  unmet: number;
  distance: number;
  gaps: GapSummary[];
}

type Member = Check | Scorecard;

const EMPTY_GAPS: GapSummary[] = [];
Object.freeze(EMPTY_GAPS);

function roundValue(v: number): number {
  return Math.round(v * 10000) / 10000;
}

function explainValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? roundValue(v) : null;
  return v ?? null;
}

/** Scorecard state of the last evaluation (closures are single-threaded; one scratch per compiled scorecard). */
class CompiledScorecard {
  readonly scratch: Float64Array;
  readonly memberIndex: number[][];
  lo = 0;
  hi = 0;
  gap = 0;
  constructor(readonly card: Scorecard) {
    this.scratch = new Float64Array(card.indicators.length * 3);
    const index = new Map(card.indicators.map((ind, i) => [ind.id, i]));
    this.memberIndex = card.subtotals.map((s) => s.members.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`${card.id}: 小计 ${s.name} 引用了不存在的指标 ${id}`);
      return i;
    }));
  }

  /** Evaluates the indicators and returns the score criterion's status code. */
  status(d: Derived): number {
    const card = this.card;
    const inds = card.indicators;
    const out = this.scratch;
    const scores = d.reviewerScores;
    let dataUnknown = false;
    for (let i = 0; i < inds.length; i++) {
      inds[i].points(d, out, i);
      const at = 3 * i;
      if (out[at] !== out[at + 1]) {
        if (out[at + 2] === 0) dataUnknown = true;
        else if (scores !== null) {
          const recorded = scores[inds[i].id];
          if (typeof recorded === 'number') {
            const v = recorded < out[at] ? out[at] : recorded > out[at + 1] ? out[at + 1] : recorded;
            out[at] = v;
            out[at + 1] = v;
          }
        }
      }
    }
    let lo = 0, hi = 0, shortLo = false, shortHi = 0;
    const subtotals = card.subtotals;
    for (let s = 0; s < subtotals.length; s++) {
      const members = this.memberIndex[s];
      let sl = 0, sh = 0;
      for (let m = 0; m < members.length; m++) {
        sl += out[3 * members[m]];
        sh += out[3 * members[m] + 1];
      }
      const cap = subtotals[s].cap;
      if (sl > cap) sl = cap;
      if (sh > cap) sh = cap;
      const min = subtotals[s].min;
      if (sl < min) shortLo = true;
      if (sh < min && min - sh > shortHi) shortHi = min - sh;
      lo += sl;
      hi += sh;
    }
    this.lo = lo;
    this.hi = hi;
    const pass = card.pass;
    const needed = card.exclusive ? pass + 1 : pass;
    if (lo >= needed && !shortLo) {
      this.gap = 0;
      return MET;
    }
    if (hi < needed || shortHi > 0) {
      this.gap = Math.max(needed - hi, shortHi);
      return UNMET;
    }
    this.gap = 0;
    return dataUnknown ? UNKNOWN : MANUAL;
  }
}

export class CompiledStandard {
  /** Checks and scorecards in rule order; statuses of the last profile in `st`. */
  readonly members: Member[];
  private readonly cardOf: (CompiledScorecard | null)[];
  private readonly singles: number[];
  /** any_of groups: paths of member indices (a path holds when all its members hold). */
  private readonly groups: number[][][];
  private readonly st: Int8Array;
  readonly cards = new Map<Scorecard, CompiledScorecard>();
  readonly scorecard: CompiledScorecard | null;

  constructor(
    readonly standard: StandardId,
    readonly rule: StandardRule,
    readonly items: readonly RuleItem[],
    readonly versionNote: { note: string; quality: Quality } | null,
  ) {
    for (const item of items) if (item.kind === 'scorecard') this.cards.set(item, new CompiledScorecard(item));
    this.scorecard = this.cards.size > 0 ? [...this.cards.values()][0] : null;
    this.members = [...items];
    this.cardOf = this.members.map((m) => (m.kind === 'scorecard' ? this.cards.get(m)! : null));
    this.st = new Int8Array(this.members.length);
    this.singles = [];
    const groups = new Map<string, Map<string, number[]>>();
    this.members.forEach((item, i) => {
      if (!item.anyOf) {
        this.singles.push(i);
        return;
      }
      let paths = groups.get(item.anyOf);
      if (!paths) groups.set(item.anyOf, (paths = new Map()));
      const pathId = (item.kind === 'check' && item.path) || item.id;
      const path = paths.get(pathId);
      if (path) path.push(i);
      else paths.set(pathId, [i]);
    });
    this.groups = [...groups.values()].map((paths) => [...paths.values()]);
  }

  get version(): string {
    return this.rule.version;
  }

  private evaluateMembers(d: Derived): Int8Array {
    const st = this.st;
    const members = this.members;
    const cards = this.cardOf;
    for (let i = 0; i < members.length; i++) {
      const card = cards[i];
      st[i] = card !== null ? card.status(d) : (members[i] as Check).status(d);
    }
    return st;
  }

  /** Raw gap of an unmet member in its unit (NaN when it has none). */
  private gapValue(i: number, d: Derived): number {
    const card = this.cardOf[i];
    if (card !== null) return card.gap;
    const gap = (this.members[i] as Check).gap;
    return gap === null ? NaN : gap(d);
  }

  private distanceOf(i: number, g: number): number {
    if (!(g === g) || g === Infinity || g === -Infinity) return 1;
    const card = this.cardOf[i];
    const scale = card !== null ? card.card.pass || 1 : (this.members[i] as Check).scale;
    const v = (g > 0 ? g : 0) / scale;
    return v > 1 ? 1 : v;
  }

  private pathStatus(path: number[], st: Int8Array): number {
    let unknown = false, manual = false;
    for (let i = 0; i < path.length; i++) {
      const s = st[path[i]];
      if (s === UNMET) return UNMET;
      if (s === UNKNOWN) unknown = true;
      else if (s === MANUAL) manual = true;
    }
    return unknown ? UNKNOWN : manual ? MANUAL : MET;
  }

  /** Group = OR over paths, each path = AND of its members. */
  private groupStatus(paths: number[][], st: Int8Array): number {
    let unknown = false, manual = false, unmet = 0;
    for (let i = 0; i < paths.length; i++) {
      const s = this.pathStatus(paths[i], st);
      if (s === MET) return MET;
      if (s === UNMET) unmet++;
      else if (s === UNKNOWN) unknown = true;
      else manual = true;
    }
    if (unmet === paths.length) return UNMET;
    return unknown ? UNKNOWN : manual ? MANUAL : UNMET;
  }

  private aggregate(st: Int8Array): number {
    let unknown = false, manual = false;
    for (let k = 0; k < this.singles.length; k++) {
      const s = st[this.singles[k]];
      if (s === UNMET) return 1;
      if (s === UNKNOWN) unknown = true;
      else if (s === MANUAL) manual = true;
    }
    for (let k = 0; k < this.groups.length; k++) {
      const s = this.groupStatus(this.groups[k], st);
      if (s === UNMET) return 1;
      if (s === UNKNOWN) unknown = true;
      else if (s === MANUAL) manual = true;
    }
    return unknown ? 2 : manual ? 3 : 0;
  }

  /** The standard's status code (STANDARD_STATUSES order). */
  status(d: Derived): number {
    return this.aggregate(this.evaluateMembers(d));
  }

  /**
   * The fast path: status, score, unmet count, normalised distance and (with `withGaps`) the gaps of unmet criteria,
   * without explanation records. An unmet group counts the distance and gaps of its closest path.
   */
  run(d: Derived, out: FastOutcome, withGaps: boolean): void {
    const st = this.evaluateMembers(d);
    let unknown = false, manual = false, unmet = 0, distance = 0;
    let gaps = EMPTY_GAPS;
    for (let k = 0; k < this.singles.length; k++) {
      const i = this.singles[k];
      const s = st[i];
      if (s === UNMET) {
        unmet++;
        const g = this.gapValue(i, d);
        distance += this.distanceOf(i, g);
        if (withGaps && g === g && g !== Infinity) {
          if (gaps === EMPTY_GAPS) gaps = [];
          gaps.push(this.gapSummary(i, g));
        }
      } else if (s === UNKNOWN) unknown = true;
      else if (s === MANUAL) manual = true;
    }
    for (let k = 0; k < this.groups.length; k++) {
      const paths = this.groups[k];
      const s = this.groupStatus(paths, st);
      if (s === UNMET) {
        unmet++;
        let best = Infinity, bestPath = paths[0];
        for (let p = 0; p < paths.length; p++) {
          let sum = 0;
          const path = paths[p];
          for (let m = 0; m < path.length; m++) if (st[path[m]] === UNMET) sum += this.distanceOf(path[m], this.gapValue(path[m], d));
          if (sum < best) {
            best = sum;
            bestPath = path;
          }
        }
        distance += best;
        if (withGaps) {
          for (let m = 0; m < bestPath.length; m++) {
            const i = bestPath[m];
            if (st[i] !== UNMET) continue;
            const g = this.gapValue(i, d);
            if (g === g && g !== Infinity) {
              if (gaps === EMPTY_GAPS) gaps = [];
              gaps.push(this.gapSummary(i, g));
            }
          }
        }
      } else if (s === UNKNOWN) unknown = true;
      else if (s === MANUAL) manual = true;
    }
    out.status = unmet > 0 ? 1 : unknown ? 2 : manual ? 3 : 0;
    out.unmet = unmet;
    out.distance = Math.round(distance * 10000) / 10000;
    out.gaps = gaps;
    const card = this.scorecard;
    out.score = card !== null && card.lo === card.hi ? card.lo : NaN;
  }

  private gapSummary(i: number, g: number): GapSummary {
    const m = this.members[i];
    return { id: m.id, gap: roundValue(g > 0 ? g : 0), unit: m.kind === 'scorecard' ? '分' : m.unit };
  }

  /** The full contract record with every criterion explained. */
  explain(d: Derived): StandardResult {
    const profile = d.profile;
    const criteria: CriterionResult[] = [];
    const missingCount = new Map<string, number>();
    const noteMissing = (inputs: readonly string[]) => {
      const keys = new Set<string>();
      missingKeys(profile, inputs, keys);
      for (const key of keys) missingCount.set(key, (missingCount.get(key) ?? 0) + 1);
    };
    let scoreRange: [number, number] | undefined;
    let score: number | null = null;
    const st = this.evaluateMembers(d);
    const standardStatus = this.aggregate(st);
    this.items.forEach((item, index) => {
      if (item.kind === 'check') {
        const code = st[index];
        const status = CRITERION_STATUSES[code];
        const gap = code === UNMET && item.gap ? item.gap(d) : NaN;
        if (code === UNKNOWN) noteMissing(item.inputs);
        criteria.push({
          id: item.id,
          status,
          value: explainValue(item.value(d)),
          threshold: item.threshold,
          gap: gap === gap && Number.isFinite(gap) ? roundValue(Math.max(0, gap)) : null,
          unit: item.unit,
          source: item.source,
          name: item.name,
          quality: item.quality,
          inputs: reportInputs(profile, item.inputs),
          ...(item.anyOf ? { any_of: item.anyOf } : {}),
          ...(item.path && item.path !== item.id ? { path: item.path } : {}),
        });
        return;
      }
      const card = this.cards.get(item)!;
      const code = card.status(d);
      const out = card.scratch;
      item.indicators.forEach((ind: Indicator, i: number) => {
        const lo = out[3 * i], hi = out[3 * i + 1], known = out[3 * i + 2] === 1;
        const status: CriterionStatus = lo === hi ? 'met' : known ? 'manual' : 'unknown';
        if (status === 'unknown') noteMissing(ind.inputs);
        criteria.push({
          id: ind.id,
          status,
          value: explainValue(ind.value(d)),
          threshold: ind.threshold,
          gap: null,
          unit: ind.unit,
          source: ind.source,
          name: ind.name,
          quality: ind.quality,
          inputs: reportInputs(profile, ind.inputs),
          scorecard: item.id,
          points: lo === hi ? lo : null,
          ...(lo === hi ? {} : { points_range: [lo, hi] as [number, number] }),
          max_points: ind.maxPoints,
        });
      });
      if (card.lo === card.hi) score = card.lo;
      else scoreRange = [card.lo, card.hi];
      criteria.push({
        id: item.id,
        status: CRITERION_STATUSES[code],
        value: card.lo === card.hi ? card.lo : { min: card.lo, max: card.hi },
        threshold: item.exclusive ? `> ${item.pass}` : item.pass,
        gap: code === UNMET ? roundValue(card.gap) : null,
        unit: '分',
        source: item.source,
        name: item.name,
        quality: item.quality,
        inputs: [],
        ...(item.anyOf ? { any_of: item.anyOf } : {}),
      });
    });
    const missing = [...missingCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
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

export function compileRule(
  rule: StandardRule,
  ctx: BuildContext,
  versionNote: { note: string; quality: Quality } | null,
): CompiledStandard {
  const built = rule.build(ctx);
  return new CompiledStandard(rule.standard, rule, built.items, versionNote);
}
