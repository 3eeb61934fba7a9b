import { ZenEngine } from '@gorules/zen-engine';
import { Engine } from 'json-rules-engine';
import { derivedContext } from '../../src/standards/derived/context.ts';
import { computeDerived } from '../../src/standards/derived/derived.ts';
import { createDerived } from '../../src/standards/derived/record.ts';
import type { Profile } from '../../src/standards/profile/schema.ts';

/**
 * The same two rule sets in two peer engines, for a fair speed ratio: the 2026 专精特新 thresholds (N-2…N-7, N-9)
 * and the 创新型 scorecard (IN-2, GR-1, GR-2, SP-1, SP-2 with 20/15/15 subtotals; IN-1 from the IP counts).
 * Both peers receive flat facts computed by our derived step, and that step is timed with them.
 */
export interface Facts {
  segmentYears: number | null;
  rev1: number | null;
  financing2y: number | null;
  mainShare1: number | null;
  debtRatio1: number | null;
  rdMin: number | null;
  rdRatioMin: number | null;
  appliedIp: number | null;
  platform0: number | null;
  rdRatio1: number | null;
  mainGrowth1: number | null;
  inSei: number | null;
  ipPoints: number | null;
}

const orNull = (v: number) => (v === v ? v : null);

export function factsOf(profiles: readonly Profile[], asOf: string): Facts[] {
  const ctx = derivedContext(asOf);
  const d = createDerived();
  return profiles.map((p) => {
    computeDerived(p, ctx, d);
    return {
      segmentYears: orNull(d.segmentYears),
      rev1: orNull(d.rev1),
      financing2y: orNull(d.financing2yLo),
      mainShare1: orNull(d.mainShare1),
      debtRatio1: orNull(d.debtRatio1),
      rdMin: orNull(Math.min(d.rd1, d.rd2)),
      rdRatioMin: orNull(Math.min(d.rdRatio1, d.rdRatio2)),
      appliedIp: orNull(d.ipAppliedILo),
      platform0: orNull(d.platform0),
      rdRatio1: orNull(d.rdRatio1),
      mainGrowth1: orNull(d.mainGrowth1),
      inSei: orNull(d.inSei),
      ipPoints: d.ipGradeILo !== d.ipGradeILo ? null : d.ipGradeHighValueILo >= 1 ? 20 : d.ipGradeSelfILo >= 1 ? 15 : d.ipGradeILo >= 1 ? 10 : d.ipGradeIILo >= 1 ? 5 : 0,
    };
  });
}

// Zen expressions fail on null comparisons: an unknown figure is replaced by a value that fails the test.
const low = (field: string) => `(${field} ?? -1000000000)`;
const high = (field: string) => `(${field} ?? 1000000000)`;
const band = (field: string, bands: [number, number][]) =>
  bands.map(([min, points]) => `${low(field)} >= ${min} ? ${points} : `).join('') + '0';

const SPECIALIZED = [
  `${low('segmentYears')} >= 3`,
  `(${low('rev1')} >= 1500 or ${low('financing2y')} >= 2000)`,
  `${low('mainShare1')} >= 80`,
  `${high('debtRatio1')} <= 80`,
  `${low('rdMin')} >= 100`,
  `${low('rdRatioMin')} >= 3`,
  `${low('appliedIp')} >= 1`,
  `${low('platform0')} >= 50`,
];

const ZEN_EXPRESSIONS = [
  ['specialized', SPECIALIZED.join(' and ')],
  ['innovation', `${low('ipPoints')} + (${band('rdRatio1', [[5, 20], [3, 15], [2, 10], [1, 5]])})`],
  ['growth', `(${band('mainGrowth1', [[15, 20], [10, 15], [5, 10], [0, 5]])}) + (${high('debtRatio1')} <= 55 ? 10 : ${high('debtRatio1')} <= 75 ? 5 : 0)`],
  ['specialisation', `(inSei == 1 ? 10 : 5) + (${band('mainShare1', [[70, 20], [60, 15], [55, 10], [50, 5]])})`],
];

