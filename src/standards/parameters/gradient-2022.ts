import { documentParameters } from './types.ts';

/** 优质中小企业梯度培育管理暂行办法 工信部企业〔2022〕63号 (创新型 / 专精特新 / 小巨人). */
export const DOC_2022 = '工信部企业〔2022〕63号';
/** Effective date from memory (README of 01): [U]. */
export const FROM_2022 = '2022-08-01';

const p2022 = documentParameters('g2022', FROM_2022, DOC_2022);

const A1 = '附件1 创新型中小企业评价标准';
const A2 = '附件2 专精特新中小企业认定标准';
const A3 = '附件3 专精特新"小巨人"企业认定标准';

export const gradient2022 = {
  common: {
    incidentWindowYears: p2022('G-05.window', '无重大事故及违法违规的回溯年数', 3, '年', '第七条 (近三年)', 'R'),
    ipTransferExclusionDays: p2022('ip.transfer_exclusion', '受让知识产权不计入的期限（申请前）', 365, '日', '附件 指标说明', 'S',
      '受让不满 1 年的知识产权不计'),
    classIIMinMaintainedYears: p2022('ip.class_ii_maintained', 'Ⅱ类实用新型、外观设计授权后维持年限', 2, '年', '附件 指标说明', 'S'),
  },
  innovative: {
    passTotal: p2022('innovative.pass_total', '创新型评价总分通过线', 60, '分', A1, 'R'),
    minInnovation: p2022('innovative.min_innovation', '创新能力得分下限', 20, '分', A1, 'R', '第三方代码库写 24/18/18，与官方文本不符'),
    minGrowth: p2022('innovative.min_growth', '成长性得分下限', 15, '分', A1, 'R'),
    minSpecialisation: p2022('innovative.min_specialisation', '专业化得分下限', 15, '分', A1, 'R'),
    in2Bands: p2022('IN-2', '研发费用占营业收入比重分档', [{ min: 5, points: 20 }, { min: 3, points: 15 }, { min: 2, points: 10 }, { min: 1, points: 5 }], '%', A1, 'R'),
    gr1Bands: p2022('GR-1', '主营业务收入增长率分档', [{ min: 15, points: 20 }, { min: 10, points: 15 }, { min: 5, points: 10 }, { min: 0, points: 5 }], '%', A1, 'R'),
    gr2Bands: p2022('GR-2', '资产负债率分档', [{ max: 55, points: 10 }, { max: 75, points: 5 }], '%', A1, 'R'),
    sp2Bands: p2022('SP-2', '主营业务收入占营业收入比重分档', [{ min: 70, points: 20 }, { min: 60, points: 15 }, { min: 55, points: 10 }, { min: 50, points: 5 }], '%', A1, 'R'),
    in1Points: p2022('IN-1', '知识产权分档（高价值Ⅰ类/自主Ⅰ类/Ⅰ类/Ⅱ类）', [20, 15, 10, 5], '分', A1, 'R'),
    sp1Points: p2022('SP-1', '主导产品属于战略性新兴产业 / 其他', [10, 5], '分', A1, 'R'),
    dq1WindowYears: p2022('DQ-1.window', '科技奖励回溯年数', 3, '年', A1, 'S'),
    dq2Titles: p2022('DQ-2.titles', '有效期内可直接认定的荣誉', ['high_tech', 'tech_innovation_demo', 'ip_advantage', 'ip_demo'], '称号', A1, 'R', '原文为“等”，列表外的荣誉需人工确认'),
    dq4MinFinancing: p2022('DQ-4', '近三年新增股权融资（合格机构投资者实缴）', 500, '万元', A1, 'R'),
    dq4WindowYears: p2022('DQ-4.window', '股权融资回溯年数', 3, '年', A1, 'R'),
  },
  specialized: {
    minSegmentYears: p2022('M-1', '从事特定细分市场时间', 2, '年', A2, 'R', '截至上年末 [U]'),
    minRd: p2022('M-2a', '上年度研发费用总额', 100, '万元', A2, 'R'),
    minRdRatio: p2022('M-2b', '上年度研发费用占营业收入比重', 3, '%', A2, 'R'),
    minRevenue: p2022('M-3', '上年度营业收入', 1000, '万元', A2, 'R'),
    altMinFinancing: p2022('M-3 alt', '近两年新增股权融资（营业收入不足时）', 2000, '万元', A2, 'R'),
    altWindowYears: p2022('M-3 alt.window', '股权融资回溯年数', 2, '年', A2, 'R'),
    passTotal: p2022('specialized.pass_total', '专精特新评价得分通过线', 60, '分', A2, 'R'),
    dqaProvincialRank: p2022('DQ-A.provincial_rank', '省级科技奖励排名前', 3, '名', A2, 'R'),
    dqaNationalRank: p2022('DQ-A.national_rank', '国家级科技奖励排名前', 5, '名', A2, 'R'),
    dqbMinMeanRd: p2022('DQ-B', '近两年研发费用年均', 1000, '万元', A2, 'R'),
    dqcMinFinancing: p2022('DQ-C', '近两年新增股权融资', 6000, '万元', A2, 'R'),
    p1Bands: p2022('P-1', '主营业务收入占营业收入比重分档', [{ min: 80, points: 5 }, { min: 70, points: 3 }, { min: 60, points: 1 }], '%', A2, 'R'),
    p2Bands: p2022('P-2', '主营业务收入平均增长率分档', [{ min: 10, points: 10 }, { min: 8, points: 8 }, { min: 6, points: 6 }, { min: 4, points: 4 }, { min: 0, points: 2 }], '%', A2, 'R'),
    p3YearsPerPoint: p2022('P-3', '从事细分市场每满 2 年计 1 分（最高 5 分）', 2, '年', A2, 'R'),
    f1Points: p2022('F-1', '数字化水平三级及以上 / 二级', [5, 3], '分', A2, 'R'),
    f2PointsPerItem: p2022('F-2', '质量管理每项得分（最高 5 分）', 3, '分', A2, 'R'),
    f3Bands: p2022('F-3', '净利润率分档', [{ min: 10, points: 10 }, { min: 8, points: 8 }, { min: 6, points: 6 }, { min: 4, points: 4 }, { min: 2, points: 2 }], '%', A2, 'R'),
    f4Bands: p2022('F-4', '资产负债率分档', [{ max: 50, points: 5 }, { max: 60, points: 3 }, { max: 70, points: 1 }], '%', A2, 'R'),
    i2AmountBands: p2022('I-2.amount', '研发费用金额分档', [{ min: 500, points: 10 }, { min: 400, points: 8 }, { min: 300, points: 6 }, { min: 200, points: 4 }, { min: 100, points: 2 }], '万元', A2, 'R'),
    i2RatioBands: p2022('I-2.ratio', '研发费用占比分档', [{ min: 10, points: 10 }, { min: 8, points: 8 }, { min: 6, points: 6 }, { min: 4, points: 4 }, { min: 3, points: 2 }], '%', A2, 'R'),
    i3Bands: p2022('I-3', '研发人员占比分档', [{ min: 20, points: 5 }, { min: 10, points: 3 }, { min: 5, points: 1 }], '%', A2, 'R'),
  },
  littleGiant: {
    minSegmentYears: p2022('XG-1', '从事特定细分市场时间', 3, '年', A3, 'R'),
    minMainShare: p2022('XG-2', '主营业务收入占营业收入比重', 70, '%', A3, 'R', '年度未写明，按上年度 [U]'),
    minMainGrowth: p2022('XG-3', '近两年主营业务收入平均增长率', 5, '%', A3, 'R'),
    maxDebtRatio: p2022('XG-6', '资产负债率', 70, '%', A3, 'R'),
    minMarketShare: p2022('XG-7', '主导产品全国细分市场占有率', 10, '%', A3, 'R'),
    highRevenueBand: p2022('XG-9a.high_band', '营业收入 1 亿元以上档', 10000, '万元', A3, 'R'),
    midRevenueBand: p2022('XG-9a.mid_band', '营业收入 5000 万元以上档', 5000, '万元', A3, 'R'),
    highBandRdRatio: p2022('XG-9a.high_ratio', '1 亿元以上：近两年每年研发费用占比', 3, '%', A3, 'R'),
    midBandRdRatio: p2022('XG-9a.mid_ratio', '5000 万至 1 亿元：近两年每年研发费用占比', 6, '%', A3, 'R'),
    lowBandFinancing: p2022('XG-9a.low_financing', '5000 万元以下：近两年新增股权融资', 8000, '万元', A3, 'R'),
    lowBandRdTotal: p2022('XG-9a.low_rd_total', '5000 万元以下：近两年研发费用合计', 3000, '万元', A3, 'U', '是否为两年合计原文不清，按两年合计'),
    lowBandRdStaffShare: p2022('XG-9a.low_rd_staff', '5000 万元以下：研发人员占比', 50, '%', A3, 'R'),
    minAppliedIp: p2022('XG-9c', '与主导产品相关、已实施并产生效益的Ⅰ类知识产权', 2, '项', A3, 'R'),
    awardRank: p2022('XG-9d', '国家级科技奖励排名前', 3, '名', A3, 'R'),
    awardWindowYears: p2022('XG-9d.window', '科技奖励、创客中国回溯年数', 3, '年', A3, 'R'),
  },
};
