import { gradient2022, DOC_2022, FROM_2022 } from '../parameters/gradient-2022.ts';
import { chongqing } from '../parameters/chongqing.ts';
import { all, nullable, round2, RuleBuilder } from './builders.ts';
import { commonEligibility } from './common-eligibility.ts';
import type { StandardRule } from './types.ts';

const SOURCE = `${DOC_2022} 附件2`;
const P = gradient2022.specialized;
const LEVEL_POINTS = [0, 2, 4, 8, 10];

/** 专精特新中小企业认定标准 (63号 附件2): M-1…M-3 plus 60 points or one direct condition. */
export const specializedSme2022: StandardRule = {
  standard: 'specialized_sme',
  version: '2022',
  name: '专精特新中小企业认定标准（2022）',
  from: FROM_2022,
  documents: [DOC_2022, '渝经信规范〔2023〕5号'],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const yearsPerPoint = b.value(P.p3YearsPerPoint);
    const [digitalTop, digitalMid] = b.value(P.f1Points);
    const perItem = b.value(P.f2PointsPerItem);
    const amountBands = b.value(P.i2AmountBands);
    const ratioBands = b.value(P.i2RatioBands);
    const local = b.param(chongqing.specialisedLocal.maxPoints);
    const revenueGroup = 'M-3';
    const scoreGroup = 'M-4';
    const bandPoints = (bands: typeof amountBands, v: number) => {
      for (const band of bands) if (band.min !== undefined && v >= band.min) return band.points;
      return 0;
    };
    const indicators = [
      b.bands({ id: 'P-1', param: P.p1Bands, value: 'mainShare1', inputs: [y(1, 'main_business_revenue'), y(1, 'operating_revenue')], maxPoints: 5 }),
      b.bands({
        id: 'P-2', param: P.p2Bands, value: 'mainGrowthAvg2', maxPoints: 10,
        inputs: [y(1, 'main_business_revenue'), y(2, 'main_business_revenue'), y(3, 'main_business_revenue')],
      }),
      b.indicator({
        id: 'P-3', name: '从事特定细分市场年限（每满 2 年 1 分，最高 5 分）', source: SOURCE, quality: 'R', unit: '分', inputs: ['segment_start_date'], maxPoints: 5,
        threshold: yearsPerPoint, value: (d) => round2(d.segmentYears),
        score: (d, out, at) => {
          const v = d.segmentYears;
          const points = v !== v ? -1 : Math.max(0, Math.min(5, Math.floor(v / yearsPerPoint)));
          out[at] = points < 0 ? 0 : points; out[at + 1] = points < 0 ? 5 : points; out[at + 2] = points < 0 ? 0 : 1;
        },
      }),
      b.indicator({
        id: 'P-4', name: '主导产品所属领域（补短板/锻长板/填空白 5；工业“六基”、中华老字号或配套链主 3）', source: SOURCE, quality: 'R', unit: '分', maxPoints: 5,
        inputs: ['main_product.flags.gap_filling_results', 'main_product.six_base_field', 'main_product.flags.time_honoured_brand', 'main_product.flags.supplies_chain_leader'],
        threshold: '5 / 3 / 0', value: (d) => ({ gap_filling: d.gapFilling === d.gapFilling ? d.gapFilling === 1 : null, six_base: d.sixBase === d.sixBase ? d.sixBase === 1 : null }),
        score: (d, out, at) => {
          const lo = d.gapFilling === 1 ? 5 : d.sixBase === 1 || d.timeHonoured === 1 || d.suppliesLeader === 1 ? 3 : 0;
          const hi = d.gapFilling !== 0 ? 5 : d.sixBase !== 0 || d.timeHonoured !== 0 || d.suppliesLeader !== 0 ? 3 : 0;
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.indicator({
        id: 'F-1', name: '数字化水平', source: SOURCE, quality: 'R', unit: '分', inputs: ['digital_level'], maxPoints: digitalTop,
        threshold: '三级及以上 5 / 二级 3 / 一级 0', value: (d) => (d.digitalLevel !== d.digitalLevel ? null : d.digitalLevel),
        score: (d, out, at) => {
          const v = d.digitalLevel;
          const points = v >= 3 ? digitalTop : v === 2 ? digitalMid : 0;
          out[at] = v !== v ? 0 : points; out[at + 1] = v !== v ? digitalTop : points; out[at + 2] = v !== v ? 0 : 1;
        },
      }),
      b.indicator({
        id: 'F-2', name: '质量管理水平（每项 3 分，最高 5 分）', source: SOURCE, quality: 'R', unit: '分', maxPoints: 5,
        inputs: ['quality.quality_award', 'quality.qms_cert', 'quality.own_brand', 'quality.standard_participation'],
        threshold: perItem, value: (d) => ({ quality_award: d.qualityAward, qms_cert: d.qmsCert, own_brand: d.ownBrand, standard_participation: d.standardParticipation }),
        score: (d, out, at) => {
          const yes = +(d.qualityAward === 1) + +(d.qmsCert === 1) + +(d.ownBrand === 1) + +(d.standardParticipation === 1);
          const maybe = yes + +(d.qualityAward !== d.qualityAward) + +(d.qmsCert !== d.qmsCert) + +(d.ownBrand !== d.ownBrand) + +(d.standardParticipation !== d.standardParticipation);
          const lo = Math.min(5, perItem * yes);
          const hi = Math.min(5, perItem * maybe);
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.bands({ id: 'F-3', param: P.f3Bands, value: 'netMargin1', inputs: [y(1, 'net_profit'), y(1, 'operating_revenue')], maxPoints: 10 }),
      b.bands({ id: 'F-4', param: P.f4Bands, value: 'debtRatio1', inputs: [y(1, 'total_liabilities'), y(1, 'total_assets')], maxPoints: 5 }),
      b.expert({ id: 'CQ-S-1', name: '特色化指标（重庆，原文未找到，按专家评分）', source: local.source, quality: local.quality, maxPoints: local.value }),
      b.indicator({
        id: 'I-1', name: '与主导产品相关的有效知识产权', source: SOURCE, quality: 'R', unit: '分', maxPoints: 10,
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product', 'ip_items[].acquisition', 'ip_items[].high_value'],
        threshold: 'Ⅰ类高价值 10 / 自主研发Ⅰ类 8 / Ⅰ类 6 / Ⅱ类 2',
        value: (d) => (d.ipGradeILo !== d.ipGradeILo ? null : { class_i_high_value: d.ipGradeHighValueILo, class_i_self: d.ipGradeSelfILo, class_i: d.ipGradeILo, class_ii: d.ipGradeIILo }),
        score: (d, out, at) => {
          if (d.ipGradeILo !== d.ipGradeILo) {
            out[at] = 0; out[at + 1] = 10; out[at + 2] = 0;
            return;
          }
          const points = (h: number, s: number, i: number, ii: number) => (h >= 1 ? 10 : s >= 1 ? 8 : i >= 1 ? 6 : ii >= 1 ? 2 : 0);
          const lo = points(d.ipGradeHighValueILo, d.ipGradeSelfILo, d.ipGradeILo, d.ipGradeIILo);
          const hi = points(d.ipGradeHighValueIHi, d.ipGradeSelfIHi, d.ipGradeIHi, d.ipGradeIIHi);
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.indicator({
        id: 'I-2', name: '研发费用投入（金额或占比，取较高档）', source: SOURCE, quality: 'R', unit: '分', maxPoints: 10,
        inputs: [y(1, 'rd_expense'), y(1, 'operating_revenue')],
        threshold: { amount: amountBands, ratio: ratioBands }, value: (d) => ({ rd_expense: nullable(d.rd1), rd_ratio: round2(d.rdRatio1) }),
        score: (d, out, at) => {
          const a = d.rd1, r = d.rdRatio1;
          const pa = a !== a ? -1 : bandPoints(amountBands, a);
          const pr = r !== r ? -1 : bandPoints(ratioBands, r);
          const lo = Math.max(0, pa, pr);
          const hi = pa < 0 || pr < 0 ? 10 : lo;
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.bands({ id: 'I-3', param: P.i3Bands, value: 'rdStaffShare1', inputs: [y(1, 'rd_staff'), y(1, 'employees_total')], maxPoints: 5 }),
      b.indicator({
        id: 'I-4', name: '研发机构级别', source: SOURCE, quality: 'R', unit: '分', maxPoints: 10, inputs: ['rd_institutions', 'rd_institutions[].level'],
        threshold: '国家级 10 / 省级 8 / 市级 4 / 市级以下 2', value: (d) => nullable(d.institutionLevelLo),
        score: (d, out, at) => {
          const lo = d.institutionLevelLo, hi = d.institutionLevelHi;
          out[at] = lo !== lo ? 0 : LEVEL_POINTS[lo]; out[at + 1] = hi !== hi ? 10 : LEVEL_POINTS[hi]; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
    ];
    const items = [
      ...commonEligibility(b, `${DOC_2022} 第七条`, 'R'),
      b.atLeast({ id: 'M-1', param: P.minSegmentYears, value: 'segmentYears', inputs: ['segment_start_date'] }),
      b.atLeast({ id: 'M-2a', param: P.minRd, value: 'rd1', inputs: [y(1, 'rd_expense')] }),
      b.atLeast({ id: 'M-2b', param: P.minRdRatio, value: 'rdRatio1', inputs: [y(1, 'rd_expense'), y(1, 'operating_revenue')] }),
      b.atLeast({ id: 'M-3', param: P.minRevenue, anyOf: revenueGroup, value: 'rev1', inputs: [y(1, 'operating_revenue')] }),
      b.countAtLeast({
        id: 'M-3 alt', param: P.altMinFinancing, anyOf: revenueGroup,
        inputs: ['equity_financing', 'equity_financing[].amount', 'equity_financing[].date', 'equity_financing[].qualified_investor'],
        lo: 'financing2yLo', hi: 'financing2yHi',
      }),
      b.scorecard({
        standard: 'specialized_sme', name: '评价得分（≥60 分）', source: SOURCE, quality: 'R', anyOf: scoreGroup, indicators,
        subtotals: [
          { name: '专业化', members: ['P-1', 'P-2', 'P-3', 'P-4'], min: 0, cap: Infinity },
          { name: '精细化', members: ['F-1', 'F-2', 'F-3', 'F-4'], min: 0, cap: Infinity },
          { name: '特色化', members: ['CQ-S-1'], min: 0, cap: Infinity },
          { name: '创新能力', members: ['I-1', 'I-2', 'I-3', 'I-4'], min: 0, cap: Infinity },
        ],
        pass: b.value(P.passTotal),
      }),
      b.truth({
        id: 'DQ-A', name: '近三年获省级科技奖励（排名前三）或国家级科技奖励（排名前五）', source: SOURCE, quality: 'R', anyOf: scoreGroup, expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].rank', 'science_awards[].date'], value: 'awardDqa3y',
      }),
      b.atLeast({ id: 'DQ-B', param: P.dqbMinMeanRd, anyOf: scoreGroup, value: 'rdMean2', inputs: [y(1, 'rd_expense'), y(2, 'rd_expense')] }),
      b.countAtLeast({
        id: 'DQ-C', param: P.dqcMinFinancing, anyOf: scoreGroup,
        inputs: ['equity_financing', 'equity_financing[].amount', 'equity_financing[].date', 'equity_financing[].qualified_investor'],
        lo: 'financing2yLo', hi: 'financing2yHi',
      }),
      b.truth({
        id: 'DQ-D', name: '近三年进入“创客中国”中小企业创新创业大赛全国 500 强企业组名单', source: SOURCE, quality: 'R', anyOf: scoreGroup, expect: 1,
        inputs: ['chuangke_rank.group', 'chuangke_rank.year'], value: (d) => all(d.chuangkeTop500, d.chuangkeInWindow),
      }),
    ];
    b.param(P.altWindowYears);
    b.param(P.dqaProvincialRank);
    b.param(P.dqaNationalRank);
    return { items, parameters: b.parameters };
  },
};

