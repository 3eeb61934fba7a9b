import { chongqing, DOC_CQ_GAZELLE, FROM_CQ } from '../parameters/chongqing.ts';
import { round2, RuleBuilder } from './builders.ts';
import { MET, UNKNOWN, UNMET, type StandardRule } from './types.ts';
import type { Derived } from '../derived/derived.ts';

const P = chongqing.gazelle;

/** 重庆市瞪羚企业 (独角兽、瞪羚企业培育工作方案 2023—2027): CQ-G-1…CQ-G-5. */
export const cqGazelle2024: StandardRule = {
  standard: 'cq_gazelle',
  version: '2024',
  name: '重庆市瞪羚企业条件（2024）',
  from: FROM_CQ,
  documents: [DOC_CQ_GAZELLE],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const offset = b.value(P.startYearOffset);
    const mid = b.value(P.midStartRevenue);
    const high = b.value(P.highStartRevenue);
    const lowCagr = b.value(P.lowCagr);
    const midCagr = b.value(P.midCagr);
    const highCagr = b.value(P.highCagr);
    const cagrParam = b.param(P.lowCagr);
    const periods = offset - 1;
    const startRevenue = (d: Derived) => (offset === 4 ? d.rev4 : offset === 3 ? d.rev3 : NaN);
    // Square and cube roots are exact-rounded and several times cheaper than a power of 1/n (which 1/3 is not exactly).
    const root: (x: number) => number = periods === 2 ? Math.sqrt : periods === 3 ? Math.cbrt : (x) => Math.pow(x, 1 / periods);
    const cagr = (d: Derived) => {
      const s = startRevenue(d);
      // Rounded to 1e-9 % so that a growth exactly on a limit (e.g. 20%) is not lost to floating-point roots.
      return s > 0 ? Math.round((root(d.rev1 / s) - 1) * 1e11) / 1e9 : NaN;
    };
    const growth = (d: Derived) => (d.rev2 > 0 ? ((d.rev1 - d.rev2) / d.rev2) * 100 : NaN);
    const required = (start: number) => (start >= high ? highCagr : start >= mid ? midCagr : lowCagr);
    const items = [
      b.atLeast({
        id: 'CQ-G-1', param: P.minRdRatioEachYear, value: (d) => Math.min(d.rdRatio1, d.rdRatio2, d.rdRatio3),
        inputs: [3, 2, 1].flatMap((k) => [y(k, 'rd_expense'), y(k, 'operating_revenue')]),
      }),
      b.countAtLeast({
        id: 'CQ-G-2', param: P.minClassIIp, lo: 'ipILo', hi: 'ipIHi',
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product'],
      }),
      b.custom({
        id: 'CQ-G-3', name: `近三年营业收入复合增长率（按起始年营业收入：1000 万–5000 万 ≥${lowCagr}%，5000 万–1 亿 ≥${midCagr}%，1 亿以上 ≥${highCagr}%）`,
        source: cagrParam.source, quality: 'U', unit: '%',
        inputs: [y(offset, 'operating_revenue'), y(1, 'operating_revenue')], threshold: { low: lowCagr, mid: midCagr, high: highCagr, start_year: ctx.year - offset },
        status: (d) => {
          const c = cagr(d);
          if (c !== c) return UNKNOWN;
          return c >= required(startRevenue(d)) ? MET : UNMET;
        },
        value: (d) => round2(cagr(d)),
        gap: (d) => required(startRevenue(d)) - cagr(d),
        scale: midCagr,
      }),
      b.custom({
        id: 'CQ-G-4', name: '上年度营业收入正增长', source: b.param(P.minRdRatioEachYear).source, quality: 'S', unit: '%', threshold: '> 0',
        inputs: [y(1, 'operating_revenue'), y(2, 'operating_revenue')],
        status: (d) => {
          const g = growth(d);
          return g !== g ? UNKNOWN : g > 0 ? MET : UNMET;
        },
        value: (d) => round2(growth(d)),
        gap: (d) => -growth(d),
        scale: 100,
      }),
      b.atLeast({ id: 'CQ-G-5', param: P.minStartRevenue, value: startRevenue, inputs: [y(offset, 'operating_revenue')] }),
    ];
    return { items, parameters: b.parameters };
  },
};
