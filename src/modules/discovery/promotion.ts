import { evaluate, type Application, type CriterionResult, type StandardId, type StandardResult } from '../../standards/index.ts';
import { FIELD_LABELS, YEAR_FIELD_LABELS, type YearField } from '../registry/profile-fields.ts';
import { addMonths } from './dates.ts';
import { blockingCriteria } from './explain.ts';

type Profile = { credit_code: string } & Record<string, unknown>;

/** One change to a profile: a figure set to a new value, or items appended to a list. */
export interface ProfileChange {
  path: string;
  kind: 'increase' | 'decrease' | 'set' | 'add_items' | 'wait';
  from: unknown;
  to: unknown;
  /** add_items: the records appended (described for people by `label`). */
  items?: unknown[];
}

export interface PathStep extends ProfileChange {
  criterion_id: string;
  criterion_name: string;
  label: string;
  unit: string | null;
  delta: number | null;
  /** Relative effort: the change over the current value (an added item or a switched fact counts 1). */
  effort: number;
  /** wait: the date by which time alone meets the criterion. */
  reached_on?: string;
}

export interface PromotionPath {
  standard: StandardId;
  as_of: string;
  application: Application;
  current_status: StandardResult['status'];
  /** The status once every step is taken (a wait counted as reached). */
  outcome_status: StandardResult['status'];
  steps: PathStep[];
  /** Unmet criteria no figure can meet (compliance, reviewer's refusal …). */
  blocked: { id: string; name: string; reason: string }[];
  missing: { id: string; name: string }[];
  manual: { id: string; name: string }[];
  /** When the waits are over (null without waits). */
  passes_on: string | null;
}

const MONEY_UNIT = '万元';
const YEAR_UNITS: Partial<Record<YearField, string>> = {
  employees_period_end: '人', employees_total: '人', sci_tech_staff: '人', rd_staff: '人', platform_srdi_score: '分',
};
const INTEGER_FIELDS = new Set(['employees_period_end', 'employees_total', 'sci_tech_staff', 'rd_staff', 'digital_level', 'market.rank_domestic', 'market.rank_global']);
/** Figures that improve by falling. */
const FALLING = new Set(['total_liabilities', 'market.rank_domestic', 'market.rank_global']);
/** Dates that only time moves: the years since them grow by themselves. */
const TIME_DATES = new Set(['segment_start_date', 'registration_date']);
/** Facts an enterprise can bring about (a certificate, a brand); compliance findings are not among them. */
const SWITCHABLE = /^(quality|main_product)\.[a-z_]+$/;
const SCALARS: Record<string, string> = { digital_level: '级', 'market.share_pct': '%', 'market.rank_domestic': '名', 'market.rank_global': '名' };

