import { documentParameters } from './types.ts';

/** 制造业单项冠军企业认定管理办法 工信部政法〔2023〕138号 (secondary summaries only). */
export const DOC_CHAMPION = '工信部政法〔2023〕138号';
/** Issue date unverified; reposted by city bureaus from September 2023 [U]. */
export const FROM_CHAMPION = '2023-09-01';

const rule = documentParameters('champion', FROM_CHAMPION, DOC_CHAMPION);
const A1 = '附件1 认定标准';

export const singleChampion = {
  minFieldYears: rule('C-1', '从事相关领域时间', 10, '年', A1, 'S'),
  minFieldYearsNewProduct: rule('C-1.new_product', '从事相关领域时间（新产品）', 5, '年', A1, 'S'),
  minMeanMainRevenue: rule('C-2', '近三年平均主营业务收入', 40000, '万元', A1, 'S', '“专精特新企业 2 亿元”例外有争议，未采用'),
  maxGlobalRank: rule('C-3', '申请产品全球市场占有率排名前', 3, '名', A1, 'S'),
  incidentWindowYears: rule('C-11', '近三年无重大事故及违法失信', 3, '年', A1, 'S'),
};
