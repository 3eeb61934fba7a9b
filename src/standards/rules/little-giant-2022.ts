import { gradient2022, DOC_2022, FROM_2022 } from '../parameters/gradient-2022.ts';
import { all, any, countTruth, nullable, round2, RuleBuilder } from './builders.ts';
import { commonEligibility } from './common-eligibility.ts';
import { MET, UNKNOWN, UNMET, type StandardRule } from './types.ts';

const SOURCE = `${DOC_2022} 附件3`;
const P = gradient2022.littleGiant;

/** 专精特新"小巨人"企业认定标准 (63号 附件3): groups 专/精/特/新/链/品, all must hold. */
export const littleGiant2022: StandardRule = {
  standard: 'little_giant',
  version: '2022',
  name: '专精特新“小巨人”企业认定标准（2022）',
  from: FROM_2022,
  documents: [DOC_2022],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const high = b.value(P.highRevenueBand);
    const mid = b.value(P.midRevenueBand);
    const highRatio = b.value(P.highBandRdRatio);
    const midRatio = b.value(P.midBandRdRatio);
    const lowFinancing = b.value(P.lowBandFinancing);
    const lowRdTotal = b.value(P.lowBandRdTotal);
    const lowRdStaff = b.value(P.lowBandRdStaffShare);
    const innovation = 'XG-9';
    const minRatio = (d: { rdRatio1: number; rdRatio2: number }) => Math.min(d.rdRatio1, d.rdRatio2);
    const items = [
      ...commonEligibility(b, `${DOC_2022} 第七条`, 'R'),
      b.atLeast({ id: 'XG-1', param: P.minSegmentYears, value: 'segmentYears', inputs: ['segment_start_date'] }),
      b.atLeast({ id: 'XG-2', param: P.minMainShare, value: 'mainShare1', inputs: [y(1, 'main_business_revenue'), y(1, 'operating_revenue')] }),
      b.atLeast({
        id: 'XG-3', param: P.minMainGrowth, value: 'mainGrowthAvg2',
        inputs: [y(1, 'main_business_revenue'), y(2, 'main_business_revenue'), y(3, 'main_business_revenue')],
      }),
      b.truth({
        id: 'XG-4', name: '至少一项核心业务（研发设计、生产制造、供应链管理）采用信息系统支撑', source: SOURCE, quality: 'R', expect: 1,
        inputs: ['quality.info_system_core_business'], value: 'infoSystem',
      }),
      b.truth({
        id: 'XG-5', name: '取得相关管理体系认证，或产品通过发达国家和地区产品认证', source: SOURCE, quality: 'R', expect: 1,
        inputs: ['quality.mgmt_system_cert', 'quality.developed_market_product_cert'], value: (d) => any(d.mgmtCert, d.developedMarketCert),
      }),
      b.atMost({ id: 'XG-6', param: P.maxDebtRatio, value: 'debtRatio1', inputs: [y(1, 'total_liabilities'), y(1, 'total_assets')] }),
      b.atLeast({ id: 'XG-7', param: P.minMarketShare, value: 'marketShare', inputs: ['market.share_pct'] }),
      b.truth({
        id: 'XG-8', name: '拥有直接面向市场并具有竞争优势的自主品牌', source: SOURCE, quality: 'R', expect: 1,
        inputs: ['quality.own_brand'], value: 'ownBrand',
      }),
      b.custom({
        id: 'XG-9a', name: '研发投入按营业收入分档（1亿以上每年≥3%；5000万–1亿每年≥6%；5000万以下：融资≥8000万、研发费用≥3000万、研发人员≥50%）',
        source: SOURCE, quality: 'U', unit: '%', anyOf: innovation, path: 'XG-9 general',
        inputs: [y(1, 'operating_revenue'), y(2, 'operating_revenue'), y(1, 'rd_expense'), y(2, 'rd_expense'), y(1, 'rd_staff'), y(1, 'employees_total'), 'equity_financing'],
        threshold: { high_band: highRatio, mid_band: midRatio, low_band: { financing: lowFinancing, rd_total: lowRdTotal, rd_staff_share: lowRdStaff } },
        status: (d) => {
          const rev = d.rev1;
          if (rev !== rev) return UNKNOWN;
          if (rev >= mid) {
            const r = minRatio(d);
            return r !== r ? UNKNOWN : r >= (rev >= high ? highRatio : midRatio) ? MET : UNMET;
          }
          const t = all(countTruth(d.financing2yLo, d.financing2yHi, lowFinancing), geTruth(d.rdSum2, lowRdTotal), geTruth(d.rdStaffShare1, lowRdStaff));
          return t !== t ? UNKNOWN : t === 1 ? MET : UNMET;
        },
        value: (d) => (d.rev1 >= mid ? round2(minRatio(d)) : { financing: nullable(d.financing2yLo), rd_total: nullable(d.rdSum2), rd_staff_share: round2(d.rdStaffShare1) }),
        gap: (d) => (d.rev1 >= mid ? (d.rev1 >= high ? highRatio : midRatio) - minRatio(d) : NaN),
        scale: highRatio,
      }),
      b.truth({
        id: 'XG-9b', name: '自建或与高等院校、科研机构联合建立研发机构', source: SOURCE, quality: 'R', anyOf: innovation, path: 'XG-9 general', expect: 1,
        inputs: ['rd_institutions'], value: 'institutionAny',
      }),
      b.countAtLeast({
        id: 'XG-9c', param: P.minAppliedIp, anyOf: innovation, path: 'XG-9 general',
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product', 'ip_items[].in_use'],
        lo: 'ipAppliedILo', hi: 'ipAppliedIHi',
      }),
      b.truth({
        id: 'XG-9d', name: '近三年获得国家级科技奖励并排名前三', source: SOURCE, quality: 'R', anyOf: innovation, expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].rank', 'science_awards[].date'], value: 'awardNatTop3In3y',
      }),
      b.truth({
        id: 'XG-9e', name: '近三年进入“创客中国”中小企业创新创业大赛全国 50 强企业组名单', source: SOURCE, quality: 'R', anyOf: innovation, expect: 1,
        inputs: ['chuangke_rank.group', 'chuangke_rank.year'], value: (d) => all(d.chuangkeTop50, d.chuangkeInWindow),
      }),
      b.manual({
        id: 'XG-10', name: '位于产业链关键环节，发挥补短板、锻长板、填空白等重要作用（链）', source: SOURCE, quality: 'U',
        inputs: ['main_product.chain_key_link'], evidence: (d) => d.chainKeyLink,
      }),
      b.manual({
        id: 'XG-11', name: '主导产品原则上属于工业“六基”、制造强国十大重点产业领域或网络强国领域（品）', source: SOURCE, quality: 'U',
        inputs: ['main_product.main_product_field'], evidence: (d) => d.productField, value: (d) => d.profile.main_product?.main_product_field ?? null,
      }),
    ];
    b.param(P.awardRank);
    b.param(P.awardWindowYears);
    return { items, parameters: b.parameters };
  },
};

function geTruth(v: number, t: number): number {
  return v !== v ? NaN : v >= t ? 1 : 0;
}

