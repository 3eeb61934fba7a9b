import type { CriterionStatus, Quality, SizeClass, StandardStatus } from '../api/types.ts';

export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

export const SIZE_CLASS_ORDER: SizeClass[] = ['large', 'medium', 'small', 'micro'];

/** Standard ids of the contract, in the order of the ladder. */
export const STANDARD_NAMES: Record<string, string> = {
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  tech_innovative_sme: '科技和创新型中小企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”',
  high_tech: '高新技术企业',
  single_champion: '国家制造业单项冠军',
  cq_single_champion: '重庆市级制造业单项冠军',
  cq_gazelle: '重庆瞪羚企业',
  cq_unicorn: '重庆独角兽企业',
  cq_potential_unicorn: '重庆潜在独角兽企业',
};

/** Honours that are not ladder standards but appear in `qualifications[].title`. */
const OTHER_TITLE_NAMES: Record<string, string> = {
  tech_innovation_demo: '国家技术创新示范企业',
  ip_advantage: '国家知识产权优势企业',
  ip_demo: '国家知识产权示范企业',
  tech_sme_registration: '科技型中小企业入库登记',
};

export function titleName(id: string): string {
  return STANDARD_NAMES[id] ?? OTHER_TITLE_NAMES[id] ?? id;
}

export const TITLE_COLORS: Record<string, string> = {
  little_giant: 'volcano',
  specialized_sme: 'orange',
  innovative_sme: 'gold',
  tech_innovative_sme: 'gold',
  tech_sme: 'lime',
  high_tech: 'blue',
  single_champion: 'red',
  cq_single_champion: 'magenta',
  cq_gazelle: 'cyan',
  cq_unicorn: 'purple',
  cq_potential_unicorn: 'geekblue',
};

export const STANDARD_STATUS: Record<StandardStatus, { label: string; color: string }> = {
  qualified: { label: '符合', color: 'green' },
  not_qualified: { label: '不符合', color: 'red' },
  insufficient_data: { label: '数据不足', color: 'orange' },
  manual_review: { label: '待人工评审', color: 'blue' },
};

export const CRITERION_STATUS: Record<CriterionStatus, { label: string; color: string }> = {
  met: { label: '达标', color: 'green' },
  unmet: { label: '未达标', color: 'red' },
  unknown: { label: '数据不足', color: 'orange' },
  manual: { label: '待评审', color: 'blue' },
  not_applicable: { label: '不适用', color: 'default' },
};

export const QUALITY_LABELS: Record<Quality, { label: string; color: string; hint: string }> = {
  R: { label: '[R] 已核实', color: 'green', hint: '已与多个官方文本转载核对' },
  S: { label: '[S] 二手来源·待核实', color: 'orange', hint: '仅有二手来源，正式使用前请核对原文' },
  U: { label: '[U] 未核实', color: 'red', hint: '凭记忆或解释得出，尚未核实' },
};

export const APPLICATION_LABELS = { new: '新申报', re_review: '复核' } as const;

/** Yearly fields of the profile, with Chinese labels and units, in display order. */
export const YEAR_FIELDS: { key: string; label: string; unit: '万元' | '人' | '分' }[] = [
  { key: 'operating_revenue', label: '营业收入', unit: '万元' },
  { key: 'main_business_revenue', label: '主营业务收入', unit: '万元' },
  { key: 'sales_revenue', label: '销售收入', unit: '万元' },
  { key: 'total_income', label: '收入总额', unit: '万元' },
  { key: 'hnt_income', label: '高新技术产品（服务）收入', unit: '万元' },
  { key: 'total_cost_expense', label: '成本费用支出总额', unit: '万元' },
  { key: 'rd_expense', label: '研发费用', unit: '万元' },
  { key: 'rd_expense_domestic', label: '境内研发费用', unit: '万元' },
  { key: 'net_profit', label: '净利润', unit: '万元' },
  { key: 'total_assets', label: '资产总额', unit: '万元' },
  { key: 'total_liabilities', label: '负债总额', unit: '万元' },
  { key: 'employees_period_end', label: '期末从业人员', unit: '人' },
  { key: 'employees_total', label: '职工总数', unit: '人' },
  { key: 'sci_tech_staff', label: '科技人员', unit: '人' },
  { key: 'rd_staff', label: '研发人员', unit: '人' },
  { key: 'platform_srdi_score', label: '专精特新发展评价得分', unit: '分' },
];

export const IP_TYPE_LABELS: Record<string, string> = {
  invention: '发明专利',
  utility: '实用新型专利',
  design: '外观设计专利',
  software: '软件著作权',
  software_copyright: '软件著作权',
  plant_variety: '植物新品种',
  crop_variety: '农作物品种',
  new_drug: '国家新药',
  tcm_variety: '中药保护品种',
  ic_layout: '集成电路布图设计',
};

export const LEVEL_LABELS: Record<string, string> = {
  international: '国际',
  national: '国家级',
  provincial: '省部级',
  city: '市级',
  industry: '行业',
  group: '团体',
  local: '地方',
  below: '其他',
};

export const RD_INSTITUTION_LABELS: Record<string, string> = {
  key_lab: '重点实验室',
  engineering_center: '工程（技术）研究中心',
  enterprise_tech_center: '企业技术中心',
  academician_station: '院士工作站',
  postdoc_station: '博士后工作站',
  industrial_design_center: '工业设计中心',
  manufacturing_innovation_center: '制造业创新中心',
};

export const ACQUISITION_LABELS: Record<string, string> = {
  self: '自主研发',
  transferred: '受让',
  donated: '受赠',
  acquired: '并购',
};

export const STANDARD_ROLE_LABELS: Record<string, string> = { lead: '主导制定', participate: '参与制定' };

export function lookup(labels: Record<string, string>, key: string | null | undefined): string {
  if (key === null || key === undefined || key === '') return '—';
  return labels[key] ?? key;
}
