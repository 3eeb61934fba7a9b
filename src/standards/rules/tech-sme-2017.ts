import { techSme as P, DOC_TECH_SME, DOC_TECH_SME_GUIDE, FROM_TECH_SME } from '../parameters/tech-sme.ts';
import { all, any, bandOf, countTruth, round2, RuleBuilder } from './builders.ts';
import type { StandardRule } from './types.ts';

const SOURCE = `${DOC_TECH_SME} 第六条`;

/** 科技型中小企业评价 (115号, with the 67号 guidelines as dated parameters): T-1…T-4 and 60 points, or a direct condition. */
export const techSme2017: StandardRule = {
  standard: 'tech_sme',
  version: '2017',
  name: '科技型中小企业评价办法（2017，含 2022 年工作指引）',
  from: FROM_TECH_SME,
  documents: [DOC_TECH_SME, DOC_TECH_SME_GUIDE],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const excluded = b.param(P.excludedIndustries);
    const excludedCodes = excluded.value;
    const ts2a = b.value(P.ts2aBands);
    const ts2b = b.value(P.ts2bBands);
    const [ipI, ipII4, ipII3, ipII2, ipII1] = b.value(P.ts3Points);
    const route = 'T-5';
    const ipPoints = (i: number, ii: number) => (i >= 1 ? ipI : ii >= 4 ? ipII4 : ii >= 3 ? ipII3 : ii >= 2 ? ipII2 : ii >= 1 ? ipII1 : 0);
    const excludedIndustry = (code: string) => {
      if (!code) return NaN;
      for (const prefix of excludedCodes) if (code.startsWith(prefix)) return 1;
      return 0;
    };
    const indicators = [
      b.bands({ id: 'TS-1', param: P.ts1Bands, value: 'sciStaffShare1', inputs: [y(1, 'sci_tech_staff'), y(1, 'employees_total')], maxPoints: 20 }),
      b.indicator({
        id: 'TS-2', name: '研发投入（研发费用占销售收入或占成本费用支出总额，取较高档）', source: b.param(P.ts2aBands).source, quality: 'R', unit: '分', maxPoints: 50,
        inputs: [y(1, 'rd_expense'), y(1, 'sales_revenue'), y(1, 'total_cost_expense')], threshold: { 'TS-2a': ts2a, 'TS-2b': ts2b },
        value: (d) => ({ rd_to_sales: round2(d.rdToSales1), rd_to_cost: round2(d.rdToCost1) }),
        score: (d, out, at) => {
          const a = d.rdToSales1, c = d.rdToCost1;
          const pa = a !== a ? -1 : (bandOf(ts2a, a)?.points ?? 0);
          const pc = c !== c ? -1 : (bandOf(ts2b, c)?.points ?? 0);
          const lo = Math.max(0, pa, pc);
          const hi = pa < 0 || pc < 0 ? 50 : lo;
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
      b.indicator({
        id: 'TS-3', name: '科技成果（与主要产品相关的有效知识产权）', source: b.param(P.ts3Points).source, quality: 'R', unit: '分', maxPoints: ipI,
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product'], threshold: 'Ⅰ类≥1 30 / Ⅱ类≥4 24 / 3 18 / 2 12 / 1 6',
        value: (d) => (d.ipILo !== d.ipILo ? null : { class_i: d.ipILo, class_ii: d.ipIILo }),
        score: (d, out, at) => {
          if (d.ipILo !== d.ipILo) {
            out[at] = 0; out[at + 1] = ipI; out[at + 2] = 0;
            return;
          }
          const lo = ipPoints(d.ipILo, d.ipIILo), hi = ipPoints(d.ipIHi, d.ipIIHi);
          out[at] = lo; out[at + 1] = hi; out[at + 2] = lo === hi ? 1 : 0;
        },
      }),
    ];
    const staffMin = b.value(P.minStaffPoints);
    const items = [
      b.truth({
        id: 'T-1', name: '在中国境内注册的居民企业，查账征收，能准确归集研发费用', source: SOURCE, quality: 'R', expect: 1,
        inputs: ['resident_enterprise', 'tax_collection_method', 'rd_accounting_ok'], value: (d) => all(d.resident, d.auditedTax, d.rdAccounting),
      }),
      b.atMost({ id: 'T-2a', param: P.maxEmployees, value: 'empTotal1', inputs: [y(1, 'employees_total')] }),
      b.atMost({ id: 'T-2b', param: P.maxSales, value: 'sales1', inputs: [y(1, 'sales_revenue')] }),
      b.atMost({ id: 'T-2c', param: P.maxAssets, value: 'assets1', inputs: [y(1, 'total_assets')] }),
      b.truth({
        id: 'T-3', name: '产品和服务不属于禁止、限制和淘汰类，且所属行业不在不适用加计扣除的行业之列', source: excluded.source, quality: excluded.quality, expect: 0,
        inputs: excludedCodes.length > 0 ? ['compliance.prohibited_product', 'industry_code'] : ['compliance.prohibited_product'],
        value: (d) => (excludedCodes.length > 0 ? any(d.prohibited, excludedIndustry(d.industry)) : d.prohibited),
      }),
      b.truth({
        id: 'T-4', name: '上一会计年度至当年未发生重大安全、质量事故或严重环境违法、科研严重失信，且未列入经营异常名录和严重违法失信名单',
        source: SOURCE, quality: 'R', expect: 0,
        inputs: ['compliance.major_incidents', 'compliance.major_incidents[].date', 'compliance.research_misconduct', 'compliance.abnormal_list', 'compliance.serious_dishonesty'],
        value: (d) => any(countTruth(d.incidentsTechSmeLo, d.incidentsTechSmeHi, 1), d.misconduct, d.abnormal, d.dishonest),
      }),
      b.scorecard({
        standard: 'tech_sme', name: '评价得分（≥60 分且科技人员指标得分不为 0）', source: b.param(P.passScore).source, quality: 'R', anyOf: route, indicators,
        subtotals: [
          { name: '科技人员', members: ['TS-1'], min: staffMin + 1, cap: Infinity },
          { name: '研发投入', members: ['TS-2'], min: 0, cap: Infinity },
          { name: '科技成果', members: ['TS-3'], min: 0, cap: Infinity },
        ],
        pass: b.value(P.passScore),
      }),
      b.truth({
        id: 'TD-1', name: '持有有效期内的高新技术企业资格证书', source: `${DOC_TECH_SME} 第八条`, quality: 'R', anyOf: route, expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleHighTech',
      }),
      b.truth({
        id: 'TD-2', name: '近五年获得国家级科技奖励并在获奖单位中排名前三', source: `${DOC_TECH_SME} 第八条`, quality: 'R', anyOf: route, expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].rank', 'science_awards[].date'], value: 'awardNatTop3In5y',
      }),
      b.truth({
        id: 'TD-3', name: '拥有经认定的省部级以上研发机构', source: `${DOC_TECH_SME} 第八条`, quality: 'R', anyOf: route, expect: 1,
        inputs: ['rd_institutions', 'rd_institutions[].level'], value: 'institutionProvPlus',
      }),
      b.truth({
        id: 'TD-4', name: '近五年主导制定过国际标准、国家标准或行业标准', source: `${DOC_TECH_SME} 第八条`, quality: 'R', anyOf: route, expect: 1,
        inputs: ['standards', 'standards[].role', 'standards[].level', 'standards[].date'], value: 'standardLed5y',
      }),
    ];
    b.param(P.directAwardRank);
    b.param(P.directWindowYears);
    return { items, parameters: b.parameters };
  },
};
