import { gradient2026, DOC_2026, FROM_2026 } from '../parameters/gradient-2026.ts';
import { any, eitherYear, RuleBuilder } from './builders.ts';
import { commonEligibility } from './common-eligibility.ts';
import type { StandardRule } from './types.ts';

const SOURCE = `${DOC_2026} 附件1`;
const P = gradient2026.specialized;

/** 专精特新中小企业认定标准 (2026号 附件1): hard thresholds and the platform score ≥ 50; no scorecard. */
export const specializedSme2026: StandardRule = {
  standard: 'specialized_sme',
  version: '2026',
  name: '专精特新中小企业认定标准（2026）',
  from: FROM_2026,
  documents: [DOC_2026, '工信厅企业〔2024〕75号'],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    const y = ctx.y;
    const reReview = ctx.application === 're_review';
    const minScore = b.value(P.minPlatformScore);
    const items = [
      b.truth({
        id: 'N-1', name: '已获得科技和创新型中小企业称号（有效期内）', source: b.param(P.tier1Titles).source, quality: 'S', expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleTier1',
      }),
      b.atLeast({ id: 'N-2', param: P.minSegmentYears, value: 'segmentYears', inputs: ['segment_start_date'] }),
      b.atLeast({ id: 'N-3', param: P.minRevenue, anyOf: 'N-3', value: 'rev1', inputs: [y(1, 'operating_revenue')] }),
      b.countAtLeast({
        id: 'N-3 alt', param: P.altMinFinancing, anyOf: 'N-3',
        inputs: ['equity_financing', 'equity_financing[].amount', 'equity_financing[].date', 'equity_financing[].qualified_investor'],
        lo: 'financing2yLo', hi: 'financing2yHi',
      }),
      b.atLeast({ id: 'N-4', param: P.minMainShare, value: 'mainShare1', inputs: [y(1, 'main_business_revenue'), y(1, 'operating_revenue')] }),
      b.atMost({ id: 'N-5', param: P.maxDebtRatio, value: 'debtRatio1', inputs: [y(1, 'total_liabilities'), y(1, 'total_assets')] }),
      b.atLeast({ id: 'N-6a', param: P.minRdEachYear, value: (d) => Math.min(d.rd1, d.rd2), inputs: [y(1, 'rd_expense'), y(2, 'rd_expense')] }),
      b.atLeast({
        id: 'N-6b', param: P.minRdRatioEachYear, value: (d) => Math.min(d.rdRatio1, d.rdRatio2),
        inputs: [y(1, 'rd_expense'), y(1, 'operating_revenue'), y(2, 'rd_expense'), y(2, 'operating_revenue')],
      }),
      b.countAtLeast({
        id: 'N-7', param: P.minAppliedIp, anyOf: 'N-7',
        inputs: ['ip_items', 'ip_items[].class', 'ip_items[].status', 'ip_items[].related_to_main_product', 'ip_items[].in_use'],
        lo: 'ipAppliedILo', hi: 'ipAppliedIHi',
      }),
      b.truth({
        id: 'N-7 exempt', name: '近三年获省部级以上科技奖励并排名前三，或拥有经认定的省部级以上研发机构（免 N-7）', source: SOURCE, quality: 'S', anyOf: 'N-7', expect: 1,
        inputs: ['science_awards', 'science_awards[].level', 'science_awards[].rank', 'science_awards[].date', 'rd_institutions', 'rd_institutions[].level'],
        value: (d) => any(d.awardProvPlusTop3In3y, d.institutionProvPlus),
      }),
      b.manual({
        id: 'N-8', name: '主导产品在国内外细分市场占有率较为靠前，享有一定知名度（专家评审）', source: SOURCE, quality: 'S',
        inputs: ['market.share_pct', 'market.rank_domestic'], evidence: (d) => (d.marketShare === d.marketShare || d.rankDomestic === d.rankDomestic ? 1 : NaN),
        value: (d) => ({ share_pct: d.profile.market?.share_pct ?? null, rank_domestic: d.profile.market?.rank_domestic ?? null }),
      }),
      b.atLeast({
        id: 'N-9', param: P.minPlatformScore,
        name: reReview ? '专精特新发展评价得分（复核：近两年任一年）' : '专精特新发展评价得分（当年）',
        value: reReview ? (d) => eitherYear(d.platform0, d.platform1, minScore) : (d) => d.platform0,
        inputs: reReview ? [y(0, 'platform_srdi_score'), y(1, 'platform_srdi_score')] : [y(0, 'platform_srdi_score')],
      }),
      ...commonEligibility(b, `${DOC_2026} 第七条（N-10）`, 'S'),
    ];
    b.param(P.altWindowYears);
    b.param(P.exemptAwardRank);
    b.param(P.exemptWindowYears);
    return { items, parameters: b.parameters };
  },
};

