import { highTech as P, DOC_HNTE, DOC_HNTE_GUIDE, FROM_HNTE } from '../parameters/high-tech.ts';
import type { Band } from '../parameters/types.ts';
import { bandOf, countTruth, nullable, round2, RuleBuilder } from './builders.ts';
import { MET, UNKNOWN, UNMET, type StandardRule } from './types.ts';

const GUIDE = `${DOC_HNTE_GUIDE} 四(二)`;

/** 高新技术企业认定 (国科发火〔2016〕32号 第十一条 and the 195号 指引 scoring): all eight conditions. */
export const highTech2016: StandardRule = {
  standard: 'high_tech',
  version: '2016',
  name: '高新技术企业认定条件（2016）',
  from: FROM_HNTE,
  documents: [DOC_HNTE, DOC_HNTE_GUIDE],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const smallLimit = b.value(P.smallSalesLimit);
    const midLimit = b.value(P.midSalesLimit);
    const smallRatio = b.value(P.smallRdRatio);
    const midRatio = b.value(P.midRdRatio);
    const largeRatio = b.value(P.largeRdRatio);
    const h5 = b.param(P.smallRdRatio);
    const ratioFor = (sales: number) => (sales <= smallLimit ? smallRatio : sales <= midLimit ? midRatio : largeRatio);
    const [k3I, k3Many, k3Some, k3Few] = b.value(P.k3Bands);
    const [k4Self] = b.value(P.k4SelfRange);
    const [k4Other] = b.value(P.k4OtherRange);
    const [k5] = b.value(P.k5Range);
    const transferBands = b.value(P.transferBands);
    const k3Band = (classI: number, classII: number): Band | null =>
      classI >= 1 ? k3I : classII >= 5 ? k3Many : classII >= 3 ? k3Some : classII >= 1 ? k3Few : null;
    const write = (out: Float64Array, at: number, lo: Band | null, hi: Band | null, known: boolean) => {
      out[at] = lo ? lo.points : 0;
      out[at + 1] = hi ? (hi.points_max ?? hi.points) : 0;
      out[at + 2] = known ? 1 : 0;
    };
    const threeYears = [3, 2, 1].flatMap((k) => [y(k, 'rd_expense'), y(k, 'sales_revenue')]);
    const indicators = [
      b.expert({ id: 'K-1', name: '技术的先进程度（专家评分）', source: GUIDE, quality: 'R', maxPoints: 8 }),
      b.expert({ id: 'K-2', name: '对主要产品（服务）在技术上发挥核心支持作用（专家评分）', source: GUIDE, quality: 'R', maxPoints: 8 }),
      b.indicator({
        id: 'K-3', name: '知识产权数量', source: GUIDE, quality: 'R', unit: '分', maxPoints: 8,
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product'], threshold: b.value(P.k3Bands),
        value: (d) => (d.ipILo !== d.ipILo ? null : { class_i: d.ipILo, class_ii: d.ipIILo }),
        score: (d, out, at) => {
          if (d.ipILo !== d.ipILo) return write(out, at, null, k3I, false);
          const lo = k3Band(d.ipILo, d.ipIILo);
          const hi = k3Band(d.ipIHi, d.ipIIHi);
          write(out, at, lo, hi, lo === hi);
        },
      }),
      b.indicator({
        id: 'K-4', name: '知识产权获得方式', source: GUIDE, quality: 'R', unit: '分', maxPoints: 6,
        inputs: ['ip_items', 'ip_items[].acquisition'], threshold: { self: k4Self, other_only: k4Other },
        value: (d) => (d.ipSelfOwned !== d.ipSelfOwned ? null : d.ipSelfOwned === 1 ? 'self' : 'other'),
        score: (d, out, at) => {
          if (d.ipAnyHi === 0) return write(out, at, null, null, true);
          if (d.ipSelfOwned === 1) return write(out, at, k4Self, k4Self, true);
          if (d.ipSelfOwned === 0 && d.ipAnyLo >= 1) return write(out, at, k4Other, k4Other, true);
          write(out, at, null, k4Self, false);
        },
      }),
      b.indicator({
        id: 'K-5', name: '参与制定国家标准、行业标准等（加分）', source: GUIDE, quality: 'R', unit: '分', maxPoints: 2,
        inputs: ['standards', 'standards[].level'], threshold: k5, value: (d) => nullable(d.standardNationalOrIndustry),
        score: (d, out, at) => {
          const v = d.standardNationalOrIndustry;
          write(out, at, v === 1 ? k5 : null, v === 0 ? null : k5, v === v);
        },
      }),
      b.indicator({
        id: 'H-7.2', name: '科技成果转化能力（近三年年均转化数）', source: `${DOC_HNTE_GUIDE} 四(二)2`, quality: 'R', unit: '分', maxPoints: 30,
        inputs: ['science_transfers', 'science_transfers[].year'], threshold: transferBands,
        value: (d) => round2(d.transfersPerYearLo),
        score: (d, out, at) => {
          const lo = d.transfersPerYearLo, hi = d.transfersPerYearHi;
          if (lo !== lo) return write(out, at, null, transferBands[0], false);
          const a = bandOf(transferBands, lo), c = bandOf(transferBands, hi);
          write(out, at, a, c, a === c);
        },
      }),
      b.expert({ id: 'H-7.3', name: '研究开发组织管理水平（专家评分）', source: `${DOC_HNTE_GUIDE} 四(二)3`, quality: 'R', maxPoints: 20 }),
      b.bands({
        id: 'H-7.4a', name: '净资产增长率', param: P.growthBands, value: 'hnteNetAssetGrowth', maxPoints: 10,
        inputs: [1, 2, 3].flatMap((k) => [y(k, 'total_assets'), y(k, 'total_liabilities')]),
      }),
      b.bands({
        id: 'H-7.4b', name: '销售收入增长率', param: P.growthBands, value: 'hnteSalesGrowth', maxPoints: 10,
        inputs: [y(1, 'sales_revenue'), y(2, 'sales_revenue'), y(3, 'sales_revenue')],
      }),
    ];
    const items = [
      b.atLeast({ id: 'H-1', param: P.minDaysRegistered, value: 'ageDays', inputs: ['registration_date'] }),
      b.countAtLeast({
        id: 'H-2', param: P.minIp, lo: 'ipAnyLo', hi: 'ipAnyHi',
        inputs: ['ip_items', 'ip_items[].status', 'ip_items[].related_to_main_product'],
      }),
      b.manual({
        id: 'H-3', name: '对主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》', source: `${DOC_HNTE} 第十一条(三)`, quality: 'R',
        inputs: ['hte_field'], evidence: (d) => d.hteField, value: (d) => d.profile.hte_field ?? null,
      }),
      b.atLeast({ id: 'H-4', param: P.minSciStaffShare, value: 'sciStaffShare1', inputs: [y(1, 'sci_tech_staff'), y(1, 'employees_total')] }),
      b.custom({
        id: 'H-5', name: '近三个会计年度研发费用总额占同期销售收入总额比例（按最近一年销售收入分档 5% / 4% / 3%）', source: h5.source, quality: 'R', unit: '%',
        inputs: threeYears, threshold: { small: smallRatio, mid: midRatio, large: largeRatio, small_limit: smallLimit, mid_limit: midLimit },
        status: (d) => {
          const r = d.hnteRdRatio, s = d.sales1;
          if (r !== r || s !== s) return UNKNOWN;
          return r >= ratioFor(s) ? MET : UNMET;
        },
        value: (d) => round2(d.hnteRdRatio),
        gap: (d) => ratioFor(d.sales1) - d.hnteRdRatio,
        scale: midRatio,
      }),
      b.atLeast({
        id: 'H-5b', param: P.minDomesticRdShare, value: 'hnteDomesticShare',
        inputs: [3, 2, 1].flatMap((k) => [y(k, 'rd_expense_domestic'), y(k, 'rd_expense')]),
      }),
      b.atLeast({ id: 'H-6', param: P.minHntIncomeShare, value: 'hnteIncomeShare', inputs: [y(1, 'hnt_income'), y(1, 'total_income')] }),
      b.scorecard({
        standard: 'high_tech', name: '企业创新能力评价（H-7，须高于 70 分）', source: b.param(P.passScoreExclusive).source, quality: 'R', indicators,
        subtotals: [
          { name: '知识产权', members: ['K-1', 'K-2', 'K-3', 'K-4', 'K-5'], min: 0, cap: b.value(P.ipCap) },
          { name: '科技成果转化能力', members: ['H-7.2'], min: 0, cap: Infinity },
          { name: '研究开发组织管理水平', members: ['H-7.3'], min: 0, cap: Infinity },
          { name: '企业成长性', members: ['H-7.4a', 'H-7.4b'], min: 0, cap: Infinity },
        ],
        pass: b.value(P.passScoreExclusive),
        exclusive: true,
      }),
      b.truth({
        id: 'H-8', name: '申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为', source: b.param(P.incidentWindowDays).source, quality: 'U', expect: 0,
        inputs: ['compliance.major_incidents', 'compliance.major_incidents[].date'], value: (d) => countTruth(d.incidentsHnteLo, d.incidentsHnteHi, 1),
      }),
    ];
    return { items, parameters: b.parameters };
  },
};