export function zenDecision() {
  const engine = new ZenEngine();
  const content = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'input', position: { x: 0, y: 0 } },
      {
        id: 'rules', type: 'expressionNode', name: 'rules', position: { x: 200, y: 0 },
        content: { expressions: ZEN_EXPRESSIONS.map(([key, value], i) => ({ id: `e${i}`, key, value })) },
      },
      {
        id: 'score', type: 'expressionNode', name: 'score', position: { x: 400, y: 0 },
        content: {
          expressions: [
            { id: 's0', key: 'specialized', value: 'specialized' },
            { id: 's1', key: 'innovativeScore', value: 'innovation + growth + specialisation' },
            { id: 's2', key: 'innovative', value: 'innovation + growth + specialisation >= 60 and innovation >= 20 and growth >= 15 and specialisation >= 15' },
          ],
        },
      },
      { id: 'out', type: 'outputNode', name: 'output', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'rules', type: 'edge' },
      { id: 'b', sourceId: 'rules', targetId: 'score', type: 'edge' },
      { id: 'c', sourceId: 'score', targetId: 'out', type: 'edge' },
    ],
  };
  return engine.createDecision(content);
}

export function jsonRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const ge = (fact: string, value: number) => ({ fact, operator: 'greaterThanInclusive', value });
  const le = (fact: string, value: number) => ({ fact, operator: 'lessThanInclusive', value });
  engine.addRule({
    conditions: {
      all: [
        ge('segmentYears', 3),
        { any: [ge('rev1', 1500), ge('financing2y', 2000)] },
        ge('mainShare1', 80), le('debtRatio1', 80), ge('rdMin', 100), ge('rdRatioMin', 3), ge('appliedIp', 1), ge('platform0', 50),
      ],
    },
    event: { type: 'specialized_sme' },
  });
  const bands: [string, string, [number, number][], 'ge' | 'le'][] = [
    ['innovation', 'rdRatio1', [[5, 20], [3, 15], [2, 10], [1, 5]], 'ge'],
    ['growth', 'mainGrowth1', [[15, 20], [10, 15], [5, 10], [0, 5]], 'ge'],
    ['growth', 'debtRatio1', [[55, 10], [75, 5]], 'le'],
    ['specialisation', 'mainShare1', [[70, 20], [60, 15], [55, 10], [50, 5]], 'ge'],
  ];
  for (const [group, fact, list, op] of bands) {
    list.forEach(([limit, points], i) => {
      const previous = list[i - 1];
      const conditions = [op === 'ge' ? ge(fact, limit) : le(fact, limit)];
      if (previous) conditions.push(op === 'ge' ? { fact, operator: 'lessThan', value: previous[0] } : { fact, operator: 'greaterThan', value: previous[0] });
      engine.addRule({ conditions: { all: conditions }, event: { type: 'points', params: { group, points } } });
    });
  }
  engine.addRule({ conditions: { all: [{ fact: 'inSei', operator: 'equal', value: 1 }] }, event: { type: 'points', params: { group: 'specialisation', points: 10 } } });
  engine.addRule({ conditions: { all: [{ fact: 'inSei', operator: 'notEqual', value: 1 }] }, event: { type: 'points', params: { group: 'specialisation', points: 5 } } });
  return engine;
}

/** Scores the json-rules-engine events like the zen expressions: subtotals 20/15/15 and 60 in total. */
export function jsonRulesOutcome(facts: Facts, events: { type: string; params?: Record<string, unknown> }[]) {
  const groups: Record<string, number> = { innovation: facts.ipPoints ?? 0, growth: 0, specialisation: 0 };
  let specialized = false;
  for (const e of events) {
    if (e.type === 'specialized_sme') specialized = true;
    else groups[e.params!.group as string] += e.params!.points as number;
  }
  const total = groups.innovation + groups.growth + groups.specialisation;
  return { specialized, innovative: total >= 60 && groups.innovation >= 20 && groups.growth >= 15 && groups.specialisation >= 15 };
}
