import { chongqing, DOC_CQ_GAZELLE, FROM_CQ } from '../parameters/chongqing.ts';
import type { Parameter } from '../parameters/types.ts';
import { RuleBuilder } from './builders.ts';
import type { Check, StandardId, StandardRule } from './types.ts';

interface UnicornParameters {
  maxYears: Parameter<number>;
  minValuationUsd: Parameter<number>;
  minFinancingUsd: Parameter<number>;
}

function unicornChecks(b: RuleBuilder, ids: [string, string, string], p: UnicornParameters): Check[] {
  return [
    b.atMost({ id: ids[0], param: p.maxYears, value: 'ageYears', inputs: ['registration_date'] }),
    b.atLeast({ id: ids[1], param: p.minValuationUsd, value: 'valuationUsd', inputs: ['valuation_usd'] }),
    b.atLeast({ id: ids[2], param: p.minFinancingUsd, value: 'financingUsd', inputs: ['cumulative_financing_usd'] }),
    b.truth({
      id: 'CQ-U-7', name: '未在境内外上市', source: `${DOC_CQ_GAZELLE}（各地独角兽定义通例）`, quality: 'U', expect: 0,
      inputs: ['is_listed'], value: 'listed',
    }),
  ];
}

function unicornRule(standard: StandardId, name: string, ids: [string, string, string], p: UnicornParameters): StandardRule {
  return {
    standard,
    version: '2024',
    name,
    from: FROM_CQ,
    documents: [DOC_CQ_GAZELLE],
    build(ctx) {
      const b = new RuleBuilder(ctx);
      return { items: unicornChecks(b, ids, p), parameters: b.parameters };
    },
  };
}

/** 重庆市独角兽企业: ≤10 years, valuation ≥ US$1 bn, financing ≥ US$50 m, unlisted. */
export const cqUnicorn2024 = unicornRule('cq_unicorn', '重庆市独角兽企业条件（2024）', ['CQ-U-4', 'CQ-U-5', 'CQ-U-6'], chongqing.unicorn);

/** 重庆市潜在独角兽企业: ≤9 years, valuation ≥ US$100 m, financing ≥ US$5 m, unlisted. */
export const cqPotentialUnicorn2024 = unicornRule(
  'cq_potential_unicorn',
  '重庆市潜在独角兽企业条件（2024）',
  ['CQ-U-1', 'CQ-U-2', 'CQ-U-3'],
  chongqing.potentialUnicorn,
);