export function readPath(profile: unknown, path: string): unknown {
  let node: unknown = profile;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A copy of the profile with one change applied (a wait moves its date back by the time waited). */
export function applyChange<P extends Profile>(profile: P, change: ProfileChange): P {
  const copy = structuredClone(profile);
  const parts = change.path.split('.');
  let node = copy as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (change.kind === 'add_items') node[last] = [...((node[last] as unknown[] | null) ?? []), ...(change.items ?? [])];
  else node[last] = change.to;
  return copy;
}

export function labelOf(path: string): { label: string; unit: string | null } {
  const year = /^years\.(\d{4})\.([a-z_]+)$/.exec(path);
  if (year) {
    const field = year[2] as YearField;
    return { label: `${year[1]}年 ${YEAR_FIELD_LABELS[field] ?? field}`, unit: YEAR_UNITS[field] ?? MONEY_UNIT };
  }
  const top = path.split('.')[0];
  const names: Record<string, string> = {
    'market.share_pct': '细分市场占有率', 'market.rank_domestic': '国内市场排名', 'market.rank_global': '全球市场排名',
    'quality.qms_cert': '质量管理体系认证', 'quality.own_brand': '自主品牌', 'quality.mgmt_system_cert': '管理体系认证',
    'quality.quality_award': '质量奖', 'quality.developed_market_product_cert': '发达国家产品认证', 'quality.info_system_core_business': '信息系统覆盖核心业务',
    'main_product.six_base_field': '主导产品属于“六基”领域', 'main_product.chain_key_link': '主导产品属于产业链关键环节', 'main_product.in_sei_catalogue': '主导产品列入战略性新兴产业目录',
  };
  return { label: names[path] ?? FIELD_LABELS[path] ?? FIELD_LABELS[top] ?? path, unit: SCALARS[path] ?? null };
}

/** Records that count toward list criteria, dated just before the decision date. */
function templateItem(list: string, asOf: string): unknown | null {
  const recent = addMonths(asOf, -1);
  switch (list) {
    case 'ip_items':
      return { type: 'invention', class: 'I', grant_date: recent, valid_until: addMonths(asOf, 12 * 15), status: 'valid', acquisition: 'self', transfer_in_date: null, holder_rank: 1, related_to_main_product: true, in_use: true };
    case 'rd_institutions':
      return { type: 'enterprise_tech_center', level: 'provincial', joint: false, recognized_date: recent, valid_until: null };
    case 'standards':
      return { level: 'industry', role: 'lead', date: recent };
    case 'science_awards':
      return { level: 'provincial', name: '省部级科技奖励', date: recent, rank: 1 };
    case 'science_transfers':
      return { name: '科技成果转化', year: Number(asOf.slice(0, 4)) - 1, product: '主导产品' };
    default:
      return null;
  }
}

interface Move {
  change: ProfileChange;
  /** Further changes taken together with `change` (the same figure in other years). */
  joint?: ProfileChange[];
  effort: number;
  delta: number | null;
  reachedOn?: string;
}

interface Evaluator {
  (profile: Profile): StandardResult;
}

/** Whether a criterion (or its alternative group) is met in a result. */
function satisfied(result: StandardResult, criterion: CriterionResult): boolean {
  if (criterion.any_of) return result.criteria.some((c) => c.any_of === criterion.any_of && c.status === 'met' && !c.scorecard);
  return result.criteria.find((c) => c.id === criterion.id)?.status === 'met';
}

const applyMove = (profile: Profile, move: Move): Profile => [move.change, ...(move.joint ?? [])].reduce((p, change) => applyChange(p, change), profile);

const scoreOf = (result: StandardResult, id: string): number => {
  const c = result.criteria.find((item) => item.id === id);
  return typeof c?.value === 'number' ? c.value : -Infinity;
};

const round = (value: number, integer: boolean, up: boolean) => {
  if (integer) return up ? Math.ceil(value - 1e-9) : Math.floor(value + 1e-9);
  return up ? Math.ceil(value * 100 - 1e-6) / 100 : Math.floor(value * 100 + 1e-6) / 100;
};

/** The smallest change of one number that makes `ok` hold, searched by doubling then bisection; null if none does. */
function searchNumber(from: number, falling: boolean, integer: boolean, ok: (value: number) => boolean): number | null {
  if (falling) {
    if (from <= 0) return null;
    const floor = integer ? 1 : 0;
    if (!ok(floor)) return null;
    let good = floor, bad = from;
    for (let i = 0; i < 40 && bad - good > (integer ? 1 : 0.005); i++) {
      const mid = (good + bad) / 2;
      if (ok(mid)) good = mid;
      else bad = mid;
    }
    const value = round(good, integer, false);
    return ok(value) ? value : good;
  }
  let step = Math.max(Math.abs(from), 1);
  let good = NaN;
  for (let i = 0; i < 24; i++) {
    if (ok(from + step)) {
      good = from + step;
      break;
    }
    step *= 2;
  }
  if (Number.isNaN(good)) return null;
  let bad = from;
  for (let i = 0; i < 40 && good - bad > (integer ? 1 : 0.005); i++) {
    const mid = (good + bad) / 2;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  const value = round(good, integer, true);
  return ok(value) ? value : good;
}

/** The inputs a criterion reads; for a score, those of its indicators. */
function leverInputs(result: StandardResult, criterion: CriterionResult): CriterionResult['inputs'] {
  if (criterion.id.endsWith(':score')) return result.criteria.filter((c) => c.scorecard === criterion.id).flatMap((c) => c.inputs);
  if (criterion.any_of) return result.criteria.filter((c) => c.any_of === criterion.any_of && !c.scorecard).flatMap((c) => c.inputs);
  return criterion.inputs;
}

/** Every single change that helps the criterion: meets it, or (for a score) raises the score. */
function movesFor(profile: Profile, result: StandardResult, criterion: CriterionResult, run: Evaluator, asOf: string): Move[] {
  const moves: Move[] = [];
  const isScore = criterion.id.endsWith(':score');
  const baseScore = isScore ? scoreOf(result, criterion.id) : 0;
  const helps = (candidate: Profile) => {
    const after = run(candidate);
    return isScore ? satisfied(after, criterion) || scoreOf(after, criterion.id) > baseScore : satisfied(after, criterion);
  };
  const seen = new Set<string>();
  for (const input of leverInputs(result, criterion)) {
    const path = input.key;
    if (seen.has(path)) continue;
    seen.add(path);
    const current = readPath(profile, path);
    const field = path.split('.').pop()!;
    if (typeof current === 'number' && (/^years\.\d{4}\./.test(path) || path in SCALARS)) {
      const falling = FALLING.has(field) || FALLING.has(path);
      const integer = INTEGER_FIELDS.has(field) || INTEGER_FIELDS.has(path);
      const target = searchNumber(current, falling, integer, (value) => helps(applyChange(profile, { path, kind: 'set', from: current, to: value })));
      if (target === null) continue;
      const delta = Math.round((target - current) * 100) / 100;
      moves.push({ change: { path, kind: falling ? 'decrease' : 'increase', from: current, to: target }, delta, effort: Math.abs(delta) / Math.max(Math.abs(current), 1) });
    } else if (TIME_DATES.has(path) && typeof current === 'string') {
      for (let months = 1; months <= 240; months++) {
        const earlier = addMonths(current, -months);
        if (helps(applyChange(profile, { path, kind: 'wait', from: current, to: earlier }))) {
          moves.push({ change: { path, kind: 'wait', from: current, to: earlier }, delta: months, effort: Infinity, reachedOn: addMonths(asOf, months) });
          break;
        }
      }
    } else if (Array.isArray(current) && input.count !== undefined) {
      const template = templateItem(path, asOf);
      if (!template) continue;
      for (let count = 1; count <= 20; count++) {
        const change: ProfileChange = { path, kind: 'add_items', from: current.length, to: current.length + count, items: Array.from({ length: count }, () => structuredClone(template)) };
        if (helps(applyChange(profile, change))) {
          moves.push({ change, delta: count, effort: count });
          break;
        }
      }
    } else if (current === false && SWITCHABLE.test(path)) {
      const change: ProfileChange = { path, kind: 'set', from: false, to: true };
      if (helps(applyChange(profile, change))) moves.push({ change, delta: null, effort: 1 });
    }
  }
  if (moves.length === 0) moves.push(...jointMoves(profile, [...seen], helps));
  return moves;
}

/**
 * For criteria over several years (each year's R&D at least …), one figure raised alone does not help: raise the
 * same figure of every year to a common floor. The trim pass afterwards lowers each year to what it needs.
 */
function jointMoves(profile: Profile, paths: string[], helps: (candidate: Profile) => boolean): Move[] {
  const byField = new Map<string, string[]>();
  for (const path of paths) {
    const match = /^years\.\d{4}\.([a-z_]+)$/.exec(path);
    if (!match || typeof readPath(profile, path) !== 'number' || FALLING.has(match[1])) continue;
    byField.set(match[1], [...(byField.get(match[1]) ?? []), path]);
  }
  const moves: Move[] = [];
  for (const [field, fieldPaths] of byField) {
    if (fieldPaths.length < 2) continue;
    const raise = (floor: number): ProfileChange[] =>
      fieldPaths.map((path) => {
        const from = readPath(profile, path) as number;
        return { path, kind: 'increase', from, to: Math.max(from, floor) };
      });
    const withFloor = (floor: number) => raise(floor).reduce((p, change) => applyChange(p, change), profile);
    const lowest = Math.min(...fieldPaths.map((path) => readPath(profile, path) as number));
    const floor = searchNumber(lowest, false, INTEGER_FIELDS.has(field), (value) => helps(withFloor(value)));
    if (floor === null) continue;
    const changes = raise(floor).filter((change) => change.to !== change.from);
    const total = changes.reduce((sum, change) => sum + ((change.to as number) - (change.from as number)), 0);
    const base = changes.reduce((sum, change) => sum + Math.abs(change.from as number), 0);
    moves.push({ change: changes[0], joint: changes.slice(1), delta: null, effort: total / Math.max(base, 1) });
  }
  return moves;
}

/**
 * The least-effort set of changes that makes a profile pass a standard: greedily, for each unmet criterion the
 * cheapest single change that meets it (for a score, that raises it), preferring changes that break nothing else,
 * until nothing is unmet. Years in a niche and since registration only grow with time: they become waits with the
 * date they will be reached. Every step is checked with the engine.
 */
export function promotionPath(input: Profile, standard: StandardId, asOf: string, application: Application): PromotionPath {
  const run: Evaluator = (profile) => evaluate([profile], { asOf, application, standards: [standard] }).results[0].standards[standard]!;
  let profile = structuredClone(input);
  let result = run(profile);
  const currentStatus = result.status;
  const steps: PathStep[] = [];
  const blocked = new Map<string, { id: string; name: string; reason: string }>();
  for (let round = 0; round < 30; round++) {
    const unmet = blockingCriteria(result).unmet.filter((c) => !blocked.has(c.id));
    if (unmet.length === 0) break;
    const criterion = unmet[0];
    const moves = movesFor(profile, result, criterion, run, asOf);
    if (moves.length === 0) {
      blocked.set(criterion.id, { id: criterion.id, name: criterion.name, reason: blockReason(criterion) });
      continue;
    }
    const ranked = moves
      .map((move) => {
        const after = run(applyMove(profile, move));
        return { move, meets: satisfied(after, criterion), unmetAfter: blockingCriteria(after).unmet.length, after };
      })
      .sort((a, b) => Number(b.meets) - Number(a.meets) || a.unmetAfter - b.unmetAfter || a.move.effort - b.move.effort);
    const best = ranked[0];
    profile = applyMove(profile, best.move);
    result = best.after;
    for (const change of [best.move.change, ...(best.move.joint ?? [])]) {
      recordStep(steps, change, criterion, change === best.move.change ? best.move : { change, delta: null, effort: 0 });
    }
  }
  trim(input, steps, run, blockingCriteria(result).unmet.length);
  result = run(steps.reduce((p, step) => applyChange(p, step), structuredClone(input)));
  const blocking = blockingCriteria(result);
  const waits = steps.filter((step) => step.reached_on).map((step) => step.reached_on!);
  return {
    standard,
    as_of: asOf,
    application,
    current_status: currentStatus,
    outcome_status: result.status,
    steps,
    blocked: [...blocked.values()],
    missing: blocking.unknown.map((c) => ({ id: c.id, name: c.name })),
    manual: blocking.manual.map((c) => ({ id: c.id, name: c.name })),
    passes_on: waits.length ? waits.sort().at(-1)! : null,
  };
}

function recordStep(steps: PathStep[], change: ProfileChange, criterion: CriterionResult, move: Move): void {
  const { label, unit } = change.kind === 'wait' ? { label: waitLabel(change.path), unit: '个月' } : labelOf(change.path);
  const merged = steps.findIndex((step) => step.path === change.path && step.kind === change.kind && step.kind !== 'add_items');
  if (merged >= 0) {
    // A figure raised twice (for two criteria) is one change from its original value.
    steps[merged] = withAmounts({ ...steps[merged], to: change.to });
    return;
  }
  const step: PathStep = {
    ...change,
    criterion_id: criterion.id,
    criterion_name: criterion.name,
    label,
    unit: change.kind === 'add_items' ? '项' : unit,
    delta: move.delta,
    effort: Number.isFinite(move.effort) ? Math.round(move.effort * 10000) / 10000 : 0,
    ...(move.reachedOn ? { reached_on: move.reachedOn } : {}),
  };
  steps.push(change.kind === 'increase' || change.kind === 'decrease' ? withAmounts(step) : step);
}

function withAmounts(step: PathStep): PathStep {
  const from = step.from as number;
  const to = step.to as number;
  return { ...step, delta: Math.round((to - from) * 100) / 100, effort: Math.round((Math.abs(to - from) / Math.max(Math.abs(from), 1)) * 10000) / 10000 };
}

/** Lowers each numeric step to the least that still leaves no more unmet criteria than the whole path does. */
function trim(input: Profile, steps: PathStep[], run: Evaluator, unmetAllowed: number): void {
  const holds = () => blockingCriteria(run(steps.reduce((p, step) => applyChange(p, step), structuredClone(input)))).unmet.length <= unmetAllowed;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.kind !== 'increase' && step.kind !== 'decrease') continue;
    const from = step.from as number;
    const field = step.path.split('.').pop()!;
    const integer = INTEGER_FIELDS.has(field) || INTEGER_FIELDS.has(step.path);
    let good = step.to as number;
    let bad = from;
    for (let k = 0; k < 40 && Math.abs(good - bad) > (integer ? 1 : 0.005); k++) {
      const mid = (good + bad) / 2;
      steps[i] = { ...step, to: mid };
      if (holds()) good = mid;
      else bad = mid;
    }
    const rounded = round(good, integer, step.kind === 'increase');
    steps[i] = { ...step, to: rounded };
    if (!holds()) steps[i] = { ...step, to: good };
    steps[i] = withAmounts(steps[i]);
  }
  for (let i = steps.length - 1; i >= 0; i--) if ((steps[i].kind === 'increase' || steps[i].kind === 'decrease') && steps[i].delta === 0) steps.splice(i, 1);
}

function waitLabel(path: string): string {
  return path === 'segment_start_date' ? '从事细分市场年限' : '成立年限';
}

function blockReason(criterion: CriterionResult): string {
  if (criterion.inputs.some((input) => input.key.startsWith('compliance.'))) return '合规问题须经整改或信用修复，无法通过调整经营数据解决';
  if (criterion.inputs.length === 0 || criterion.id.endsWith(':score')) return '需评审专家或主管部门认定，无法通过调整经营数据解决';
  return '该指标取决于企业属性（行业、区县、称号等），无法通过调整经营数据解决';
}
