import { YEAR_FIELD_LABELS, YEAR_FIELDS, type ListKey, type YearField } from '../registry/profile-fields.ts';

/** What each import file holds: its columns with Chinese headers, units and meanings, and how rows are identified. */

export const IMPORT_KINDS = ['basics', 'years', 'ip', 'qualifications', 'awards', 'institutions', 'financing', 'compliance'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnKind =
  | 'credit_code'
  | 'text'
  /** a date that has happened (not after today) */
  | 'past_date'
  /** a date that may lie ahead (valid until, expiry) */
  | 'date'
  /** 万元, not negative */
  | 'amount'
  /** 万元, may be negative (net profit) */
  | 'signed_amount'
  /** whole number not below `min` (default 0) */
  | 'count'
  /** a number of persons: not negative, may be an average */
  | 'persons'
  | 'percent'
  | 'score'
  | 'year'
  | 'bool'
  | 'enum'
  | 'district'
  | 'industry'
  | 'chains'
  | 'size';

/**
 * Where a parsed value goes: `profile` a top-level profile key, `year` a figure of the row's fiscal year,
 * `item` a field of the list record the row holds, `flag` a key of `compliance`, `incident` a field of a
 * major incident, `check` compared with the registry but not stored.
 */
export type ColumnTarget = 'key' | 'profile' | 'year' | 'item' | 'flag' | 'incident' | 'check';

export interface ColumnSpec {
  /** The machine header (the contract's key, or the key prefixed where two columns would share it). */
  key: string;
  /** The profile field written, when it differs from the machine header. */
  field?: string;
  label: string;
  unit?: string;
  kind: ColumnKind;
  target: ColumnTarget;
  options?: readonly (readonly [value: string, label: string])[];
  /** An enum that also takes other snake_case ids (types the list does not name yet). */
  openOptions?: boolean;
  min?: number;
  max?: number;
  required?: boolean;
  note: string;
}

export interface ImportKindSpec {
  kind: ImportKind;
  label: string;
  columns: readonly ColumnSpec[];
  /** Besides the credit code, the fields that identify a row's record: two rows sharing them are duplicates. */
  identity: readonly string[];
  /** The profile list the rows add to or update (matched by `identity`). */
  listKey?: ListKey;
}

export const headerOf = (column: ColumnSpec) => (column.unit ? `${column.label}（${column.unit}）` : column.label);
export const fieldOf = (column: ColumnSpec) => column.field ?? column.key;

const YES_NO_NOTE = '填“是”或“否”；不清楚的留空（留空表示未知，不按“否”处理）';
const LEVELS = [
  ['national', '国家级'],
  ['provincial', '省级（重庆市级）'],
  ['city', '地市级'],
  ['district', '区县级'],
] as const;

const creditCode: ColumnSpec = {
  key: 'credit_code',
  label: '统一社会信用代码',
  kind: 'credit_code',
  target: 'key',
  required: true,
  note: '18 位统一社会信用代码（GB 32100），第 18 位为校验位；大写字母，不含 I、O、S、V、Z',
};
const nameCheck: ColumnSpec = {
  key: 'name',
  label: '企业名称',
  kind: 'text',
  target: 'check',
  note: '可选；填写时须与企业库中该信用代码的企业名称一致，用于防止信用代码填错',
};

export const TITLE_OPTIONS = [
  ['tech_sme', '科技型中小企业'],
  ['innovative_sme', '创新型中小企业'],
  ['tech_innovative_sme', '科技和创新型中小企业'],
  ['specialized_sme', '专精特新中小企业'],
  ['little_giant', '专精特新“小巨人”企业'],
  ['high_tech', '高新技术企业'],
  ['single_champion', '国家制造业单项冠军'],
  ['cq_single_champion', '重庆市级制造业单项冠军'],
  ['cq_gazelle', '重庆瞪羚企业'],
  ['cq_unicorn', '重庆独角兽企业'],
  ['cq_potential_unicorn', '重庆潜在独角兽企业'],
  ['tech_innovation_demo', '国家技术创新示范企业'],
  ['ip_advantage', '国家知识产权优势企业'],
  ['ip_demo', '国家知识产权示范企业'],
  ['tech_sme_registration', '科技型中小企业入库登记'],
] as const;

export const SIZE_OPTIONS = [
  ['large', '大型'],
  ['medium', '中型'],
  ['small', '小型'],
  ['micro', '微型'],
] as const;

const YEAR_UNITS: Record<YearField, { unit: string; kind: ColumnKind; note: string }> = {
  operating_revenue: { unit: '万元', kind: 'amount', note: '利润表“营业收入”' },
  main_business_revenue: { unit: '万元', kind: 'amount', note: '主营业务收入，不应大于营业收入' },
  sales_revenue: { unit: '万元', kind: 'amount', note: '销售收入（主营业务收入 + 其他业务收入），高新技术企业口径' },
  total_income: { unit: '万元', kind: 'amount', note: '收入总额减不征税收入，高新技术企业口径' },
  hnt_income: { unit: '万元', kind: 'amount', note: '高新技术产品（服务）收入' },
  total_cost_expense: { unit: '万元', kind: 'amount', note: '成本费用支出总额，科技型中小企业口径' },
  rd_expense: { unit: '万元', kind: 'amount', note: '研发费用（加计扣除或审计口径）；大于营业收入时给出提醒' },
  rd_expense_domestic: { unit: '万元', kind: 'amount', note: '在中国境内发生的研发费用' },
  net_profit: { unit: '万元', kind: 'signed_amount', note: '净利润，亏损填负数' },
  total_assets: { unit: '万元', kind: 'amount', note: '年末资产总额' },
  total_liabilities: { unit: '万元', kind: 'amount', note: '年末负债总额，不能为负数' },
  employees_period_end: { unit: '人', kind: 'count', note: '期末从业人员数（中小企业划型口径），整数' },
  employees_total: { unit: '人', kind: 'persons', note: '职工总数（在职、兼职、临时聘用，高新技术企业按全年月平均）' },
  sci_tech_staff: { unit: '人', kind: 'persons', note: '科技人员数（全年累计工作 183 天以上）' },
  rd_staff: { unit: '人', kind: 'persons', note: '研发人员数，不应多于职工总数（未填时与期末从业人员比较）' },
  platform_srdi_score: { unit: '分', kind: 'score', note: '优质中小企业梯度培育平台“专精特新发展评价”得分，0–100' },
};

const SPECS: Record<ImportKind, ImportKindSpec> = {
  basics: {
    kind: 'basics',
    label: '企业基本信息',
    identity: [],
    columns: [
      creditCode,
      { key: 'name', label: '企业名称', kind: 'text', target: 'profile', required: true, note: '营业执照上的企业全称；企业库中不能有同名的另一家企业' },
      { key: 'district_code', label: '所属区县', kind: 'district', target: 'profile', note: '下拉选择 41 个区县（含两江新区、重庆高新区、万盛经开区）；也可填区县代码，如 500112' },
      { key: 'industry_code', label: '国民经济行业代码', kind: 'industry', target: 'profile', note: 'GB/T 4754-2017 行业代码，2 至 4 位数字，如 3484' },
      { key: 'registration_date', label: '成立日期', kind: 'past_date', target: 'profile', note: '营业执照成立日期，格式 2014-05-12，不能晚于今天' },
      { key: 'size_class', label: '企业规模', kind: 'size', target: 'check', options: SIZE_OPTIONS, note: '下拉选择；仅用于核对——平台按期末从业人员和营业收入自动划型（工信部联企业〔2011〕300号），与填报不一致时给出提醒' },
      { key: 'legal_person', label: '是否独立法人', kind: 'bool', target: 'profile', note: YES_NO_NOTE },
      { key: 'resident_enterprise', label: '是否居民企业', kind: 'bool', target: 'profile', note: YES_NO_NOTE },
      { key: 'tax_collection_method', label: '企业所得税征收方式', kind: 'enum', target: 'profile', options: [['audit', '查账征收'], ['deemed', '核定征收']], note: '下拉选择：查账征收或核定征收' },
      { key: 'rd_accounting_ok', label: '能否准确归集研发费用', kind: 'bool', target: 'profile', note: YES_NO_NOTE },
      { key: 'is_listed', label: '是否境内外上市', kind: 'bool', target: 'profile', note: YES_NO_NOTE },
      { key: 'segment_start_date', label: '从事细分市场起始日期', kind: 'past_date', target: 'profile', note: '开始从事特定细分市场的日期，格式 2016-01-01' },
      { key: 'digital_level', label: '数字化水平等级', kind: 'count', target: 'profile', min: 1, max: 6, note: '中小企业数字化水平评测等级，1–6 的整数' },
      { key: 'hte_field', label: '高新技术领域', kind: 'text', target: 'profile', note: '国家重点支持的高新技术领域代码' },
      { key: 'chains', label: '所属产业链', kind: 'chains', target: 'profile', note: '33 条重点产业链的名称或编号，多条用“、”分隔' },
    ],
  },
  years: {
    kind: 'years',
    label: '年度经营数据',
    identity: ['year'],
    columns: [
      creditCode,
      nameCheck,
      { key: 'year', label: '年度', kind: 'year', target: 'key', required: true, note: '会计年度，四位数字，如 2025；不能晚于今年' },
      ...YEAR_FIELDS.map(
        (field): ColumnSpec => ({
          key: field,
          label: YEAR_FIELD_LABELS[field],
          unit: YEAR_UNITS[field].unit,
          kind: YEAR_UNITS[field].kind,
          target: 'year',
          note: YEAR_UNITS[field].note,
        }),
      ),
    ],
  },
  ip: {
    kind: 'ip',
    label: '知识产权',
    identity: ['number'],
    listKey: 'ip_items',
    columns: [
      creditCode,
      nameCheck,
      { key: 'number', label: '专利号或登记号', kind: 'text', target: 'item', required: true, note: '专利号、软件著作权登记号等；同一号码不能属于两家企业' },
      {
        key: 'type',
        label: '类型',
        kind: 'enum',
        target: 'item',
        required: true,
        options: [
          ['invention', '发明专利'],
          ['utility', '实用新型专利'],
          ['design', '外观设计专利'],
          ['software', '软件著作权'],
          ['plant_variety', '植物新品种'],
          ['crop_variety', '农作物品种'],
          ['new_drug', '国家新药'],
          ['tcm_variety', '国家一级中药保护品种'],
          ['ic_layout', '集成电路布图设计专有权'],
          ['defence_patent', '国防专利'],
        ],
        note: '下拉选择知识产权类型',
      },
      { key: 'class', label: '类别', kind: 'enum', target: 'item', options: [['I', 'Ⅰ类'], ['II', 'Ⅱ类']], note: 'Ⅰ类：发明专利等；Ⅱ类：实用新型、外观设计、软件著作权等' },
      { key: 'grant_date', label: '授权日期', kind: 'past_date', target: 'item', note: '授权（登记）日期，不能晚于今天' },
      { key: 'valid_until', label: '有效期至', kind: 'date', target: 'item', note: '保护期届满日期' },
      {
        key: 'status',
        label: '法律状态',
        kind: 'enum',
        target: 'item',
        options: [['valid', '有效'], ['expired', '已到期'], ['invalid', '已失效'], ['disputed', '存在争议'], ['pending', '审查中']],
        note: '下拉选择',
      },
      { key: 'acquisition', label: '获得方式', kind: 'enum', target: 'item', options: [['self', '自主研发'], ['transferred', '受让'], ['donated', '受赠'], ['acquired', '并购']], note: '下拉选择' },
      { key: 'transfer_in_date', label: '转入日期', kind: 'past_date', target: 'item', note: '受让、受赠、并购取得的，填转入日期' },
      { key: 'holder_rank', label: '权利人排序', kind: 'count', target: 'item', min: 1, note: '企业在权利人中的排序，第一权利人填 1' },
      { key: 'related_to_main_product', label: '是否与主导产品相关', kind: 'bool', target: 'item', note: YES_NO_NOTE },
      { key: 'in_use', label: '是否已实施并产生效益', kind: 'bool', target: 'item', note: YES_NO_NOTE },
      { key: 'high_value', label: '是否高价值知识产权', kind: 'bool', target: 'item', note: '海外同族、维持 10 年以上、质押融资或获国家级奖项的，填“是”' },
    ],
  },
  qualifications: {
    kind: 'qualifications',
    label: '资质荣誉',
    identity: ['title', 'issue_date'],
    listKey: 'qualifications',
    columns: [
      creditCode,
      nameCheck,
      { key: 'title', label: '称号', kind: 'enum', target: 'item', required: true, options: TITLE_OPTIONS, openOptions: true, note: '下拉选择称号；其他荣誉可填英文小写标识' },
      { key: 'level', label: '级别', kind: 'enum', target: 'item', options: LEVELS, note: '下拉选择' },
      { key: 'issue_date', label: '认定日期', kind: 'past_date', target: 'item', note: '认定（发证）日期，不能晚于今天' },
      { key: 'expiry_date', label: '有效期至', kind: 'date', target: 'item', note: '有效期届满日期' },
      { key: 'batch', label: '批次', kind: 'text', target: 'item', note: '如“2025 年第一批”' },
      { key: 'certificate_no', label: '证书编号', kind: 'text', target: 'item', note: '证书或公告编号' },
      { key: 'issuer', label: '发证机关', kind: 'text', target: 'item', note: '如“重庆市经济和信息化委员会”' },
    ],
  },
  awards: {
    kind: 'awards',
    label: '科技奖励',
    identity: ['name', 'date'],
    listKey: 'science_awards',
    columns: [
      creditCode,
      nameCheck,
      { key: 'award_name', field: 'name', label: '奖项名称', kind: 'text', target: 'item', required: true, note: '如“重庆市科学技术进步奖”' },
      { key: 'level', label: '级别', kind: 'enum', target: 'item', options: [['national', '国家级'], ['provincial', '省部级'], ['city', '市级'], ['other', '其他']], note: '下拉选择' },
      { key: 'date', label: '获奖日期', kind: 'past_date', target: 'item', note: '证书日期，不能晚于今天' },
      { key: 'rank', label: '单位排名', kind: 'count', target: 'item', min: 1, note: '企业在获奖单位中的排名，第一完成单位填 1' },
    ],
  },
  institutions: {
    kind: 'institutions',
    label: '研发机构',
    identity: ['type', 'level'],
    listKey: 'rd_institutions',
    columns: [
      creditCode,
      nameCheck,
      {
        key: 'type',
        label: '机构类型',
        kind: 'enum',
        target: 'item',
        required: true,
        openOptions: true,
        options: [
          ['key_lab', '重点实验室'],
          ['engineering_center', '工程（技术）研究中心'],
          ['enterprise_tech_center', '企业技术中心'],
          ['academician_station', '院士工作站'],
          ['postdoc_station', '博士后工作站'],
          ['industrial_design_center', '工业设计中心'],
          ['manufacturing_innovation_center', '制造业创新中心'],
        ],
        note: '下拉选择机构类型',
      },
      { key: 'level', label: '级别', kind: 'enum', target: 'item', options: [['national', '国家级'], ['provincial', '省部级'], ['city', '市级'], ['below_city', '市级以下']], note: '下拉选择' },
      { key: 'joint', label: '是否联合共建', kind: 'bool', target: 'item', note: YES_NO_NOTE },
      { key: 'recognized_date', label: '认定日期', kind: 'past_date', target: 'item', note: '不能晚于今天' },
      { key: 'valid_until', label: '有效期至', kind: 'date', target: 'item', note: '没有期限的留空' },
    ],
  },
  financing: {
    kind: 'financing',
    label: '股权融资',
    identity: ['date', 'investor'],
    listKey: 'equity_financing',
    columns: [
      creditCode,
      nameCheck,
      { key: 'date', label: '到账日期', kind: 'past_date', target: 'item', required: true, note: '实缴到账日期，不能晚于今天' },
      { key: 'amount', label: '到账金额', unit: '万元', kind: 'amount', target: 'item', required: true, note: '实缴到账金额' },
      { key: 'investor', label: '投资方', kind: 'text', target: 'item', note: '投资机构或个人名称' },
      { key: 'qualified_investor', label: '是否合格机构投资者', kind: 'bool', target: 'item', note: YES_NO_NOTE },
      { key: 'share_pct', label: '出让股权比例', unit: '%', kind: 'percent', target: 'item', note: '0–100，12 表示 12%' },
      { key: 'related_party', label: '是否关联方', kind: 'bool', target: 'item', note: '股东持股平台或母公司投资的填“是”（不计入股权融资）' },
    ],
  },
  compliance: {
    kind: 'compliance',
    label: '合规情况',
    identity: ['incident_type', 'incident_date'],
    columns: [
      creditCode,
      nameCheck,
      { key: 'abnormal_list', label: '是否列入经营异常名录', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      { key: 'serious_dishonesty', label: '是否严重失信主体', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      { key: 'tax_evasion', label: '是否有偷漏税行为', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      { key: 'data_fraud', label: '是否有数据造假行为', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      { key: 'research_misconduct', label: '是否科研严重失信', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      { key: 'prohibited_product', label: '产品是否属于禁止、限制、淘汰类', kind: 'bool', target: 'flag', note: YES_NO_NOTE },
      {
        key: 'incident_type',
        field: 'type',
        label: '重大事故类型',
        kind: 'enum',
        target: 'incident',
        options: [['safety', '安全生产事故'], ['cyber', '网络安全事件'], ['data', '数据安全事件'], ['quality', '质量事故'], ['environment', '生态环境事件'], ['secrecy', '失泄密事件'], ['other', '其他']],
        note: '有重大事故或事件的填写，一行一起；没有的留空',
      },
      { key: 'incident_severity', field: 'severity', label: '事故等级', kind: 'text', target: 'incident', note: '如“较大”“重大”“特别重大”' },
      { key: 'incident_date', field: 'date', label: '事故日期', kind: 'past_date', target: 'incident', note: '不能晚于今天' },
      { key: 'incident_note', field: 'note', label: '事故说明', kind: 'text', target: 'incident', note: '简要说明' },
    ],
  },
};

export function importKindSpec(kind: ImportKind): ImportKindSpec {
  return SPECS[kind];
}

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, SPECS[kind].label])) as Record<ImportKind, string>;
