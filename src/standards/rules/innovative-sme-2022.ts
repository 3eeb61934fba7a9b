import { gradient2022, DOC_2022, FROM_2022 } from '../parameters/gradient-2022.ts';
import { RuleBuilder } from './builders.ts';
import { commonEligibility } from './common-eligibility.ts';
import type { StandardRule } from './types.ts';

const SOURCE = `${DOC_2022} 附件1`;
const P = gradient2022.innovative;

/** 创新型中小企业评价标准 (63号 附件1): 60 points with 20/15/15 subtotals, or one direct condition. */
export const innovativeSme2022: StandardRule = {
  standard: 'innovative_sme',
  version: '2022',
  name: '创新型中小企业评价标准（2022）',
  from: FROM_2022,
  documents: [DOC_2022],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const [hv, self, classI, classII] = b.value(P.in1Points);
    const [sei, other] = b.value(P.sp1Points);
    const route = 'innovative_sme:route';
    const ipInputs = ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product', 'ip_items[].acquisition', 'ip_items[].high_value'];
    const ipPoints = (h: number, s: number, i: number, ii: number) => (h >= 1 ? hv : s >= 1 ? self : i >= 1 ? classI : ii >= 1 ? classII : 0);
    const indicators = [
      b.indicator({
        id: 'IN-1', name: '与主导产品相关的有效知识产权数量', source: SOURCE, quality: 'R', unit: '分', inputs: ipInputs, maxPoints: hv,
        threshold: 'Ⅰ类高价值 20 / 自主研发Ⅰ类 15 / Ⅰ类 10 / Ⅱ类 5',
        value: (d) => (d.ipGradeILo !== d.ipGradeILo ? null : { class_i_high_value: d.ipGradeHighValueILo, class_i_self: d.ipGradeSelfILo, class_i: d.ipGradeILo, class_ii: d.ipGradeIILo }),
        score: (d, out, at) => {
          if (d.ipGradeILo !== d.ipGradeILo) {
            out[at] = 0; out[at + 1] = hv; out[at + 2] = 0;
            return;
          }
          const lo = ipPoints(d.ipGradeHighValueILo, d.ipGradeSelfILo, d.ipGradeILo, d.ipGradeIILo);
          const hi = ipPoints(d.ipGradeHighValueIHi, d.ipGradeSelfIHi, d.ipGradeIHi, d.ipGradeIIHi);
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.bands({ id: 'IN-2', param: P.in2Bands, value: 'rdRatio1', inputs: [y(1, 'rd_expense'), y(1, 'operating_revenue')], maxPoints: 20 }),
      b.bands({ id: 'GR-1', param: P.gr1Bands, value: 'mainGrowth1', inputs: [y(1, 'main_business_revenue'), y(2, 'main_business_revenue')], maxPoints: 20 }),
      b.bands({ id: 'GR-2', param: P.gr2Bands, value: 'debtRatio1', inputs: [y(1, 'total_liabilities'), y(1, 'total_assets')], maxPoints: 10 }),
      b.indicator({
        id: 'SP-1', name: '主导产品所属领域（战略性新兴产业分类）', source: SOURCE, quality: 'R', unit: '分', inputs: ['main_product.in_sei_catalogue'], maxPoints: sei,
        threshold: '属于战略性新兴产业 10 / 其他 5',
        value: (d) => (d.inSei !== d.inSei ? null : d.inSei === 1),
        score: (d, out, at) => {
          const v = d.inSei;
          out[at] = v === 1 ? sei : other; out[at + 1] = v === 0 ? other : sei; out[at + 2] = v === v ? 1 : 0;
        },
      }),
      b.bands({ id: 'SP-2', param: P.sp2Bands, value: 'mainShare1', inputs: [y(1, 'main_business_revenue'), y(1, 'operating_revenue')], maxPoints: 20 }),
    ];
    const items = [
      ...commonEligibility(b, `${DOC_2022} 第七条`, 'R'),
      b.scorecard({
        standard: 'innovative_sme', name: '评价得分（总分≥60，创新能力≥20、成长性≥15、专业化≥15）', source: SOURCE, quality: 'R', anyOf: route,
        indicators,
        subtotals: [
          { name: '创新能力', members: ['IN-1', 'IN-2'], min: b.value(P.minInnovation), cap: Infinity },
          { name: '成长性', members: ['GR-1', 'GR-2'], min: b.value(P.minGrowth), cap: Infinity },
          { name: '专业化', members: ['SP-1', 'SP-2'], min: b.value(P.minSpecialisation), cap: Infinity },
        ],
        pass: b.value(P.passTotal),
      }),
      b.truth({
        id: 'DQ-1', name: '近三年获得国家级、省级科技奖励', source: SOURCE, quality: 'R', anyOf: route, expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].date'], value: 'awardNatProv3y',
      }),
      b.truth({
        id: 'DQ-2', name: '获得高新技术企业、国家级技术创新示范企业、知识产权优势企业和知识产权示范企业等荣誉（有效期内）', source: b.param(P.dq2Titles).source,
        quality: 'R', anyOf: route, expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleDq2',
      }),
      b.truth({
        id: 'DQ-3', name: '拥有经认定的省部级以上研发机构', source: SOURCE, quality: 'R', anyOf: route, expect: 1,
        inputs: ['rd_institutions', 'rd_institutions[].level'], value: 'institutionProvPlus',
      }),
      b.countAtLeast({
        id: 'DQ-4', param: P.dq4MinFinancing, anyOf: route,
        inputs: ['equity_financing', 'equity_financing[].amount', 'equity_financing[].date', 'equity_financing[].qualified_investor'],
        lo: 'financing3yLo', hi: 'financing3yHi',
      }),
    ];
    b.param(P.dq1WindowYears);
    b.param(P.dq4WindowYears);
    return { items, parameters: b.parameters };
  },
};
