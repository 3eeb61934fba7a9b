import { documentParameters } from './types.ts';
import { FROM_2022 } from './gradient-2022.ts';

/** 重庆市独角兽、瞪羚企业培育工作方案（2023—2027年）, 市经济信息委 (number not found), and 渝经信规范〔2024〕8号. */
export const DOC_CQ_GAZELLE = '重庆市独角兽、瞪羚企业培育工作方案（2023—2027年）';
export const DOC_CQ_CHAMPION = '渝经信规范〔2024〕8号';
/** Neither effective date was found; the start of 2024 (first list under the 方案) is assumed [U]. */
export const FROM_CQ = '2024-01-01';

const gazelle = documentParameters('cq', FROM_CQ, DOC_CQ_GAZELLE);
const champion = documentParameters('cq', FROM_CQ, DOC_CQ_CHAMPION);

export const chongqing = {
  gazelle: {
    minRdRatioEachYear: gazelle('CQ-G-1', '近三年每年研发费用占营业收入比重', 3, '%', '瞪羚企业条件', 'S'),
    minClassIIp: gazelle('CQ-G-2', '与主导产品相关的Ⅰ类知识产权', 1, '项', '瞪羚企业条件', 'S'),
    startYearOffset: gazelle('CQ-G-3.start', '复合增长率起始年（Y 减去的年数）', 4, '年', '瞪羚企业条件', 'U',
      '“起始年”未定义：按火炬中心惯例取 Y-4 至 Y-1（三个增长期），待市经济信息委确认'),
    midStartRevenue: gazelle('CQ-G-3.mid', '起始年营业收入 5000 万元档', 5000, '万元', '瞪羚企业条件', 'S'),
    highStartRevenue: gazelle('CQ-G-3.high', '起始年营业收入 1 亿元档', 10000, '万元', '瞪羚企业条件', 'S'),
    lowCagr: gazelle('CQ-G-3.low_cagr', '复合增长率（1000 万至 5000 万元）', 30, '%', '瞪羚企业条件', 'S'),
    midCagr: gazelle('CQ-G-3.mid_cagr', '复合增长率（5000 万至 1 亿元）', 20, '%', '瞪羚企业条件', 'S'),
    highCagr: gazelle('CQ-G-3.high_cagr', '复合增长率（1 亿元以上）', 15, '%', '瞪羚企业条件', 'S'),
    minStartRevenue: gazelle('CQ-G-5', '起始年营业收入', 1000, '万元', '瞪羚企业条件', 'S'),
  },
  unicorn: {
    maxYears: gazelle('CQ-U-4', '独角兽：成立年限', 10, '年', '独角兽企业条件', 'S'),
    minValuationUsd: gazelle('CQ-U-5', '独角兽：最近一轮投后估值', 1_000_000_000, '美元', '独角兽企业条件', 'S'),
    minFinancingUsd: gazelle('CQ-U-6', '独角兽：累计融资', 50_000_000, '美元', '独角兽企业条件', 'S'),
  },
  potentialUnicorn: {
    maxYears: gazelle('CQ-U-1', '潜在独角兽：成立年限', 9, '年', '潜在独角兽企业条件', 'S'),
    minValuationUsd: gazelle('CQ-U-2', '潜在独角兽：最近一轮投后估值', 100_000_000, '美元', '潜在独角兽企业条件', 'S'),
    minFinancingUsd: gazelle('CQ-U-3', '潜在独角兽：累计融资', 5_000_000, '美元', '潜在独角兽企业条件', 'S'),
  },
  champion: {
    minFieldYears: champion('CQ-C-1', '从事相关领域时间', 5, '年', '认定条件', 'S'),
    minFieldYearsNewProduct: champion('CQ-C-1.new_product', '从事相关领域时间（新产品）', 3, '年', '认定条件', 'S'),
    maxDomesticRank: champion('CQ-C-2', '国内市场占有率排名前', 3, '名', '认定条件', 'S'),
    maxGlobalRank: champion('CQ-C-2 alt', '全球市场占有率排名前', 5, '名', '认定条件', 'S'),
    minMeanMainRevenue: champion('CQ-C-7', '近三年平均主营业务收入', 40000, '万元', '认定条件', 'S'),
    minMeanMainRevenueLittleGiant: champion('CQ-C-7.little_giant', '近三年平均主营业务收入（国家级小巨人）', 10000, '万元', '认定条件', 'S'),
  },
  /** 特色化 indicators of the 2022 专精特新 scorecard: text not found, the city must fill them in. */
  specialisedLocal: {
    maxPoints: documentParameters('cq', FROM_2022, '渝经信规范〔2023〕5号')('CQ-S-1', '特色化指标（重庆）总分', 15, '分', '实施细则 特色化指标', 'U',
      '指标原文未找到：按专家评分录入（reviewer_scores["CQ-S-1"]），未录入时为 0–15 分区间'),
  },
};
