import { gradient2026, DOC_2026, FROM_2026 } from '../parameters/gradient-2026.ts';
import { all, any, eitherYear, RuleBuilder } from './builders.ts';
import { commonEligibility } from './common-eligibility.ts';
import type { StandardRule } from './types.ts';

const SOURCE = `${DOC_2026} 附件2`;
const P = gradient2026.littleGiant;

/** 专精特新"小巨人"企业认定标准 (2026号 附件2): seven indicators, all must hold. */
export const littleGiant2026: StandardRule = {
  standard: 'little_giant',
  version: '2026',
  name: '专精特新“小巨人”企业认定标准（2026）',
  from: FROM_2026,
  documents: [DOC_2026, '工信厅企业函〔2026〕117号'],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const reReview = ctx.application === 're_review';
    const minScore = b.value(P.minPlatformScore);
    const items = [
      b.truth({
        id: 'X-1a', name: '已获得省级专精特新中小企业称号（有效期内）', source: SOURCE, quality: 'S', expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleSpecialized',
      }),
      b.atLeast({ id: 'X-1b', param: P.minSegmentYears, value: 'segmentYears', inputs: ['segment_start_date'] }),
      b.atLeast({ id: 'X-2a', param: P.minRevenue, value: 'rev1', inputs: [y(1, 'operating_revenue')] }),
      b.atLeast({ id: 'X-2b', param: P.minMainShare, value: 'mainShare1', inputs: [y(1, 'main_business_revenue'), y(1, 'operating_revenue')] }),
      b.atLeast({
        id: 'X-2c', param: P.minRevenueCagr, applies: !reReview, value: 'revCagr2',
        inputs: [y(1, 'operating_revenue'), y(3, 'operating_revenue')],
      }),
      b.atMost({ id: 'X-2d', param: P.maxDebtRatio, value: 'debtRatio1', inputs: [y(1, 'total_liabilities'), y(1, 'total_assets')] }),
      b.atLeast({ id: 'X-3a', param: P.minRdTotal, value: 'rdSum2', inputs: [y(1, 'rd_expense'), y(2, 'rd_expense')] }),
      b.atLeast({
        id: 'X-3b', param: P.minRdRatioEachYear, value: (d) => Math.min(d.rdRatio1, d.rdRatio2),
        inputs: [y(1, 'rd_expense'), y(1, 'operating_revenue'), y(2, 'rd_expense'), y(2, 'operating_revenue')],
      }),
      b.countAtLeast({
        id: 'X-4', param: P.minAppliedIp, anyOf: 'X-4',
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product', 'ip_items[].in_use', 'ip_items[].acquisition', 'ip_items[].holder_rank'],
        lo: 'ipOwnAppliedILo', hi: 'ipOwnAppliedIHi',
      }),
      b.truth({
        id: 'X-4 exempt', name: '近三年获国家级科技奖励并排名前三（免 X-4）', source: SOURCE, quality: 'S', anyOf: 'X-4', expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].rank', 'science_awards[].date'], value: 'awardNatTop3In3y',
      }),
      b.atLeast({ id: 'X-5', param: P.minMarketShare, anyOf: 'X-5', value: 'marketShare', inputs: ['market.share_pct'] }),
      b.atMost({ id: 'X-5 alt', param: P.maxDomesticRank, anyOf: 'X-5', value: 'rankDomestic', inputs: ['market.rank_domestic'] }),
      b.manual({
        id: 'X-6', name: '主导产品属于“六基”领域或传统产业升级、新兴产业壮大、未来产业培育领域，且位于产业链关键环节（专家评审）', source: SOURCE, quality: 'S',
        inputs: ['main_product.six_base_field', 'main_product.chain_key_link'], evidence: (d) => all(d.chainKeyLink, any(d.sixBase, d.productField)),
      }),
      b.atLeast({
        id: 'X-7', param: P.minPlatformScore,
        name: reReview ? '专精特新发展评价得分（复核：近两年任一年）' : '专精特新发展评价得分（当年）',
        value: reReview ? (d) => eitherYear(d.platform0, d.platform1, minScore) : (d) => d.platform0,
        inputs: reReview ? [y(0, 'platform_srdi_score'), y(1, 'platform_srdi_score')] : [y(0, 'platform_srdi_score')],
      }),
      ...commonEligibility(b, `${DOC_2026} 第七条`, 'S'),
    ];
    b.param(P.maxHolderRank);
    b.param(P.exemptAwardRank);
    b.param(P.exemptWindowYears);
    return { items, parameters: b.parameters };
  },
};
