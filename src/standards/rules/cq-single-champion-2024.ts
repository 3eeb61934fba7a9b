import { chongqing, DOC_CQ_CHAMPION, FROM_CQ } from '../parameters/chongqing.ts';
import { countTruth, round2, RuleBuilder } from './builders.ts';
import { MET, UNKNOWN, UNMET, type StandardRule } from './types.ts';

const P = chongqing.champion;
const SOURCE = `${DOC_CQ_CHAMPION} 认定条件`;

/** 重庆市制造业单项冠军企业 (渝经信规范〔2024〕8号, via the 2024 call 渝经信中小〔2024〕10号). */
export const cqSingleChampion2024: StandardRule = {
  standard: 'cq_single_champion',
  version: '2024',
  name: '重庆市制造业单项冠军企业认定条件（2024）',
  from: FROM_CQ,
  documents: [DOC_CQ_CHAMPION, '渝经信中小〔2024〕10号'],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const years = b.param(P.minFieldYears);
    const newYears = b.value(P.minFieldYearsNewProduct);
    const revenue = b.param(P.minMeanMainRevenue);
    const revenueGiant = b.value(P.minMeanMainRevenueLittleGiant);
    const expert = (id: string, name: string, inputs: string[] = []) => b.manual({ id, name, source: SOURCE, quality: 'S', inputs });
    const items = [
      b.custom({
        id: 'CQ-C-1', name: '从事相关领域 5 年以上（新产品 3 年以上）', source: years.source, quality: years.quality, unit: '年',
        inputs: ['segment_start_date', 'main_product.new_product'], threshold: { general: years.value, new_product: newYears },
        status: (d) => {
          const v = d.segmentYears;
          if (v !== v) return UNKNOWN;
          if (v >= years.value) return MET;
          if (v < newYears) return UNMET;
          return d.newProduct === 1 ? MET : d.newProduct === 0 ? UNMET : UNKNOWN;
        },
        value: (d) => round2(d.segmentYears),
        gap: (d) => (d.newProduct === 1 ? newYears : years.value) - d.segmentYears,
        scale: years.value,
      }),
      b.atMost({ id: 'CQ-C-2', param: P.maxDomesticRank, anyOf: 'CQ-C-2', value: 'rankDomestic', inputs: ['market.rank_domestic'] }),
      b.atMost({ id: 'CQ-C-2 alt', param: P.maxGlobalRank, anyOf: 'CQ-C-2', value: 'rankGlobal', inputs: ['market.rank_global'] }),
      expert('CQ-C-3', '生产技术、工艺国内领先，关键性能指标处于国内同类产品领先水平（专家评审）'),
      b.truth({
        id: 'CQ-C-4', name: '拥有市级及以上研发机构', source: SOURCE, quality: 'S', expect: 1,
        inputs: ['rd_institutions', 'rd_institutions[].level'], value: 'institutionCityPlus',
      }),
      expert('CQ-C-5', '研发投入强度不低于行业平均水平且增长较快（行业均值由评审确定）', [y(1, 'rd_expense'), y(1, 'operating_revenue')]),
      expert('CQ-C-6', '发明专利等核心知识产权数量行业领先，主导或参与制定标准（专家评审）'),
      b.custom({
        id: 'CQ-C-7', name: '近三年平均主营业务收入 4 亿元以上（国家级专精特新“小巨人”1 亿元以上）', source: revenue.source, quality: revenue.quality, unit: '万元',
        inputs: [y(1, 'main_business_revenue'), y(2, 'main_business_revenue'), y(3, 'main_business_revenue'), 'qualifications'],
        threshold: { general: revenue.value, little_giant: revenueGiant },
        status: (d) => {
          const v = d.meanMain3;
          if (v !== v) return UNKNOWN;
          if (v >= revenue.value) return MET;
          if (v < revenueGiant) return UNMET;
          const g = d.titleLittleGiant;
          return g === 1 ? MET : g === 0 ? UNMET : UNKNOWN;
        },
        value: (d) => round2(d.meanMain3),
        gap: (d) => (d.titleLittleGiant === 1 ? revenueGiant : revenue.value) - d.meanMain3,
        scale: revenue.value,
      }),
      b.truth({
        id: 'CQ-C-8', name: '有入选市级或区县级人才计划的人员', source: SOURCE, quality: 'S', expect: 1,
        inputs: ['talent_programmes'], value: (d) => countTruth(d.talentsLo, d.talentsLo, 1),
      }),
    ];
    return { items, parameters: b.parameters };
  },
};
