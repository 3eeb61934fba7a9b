import { singleChampion as P, DOC_CHAMPION, FROM_CHAMPION } from '../parameters/single-champion.ts';
import { any, countTruth, round2, RuleBuilder } from './builders.ts';
import { MET, UNKNOWN, UNMET, type StandardRule } from './types.ts';

const SOURCE = `${DOC_CHAMPION} 附件1`;

/** 制造业单项冠军企业认定 (工信部政法〔2023〕138号): C-1…C-9 and the negative list C-11; C-10 is bonus only. */
export const singleChampion2023: StandardRule = {
  standard: 'single_champion',
  version: '2023',
  name: '制造业单项冠军企业认定标准（2023）',
  from: FROM_CHAMPION,
  documents: [DOC_CHAMPION],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const years = b.param(P.minFieldYears);
    const newYears = b.value(P.minFieldYearsNewProduct);
    const fieldYears = (d: { newProduct: number }) => (d.newProduct === 1 ? newYears : d.newProduct === 0 ? years.value : NaN);
    const expert = (id: string, name: string) => b.manual({ id, name, source: SOURCE, quality: 'S', inputs: [] });
    const items = [
      b.custom({
        id: 'C-1', name: '长期专注并深耕于产业链某一环节或某一产品领域（10 年以上，新产品 5 年以上）', source: years.source, quality: years.quality, unit: '年',
        inputs: ['segment_start_date', 'main_product.new_product'], threshold: { general: years.value, new_product: newYears },
        status: (d) => {
          const v = d.segmentYears;
          if (v !== v) return UNKNOWN;
          if (v >= years.value) return MET;
          if (v < newYears) return UNMET;
          const t = fieldYears(d);
          return t !== t ? UNKNOWN : v >= t ? MET : UNMET;
        },
        value: (d) => round2(d.segmentYears),
        gap: (d) => (d.newProduct === 1 ? newYears : years.value) - d.segmentYears,
        scale: years.value,
      }),
      b.atLeast({
        id: 'C-2', param: P.minMeanMainRevenue, value: 'meanMain3',
        inputs: [y(1, 'main_business_revenue'), y(2, 'main_business_revenue'), y(3, 'main_business_revenue')],
      }),
      b.atMost({ id: 'C-3', param: P.maxGlobalRank, value: 'rankGlobal', inputs: ['market.rank_global'] }),
      b.manual({
        id: 'C-4', name: '产品质量精良，关键性能指标处于国际同类产品领先水平，能耗达到行业能耗限额标准先进值（专家评审）', source: SOURCE, quality: 'S',
        inputs: ['energy_vs_quota_advanced'], evidence: (d) => d.energyAdvanced,
      }),
      expert('C-5', '实施国际化经营和品牌战略，国际业务收入在行业内领先（专家评审）'),
      expert('C-6', '拥有高水平研发机构，研发投入强度在行业内领先（专家评审）'),
      expert('C-7', '拥有核心自主知识产权，主导或参与制定国际、国家或行业标准（专家评审）'),
      expert('C-8', '科技成果转化成效明显，知识产权实际应用并产生经济效益（专家评审）'),
      expert('C-9', '经营业绩优秀，财务、知识产权、标准、质量、安全管理健全（专家评审）'),
      b.truth({
        id: 'C-11', name: '近三年未发生重大安全（含网络、数据、保密）、质量、环境污染事故，无严重失信、偷漏税和数据造假', source: b.param(P.incidentWindowYears).source,
        quality: 'S', expect: 0,
        inputs: ['compliance.major_incidents', 'compliance.major_incidents[].date', 'compliance.serious_dishonesty', 'compliance.tax_evasion', 'compliance.data_fraud'],
        value: (d) => any(countTruth(d.incidents3yLo, d.incidents3yHi, 1), d.dishonest, d.taxEvasion, d.dataFraud),
      }),
    ];
    return { items, parameters: b.parameters };
  },
};
