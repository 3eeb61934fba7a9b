import { documentParameters } from './types.ts';

/** 优质中小企业梯度培育管理办法 工信部企业〔2026〕2号, in force 2026-04-01. Thresholds from secondary sources only: [S]. */
export const DOC_2026 = '工信部企业〔2026〕2号';
export const FROM_2026 = '2026-04-01';

const p2026 = documentParameters('g2026', FROM_2026, DOC_2026);

const A1 = '附件1 专精特新中小企业认定标准';
const A2 = '附件2 专精特新"小巨人"企业认定标准';

export const gradient2026 = {
  tier1: {
    titles: p2026('T1-1.titles', '科技和创新型中小企业：有效的科技型或创新型称号', ['tech_sme', 'tech_sme_registration', 'innovative_sme', 'tech_innovative_sme'], '称号', '第三十条', 'S'),
  },
  specialized: {
    tier1Titles: p2026('N-1.titles', '已获科技和创新型中小企业称号', ['tech_sme', 'tech_sme_registration', 'innovative_sme', 'tech_innovative_sme'], '称号', A1, 'S'),
    minSegmentYears: p2026('N-2', '从事特定细分市场时间', 3, '年', A1, 'S'),
    minRevenue: p2026('N-3', '上年度营业收入', 1500, '万元', A1, 'S'),
    altMinFinancing: p2026('N-3 alt', '近两年新增股权融资（营业收入不足时）', 2000, '万元', A1, 'S'),
    altWindowYears: p2026('N-3 alt.window', '股权融资回溯年数', 2, '年', A1, 'S'),
    minMainShare: p2026('N-4', '主营业务收入占营业收入比重', 80, '%', A1, 'S'),
    maxDebtRatio: p2026('N-5', '资产负债率', 80, '%', A1, 'S'),
    minRdEachYear: p2026('N-6a', '近两年每年研发费用', 100, '万元', A1, 'S'),
    minRdRatioEachYear: p2026('N-6b', '近两年每年研发费用占营业收入比重', 3, '%', A1, 'S'),
    minAppliedIp: p2026('N-7', '与主导产品相关、已实施并产生效益的Ⅰ类知识产权', 1, '项', A1, 'S'),
    exemptAwardRank: p2026('N-7 exempt.rank', '省部级以上科技奖励排名前', 3, '名', A1, 'S'),
    exemptWindowYears: p2026('N-7 exempt.window', '科技奖励回溯年数', 3, '年', A1, 'S'),
    minPlatformScore: p2026('N-9', '专精特新发展评价得分', 50, '分', A1, 'S', '复核：近两年任一年达到即可'),
  },
  littleGiant: {
    minSegmentYears: p2026('X-1b', '从事特定细分市场时间', 3, '年', A2, 'S'),
    minRevenue: p2026('X-2a', '上年度营业收入', 5000, '万元', A2, 'S'),
    minMainShare: p2026('X-2b', '主营业务收入占营业收入比重', 90, '%', A2, 'S'),
    minRevenueCagr: p2026('X-2c', '近两年营业收入复合增长率', 5, '%', A2, 'U', '公式按 (R[Y-1] ÷ R[Y-3])^(1/2) − 1 推定；复核不查'),
    maxDebtRatio: p2026('X-2d', '资产负债率', 75, '%', A2, 'S'),
    minRdTotal: p2026('X-3a', '近两年研发费用合计', 1200, '万元', A2, 'S'),
    minRdRatioEachYear: p2026('X-3b', '近两年每年研发费用占营业收入比重', 3, '%', A2, 'S'),
    minAppliedIp: p2026('X-4', '与主导产品相关、已实施并产生效益的自有Ⅰ类知识产权', 4, '项', A2, 'S'),
    maxHolderRank: p2026('X-4.holder_rank', '知识产权权利人排名前', 3, '名', A2, 'U', '“前三权利人”条款待核对原文'),
    exemptAwardRank: p2026('X-4 exempt.rank', '国家级科技奖励排名前', 3, '名', A2, 'S'),
    exemptWindowYears: p2026('X-4 exempt.window', '科技奖励回溯年数', 3, '年', A2, 'S'),
    minMarketShare: p2026('X-5', '国内外细分市场占有率', 10, '%', A2, 'S'),
    maxDomesticRank: p2026('X-5 alt', '国内细分市场排名前', 3, '名', A2, 'S'),
    minPlatformScore: p2026('X-7', '专精特新发展评价得分', 60, '分', A2, 'S', '复核：近两年任一年达到即可'),
  },
};
