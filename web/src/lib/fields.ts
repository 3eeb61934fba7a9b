import { YEAR_FIELDS } from './labels.ts';

/** Chinese names of the profile's top-level keys (contract + data-fields.md). */
export const PROFILE_FIELD_LABELS: Record<string, string> = {
  credit_code: '统一社会信用代码',
  name: '企业名称',
  registration_date: '成立日期',
  district_code: '注册地（区县）',
  industry_code: '国民经济行业代码',
  legal_person: '独立法人',
  resident_enterprise: '居民企业',
  tax_collection_method: '企业所得税征收方式',
  rd_accounting_ok: '能准确归集研发费用',
  is_listed: '上市状态',
  segment_start_date: '细分市场起始日期',
  valuation_usd: '估值（美元）',
  cumulative_financing_usd: '累计融资（美元）',
  digital_level: '数字化水平等级',
  hte_field: '高新技术领域',
  chains: '产业链',
  market: '细分市场地位',
  main_product: '主导产品',
  quality: '质量与品牌',
  compliance: '合规情况',
  ip_items: '知识产权',
  science_awards: '科技奖励',
  rd_institutions: '研发机构',
  standards: '标准制定',
  qualifications: '资质称号',
  equity_financing: '股权融资',
  major_incidents: '重大事故',
  reviewer_judgements: '评审意见',
  chuangke_rank: '创客中国排名',
  science_transfers: '科技成果转化',
  talent_programmes: '人才计划',
  years: '年度数据',
};

const YEAR_FIELD_LABELS: Record<string, string> = Object.fromEntries(YEAR_FIELDS.map((f) => [f.key, f.label]));

const NESTED_LABELS: Record<string, string> = {
  'market.share_pct': '市场占有率',
  'market.rank_domestic': '国内市场排名',
  'market.rank_global': '全球市场排名',
  'market.scope': '细分市场',
  'main_product.name': '主导产品名称',
  'main_product.new_product': '主导产品属新产品',
  'main_product.in_sei_catalogue': '主导产品属战略性新兴产业目录',
  'main_product.six_base_field': '主导产品属“六基”领域',
  'main_product.chain_key_link': '主导产品属产业链关键环节',
  'compliance.research_misconduct': '科研严重失信',
  'compliance.abnormal_list': '经营异常名录',
  'compliance.serious_dishonesty': '严重失信',
  'compliance.tax_evasion': '偷漏税',
  'compliance.data_fraud': '数据造假',
  'compliance.prohibited_product': '淘汰类产品',
};

/** "years.2025.rd_expense" → "2025年 研发费用"; the server's own gap labels take precedence where given. */
export function pathLabel(path: string): string {
  const year = /^years\.(\d{4})(?:\.(.+))?$/.exec(path);
  if (year) {
    const [, fiscalYear, key] = year;
    return key ? `${fiscalYear}年 ${YEAR_FIELD_LABELS[key] ?? key}` : `${fiscalYear}年度数据`;
  }
  return NESTED_LABELS[path] ?? PROFILE_FIELD_LABELS[path] ?? path;
}

/** History entity ids: "enterprise" | "year:2025" | "list:ip_items". */
export function entityLabel(entity: string): string {
  if (entity === 'enterprise') return '基本信息';
  const [kind, key] = entity.split(':');
  if (kind === 'year') return `${key}年度数据`;
  if (kind === 'list') return PROFILE_FIELD_LABELS[key] ?? key;
  return entity;
}

/** A field label inside a history entity. */
export function entityFieldLabel(entity: string, key: string): string {
  if (entity.startsWith('year:')) return YEAR_FIELD_LABELS[key] ?? key;
  return PROFILE_FIELD_LABELS[key] ?? NESTED_LABELS[key] ?? key;
}
