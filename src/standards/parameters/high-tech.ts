import { documentParameters } from './types.ts';

/** 高新技术企业认定管理办法 国科发火〔2016〕32号 and 工作指引 国科发火〔2016〕195号. */
export const DOC_HNTE = '国科发火〔2016〕32号';
export const DOC_HNTE_GUIDE = '国科发火〔2016〕195号';
export const FROM_HNTE = '2016-01-01';

const rule = documentParameters('hnte', FROM_HNTE, DOC_HNTE);
const guide = documentParameters('hnte', FROM_HNTE, DOC_HNTE_GUIDE);

const range = (points: number, points_max: number) => ({ points, points_max });

export const highTech = {
  minDaysRegistered: rule('H-1', '注册成立时间', 365, '日', '第十一条(一)', 'U', '“一年以上”按 365 个日历天数'),
  minIp: rule('H-2', '拥有主要产品核心支持作用的知识产权', 1, '项', '第十一条(二)', 'R'),
  minSciStaffShare: rule('H-4', '科技人员占当年职工总数比例', 10, '%', '第十一条(四)', 'R'),
  smallSalesLimit: rule('H-5.small', '最近一年销售收入 5000 万元以下（含）', 5000, '万元', '第十一条(五)', 'R'),
  midSalesLimit: rule('H-5.mid', '最近一年销售收入 2 亿元以下（含）', 20000, '万元', '第十一条(五)', 'R'),
  smallRdRatio: rule('H-5.small_ratio', '研发费用占比（5000 万元以下）', 5, '%', '第十一条(五)', 'R'),
  midRdRatio: rule('H-5.mid_ratio', '研发费用占比（5000 万至 2 亿元）', 4, '%', '第十一条(五)', 'R'),
  largeRdRatio: rule('H-5.large_ratio', '研发费用占比（2 亿元以上）', 3, '%', '第十一条(五)', 'R'),
  minDomesticRdShare: rule('H-5b', '境内研发费用占全部研发费用比例', 60, '%', '第十一条(五)', 'R'),
  minHntIncomeShare: rule('H-6', '高新技术产品（服务）收入占同期总收入比例', 60, '%', '第十一条(六)', 'R'),
  passScoreExclusive: rule('H-7', '企业创新能力评价（须高于）', 70, '分', '第十一条(七)', 'R', '严格高于 70 分'),
  incidentWindowDays: rule('H-8', '申请认定前一年内无重大事故', 365, '日', '第十一条(八)', 'U', '“一年内”按 365 日'),
  ipCap: guide('K.cap', '知识产权得分上限（含加分）', 30, '分', '指引 四(二)1', 'R'),
  k3Bands: guide('K-3', '知识产权数量分档（Ⅰ类≥1 / Ⅱ类≥5 / 3–4 / 1–2）', [range(7, 8), range(5, 6), range(3, 4), range(1, 2)], '分', '指引 四(二)1', 'R'),
  k4SelfRange: guide('K-4.self', '有自主研发知识产权', [range(1, 6)], '分', '指引 四(二)1', 'R'),
  k4OtherRange: guide('K-4.other', '仅受让、受赠或并购', [range(1, 3)], '分', '指引 四(二)1', 'R'),
  k5Range: guide('K-5', '参与制定国家或行业标准（加分）', [range(1, 2)], '分', '指引 四(二)1', 'R'),
  transferBands: guide('H-7.2', '近三年年均科技成果转化数分档', [
    { min: 5, ...range(25, 30) }, { min: 4, ...range(19, 24) }, { min: 3, ...range(13, 18) }, { min: 2, ...range(7, 12) }, { min: 1, ...range(1, 6) },
  ], '项/年', '指引 四(二)2', 'R'),
  growthBands: guide('H-7.4', '净资产、销售收入增长率分档', [
    { min: 35, ...range(9, 10) }, { min: 25, ...range(7, 8) }, { min: 15, ...range(5, 6) }, { min: 5, ...range(3, 4) }, { min: 0, exclusive: true, ...range(1, 2) },
  ], '%', '指引 四(二)4', 'U', '最低档“>0”与一版转载“≥0”不一致，按 >0'),
};
