import { parameter } from './types.ts';
import { documentParameters } from './types.ts';

/** 科技型中小企业评价办法 国科发政〔2017〕115号, with the 评价服务工作指引 国科火字〔2022〕67号. */
export const DOC_TECH_SME = '国科发政〔2017〕115号';
export const DOC_TECH_SME_GUIDE = '国科火字〔2022〕67号';
export const FROM_TECH_SME = '2017-05-03';
/** Issue date of the 67号 guidelines is not known; the start of 2022 is assumed [U]. */
export const FROM_TECH_SME_GUIDE = '2022-01-01';

const rule = documentParameters('tsme', FROM_TECH_SME, DOC_TECH_SME);

export const techSme = {
  maxEmployees: rule('T-2a', '职工总数', 500, '人', '第六条(二)', 'R'),
  maxSales: rule('T-2b', '年销售收入', 20000, '万元', '第六条(二)', 'R'),
  maxAssets: rule('T-2c', '资产总额', 20000, '万元', '第六条(二)', 'R'),
  excludedIndustries: parameter<readonly string[]>('tsme.T-3.industries', '不适用研发费用加计扣除的行业（国民经济行业代码前缀）', [
    { from: FROM_TECH_SME, value: [], unit: '行业代码', source: `${DOC_TECH_SME} 第六条(三)`, quality: 'R', note: '2022 年指引之前不查行业' },
    {
      from: FROM_TECH_SME_GUIDE,
      value: ['16', '51', '52', '61', '62', '70', '71', '72', '90'],
      unit: '行业代码',
      source: `${DOC_TECH_SME_GUIDE} 基本条件；财税〔2015〕119号`,
      quality: 'U',
      note: '烟草制品业、批发和零售业、住宿和餐饮业、房地产业、租赁和商务服务业、娱乐业；评价系统实际所用清单未核实',
    },
  ]),
  passScore: rule('T-5', '评价得分通过线', 60, '分', '第七条', 'R'),
  minStaffPoints: rule('T-5.staff', '科技人员指标得分须大于', 0, '分', '第七条', 'R'),
  ts1Bands: rule('TS-1', '科技人员占职工总数比例分档', [{ min: 30, points: 20 }, { min: 25, points: 16 }, { min: 20, points: 12 }, { min: 15, points: 8 }, { min: 10, points: 4 }], '%', '附件 评价指标', 'R'),
  ts2aBands: rule('TS-2a', '研发费用占销售收入比例分档', [{ min: 6, points: 50 }, { min: 5, points: 40 }, { min: 4, points: 30 }, { min: 3, points: 20 }, { min: 2, points: 10 }], '%', '附件 评价指标', 'R'),
  ts2bBands: rule('TS-2b', '研发费用占成本费用支出总额比例分档', [{ min: 30, points: 50 }, { min: 25, points: 40 }, { min: 20, points: 30 }, { min: 15, points: 20 }, { min: 10, points: 10 }], '%', '附件 评价指标', 'R'),
  ts3Points: rule('TS-3', '知识产权得分（Ⅰ类≥1 / Ⅱ类≥4 / 3 / 2 / 1）', [30, 24, 18, 12, 6], '分', '附件 评价指标', 'R'),
  directAwardRank: rule('TD-2', '国家级科技奖励排名前', 3, '名', '第八条', 'R'),
  directWindowYears: rule('TD-2.window', '科技奖励、主导标准回溯年数', 5, '年', '第八条', 'R'),
};
