import { gradient2026, DOC_2026, FROM_2026 } from '../parameters/gradient-2026.ts';
import { DOC_2022 } from '../parameters/gradient-2022.ts';
import { DOC_TECH_SME } from '../parameters/tech-sme.ts';
import { RuleBuilder } from './builders.ts';
import { STANDARD_STATUSES, type StandardRule } from './types.ts';

const SOURCE = `${DOC_2026} 第三十条`;

/**
 * 科技和创新型中小企业 (2026 tier 1): a valid 科技型 registration or 创新型 title, or — until a merged standard is
 * issued — meeting either of those two standards now (T1-2).
 */
export const techInnovativeSme2026: StandardRule = {
  standard: 'tech_innovative_sme',
  version: '2026',
  name: '科技和创新型中小企业（2026）',
  from: FROM_2026,
  documents: [DOC_2026, DOC_TECH_SME, DOC_2022],
  build(ctx) {
    const b = new RuleBuilder(ctx);
    b.param(gradient2026.tier1.titles);
    const techSme = ctx.statusOf('tech_sme');
    const innovative = ctx.statusOf('innovative_sme');
    const group = 'T1';
    const items = [
      b.truth({
        id: 'T1-1', name: '持有有效的科技型中小企业入库登记编号', source: SOURCE, quality: 'S', anyOf: group, expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleTechSme',
      }),
      b.truth({
        id: 'T1-1 alt', name: '持有有效的创新型中小企业称号', source: SOURCE, quality: 'S', anyOf: group, expect: 1,
        inputs: ['qualifications', 'qualifications[].issue_date', 'qualifications[].expiry_date'], value: 'titleInnovative',
      }),
      b.custom({
        id: 'T1-2', name: '按《科技型中小企业评价办法》评价合格', source: `${SOURCE}；${DOC_TECH_SME}`, quality: 'S', anyOf: group,
        unit: null, threshold: 'qualified', inputs: [], status: techSme, value: (d) => STANDARD_STATUSES[techSme(d)],
      }),
      b.custom({
        id: 'T1-2 alt', name: '按创新型中小企业评价标准（63号附件1）评价合格', source: `${SOURCE}；${DOC_2022} 附件1`, quality: 'S', anyOf: group,
        unit: null, threshold: 'qualified', inputs: [], status: innovative, value: (d) => STANDARD_STATUSES[innovative(d)],
      }),
    ];
    return { items, parameters: b.parameters };
  },
};
