import type { Derived } from '../derived/derived.ts';
import type { Quality } from '../parameters/types.ts';
import { gradient2022 } from '../parameters/gradient-2022.ts';
import { all, any, countTruth, type RuleBuilder } from './builders.ts';
import { MET, UNKNOWN, UNMET, type Check } from './types.ts';

/** G-01…G-05 of 工信部企业〔2022〕63号 §0.1, also required by the 2026 measures (N-10). */
export function commonEligibility(b: RuleBuilder, source: string, quality: Quality): Check[] {
  const y1 = (key: string) => b.ctx.y(1, key);
  b.param(gradient2022.common.incidentWindowYears);
  return [
    b.truth({
      id: 'G-01', name: '境内注册、具有独立法人资格', source, quality, expect: 1,
      inputs: ['district_code', 'legal_person'],
      value: (d) => all(d.inRegion, d.legalPerson),
    }),
    b.custom({
      id: 'G-02', name: '符合《中小企业划型标准规定》（中型、小型或微型）', source: `${source}；工信部联企业〔2011〕300号`, quality,
      unit: null, threshold: ['medium', 'small', 'micro'],
      inputs: ['industry_code', y1('employees_period_end'), y1('operating_revenue'), y1('main_business_revenue'), y1('total_assets')],
      status: (d) => (d.isLarge !== d.isLarge ? UNKNOWN : d.isLarge === 1 ? UNMET : MET),
      value: (d) => sizeValue(d),
    }),
    b.truth({
      id: 'G-03', name: '未被列入经营异常名录或严重失信主体名单', source, quality, expect: 0,
      inputs: ['compliance.abnormal_list', 'compliance.serious_dishonesty'],
      value: (d) => any(d.abnormal, d.dishonest),
    }),
    b.truth({
      id: 'G-04', name: '提供的产品（服务）不属于国家禁止、限制或淘汰类', source, quality, expect: 0,
      inputs: ['compliance.prohibited_product'],
      value: 'prohibited',
    }),
    b.truth({
      id: 'G-05', name: '近三年未发生重大安全（含网络、数据安全）、质量、环境污染事故和偷漏税等违法违规行为', source, quality, expect: 0,
      inputs: ['compliance.major_incidents', 'compliance.major_incidents[].date', 'compliance.tax_evasion'],
      value: (d) => any(countTruth(d.incidents3yLo, d.incidents3yHi, 1), d.taxEvasion),
    }),
    applicationBan(b),
  ];
}

/**
 * G-06: not barred from applying. Data fraud cancels every tier title and bars new applications for three years
 * (2026 小巨人 notice 工信厅企业函〔2026〕117号, the 2026 measures). The bar is a record the platform itself writes
 * when it revokes, so an absent key means no bar rather than unknown.
 */
function applicationBan(b: RuleBuilder): Check {
  const asOf = b.ctx.asOf;
  const until = (d: Derived) => d.profile.compliance?.application_ban_until ?? null;
  return b.custom({
    id: 'G-06', name: '未因数据造假等被禁止申报（禁止期内不得申报）', source: '工信厅企业函〔2026〕117号；工信部企业〔2026〕2号', quality: 'S',
    unit: null, threshold: asOf,
    inputs: ['compliance.application_ban_until'],
    status: (d) => { const last = until(d); return last !== null && last >= asOf ? UNMET : MET; },
    value: (d) => until(d),
  });
}

const SIZE_NAMES = ['micro', 'small', 'medium', 'large'];

function sizeValue(d: Derived): string | null {
  if (d.sizeCode === d.sizeCode) return SIZE_NAMES[d.sizeCode];
  return d.isLarge === 0 ? 'sme' : null;
}

