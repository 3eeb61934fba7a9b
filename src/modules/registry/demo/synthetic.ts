import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../credit-code.ts';
import type { ProfileDocument } from '../profile-mapping.ts';
import type { ReferenceSets } from '../reference-sets.ts';
import { cumulativeWeights, Random } from './random.ts';

/**
 * Indicative shares of industrial activity by unit, for synthetic data only (not official statistics):
 * the central city, 两江新区 and the western belt hold most manufacturing; the north-east and south-east little.
 */
const DISTRICT_WEIGHTS: Record<string, number> = {
  'FA-LJXQ': 10, 'FA-CQGXQ': 6, 'FA-WSJKQ': 1, '500112': 6, '500107': 5, '500106': 4, '500105': 3, '500113': 4, '500109': 4,
  '500116': 5, '500120': 4, '500118': 4, '500102': 4, '500115': 3, '500117': 3, '500111': 3, '500153': 3, '500151': 3,
  '500152': 2, '500110': 2.5, '500108': 3, '500103': 1, '500104': 1.5, '500119': 1.5, '500101': 2.5, '500154': 1,
  '500155': 1.2, '500231': 1.2, '500233': 0.8, '500230': 0.6, '500235': 0.6, '500236': 0.5, '500237': 0.3, '500238': 0.2,
  '500229': 0.15, '500156': 0.4, '500240': 0.4, '500114': 0.8, '500241': 0.5, '500242': 0.3, '500243': 0.3,
};

/** Functional areas have no division code of their own; their licences carry the division they sit in. */
const FUNCTIONAL_AREA_DIVISION: Record<string, string> = { 'FA-LJXQ': '500112', 'FA-CQGXQ': '500106', 'FA-WSJKQ': '500110' };

const NON_MANUFACTURING_CODES = ['6513', '6511', '6520', '6531', '6550', '7320', '7340', '7451', '7491', '5179', '5261', '4910', '5436', '7514', '0511'];

const NAME_HEADS = ['渝', '巴', '山', '江', '嘉', '锦', '宏', '华', '鑫', '瑞', '德', '盛', '恒', '创', '远', '丰', '腾', '博', '新', '智', '泰', '鼎', '昊', '川', '峡', '明', '金', '银', '凯', '宇'];
const NAME_TAILS = ['华', '昌', '达', '通', '安', '信', '源', '力', '诚', '成', '邦', '润', '晟', '航', '科', '瑞', '捷', '驰', '联', '胜'];
const SECTOR_WORDS: Record<string, string[]> = {
  electronics: ['电子科技', '微电子', '光电科技', '智能科技'],
  auto_moto: ['汽车部件', '动力科技', '车辆配件', '摩托车制造'],
  equipment: ['精密机械', '智能装备', '机电设备', '数控科技'],
  materials: ['新材料', '铝业', '化工科技', '复合材料'],
  consumer_goods: ['食品', '纺织', '日用品', '调味品'],
  pharma: ['生物医药', '制药', '医疗器械', '生物科技'],
  other: ['信息技术', '软件', '科技服务', '供应链管理'],
};
const PRODUCT_WORDS: Record<string, string[]> = {
  electronics: ['车规级功率芯片', '液晶显示模组', '工业传感器', '智能终端主板'],
  auto_moto: ['新能源汽车减速器齿轮', '汽车线束总成', '制动系统部件', '摩托车发动机曲轴'],
  equipment: ['数控机床主轴', '工业机器人减速机', '精密轴承', '液压元件'],
  materials: ['高强铝合金型材', '玻璃纤维', '特种涂料', '锂电池隔膜'],
  consumer_goods: ['火锅底料', '功能面料', '个人护理用品', '特色榨菜'],
  pharma: ['生物疫苗', '中药配方颗粒', '体外诊断试剂', '医用耗材'],
  other: ['工业软件平台', '检验检测服务', '研发设计服务', '数据服务'],
};

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** The last complete fiscal year the figures run up to. */
  latestYear: number;
  refs: ReferenceSets;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A realistic, deterministic synthetic Chongqing registry, one contract profile at a time. */
export function* syntheticProfiles(options: SyntheticOptions): Generator<ProfileDocument> {
  const random = new Random(options.seed);
  const districts = [...options.refs.districts.values()].filter((d) => DISTRICT_WEIGHTS[d.code] !== undefined);
  const districtWeights = cumulativeWeights(districts.map((d) => DISTRICT_WEIGHTS[d.code]));
  const chains = [...options.refs.chains.values()];
  const chainWeights = cumulativeWeights(chains.map((c) => (c.sector_id === 'auto_moto' || c.sector_id === 'electronics' ? 2 : 1)));
  const codeSpace = 31 ** 7;
  // Multiplying by a number prime to 31 permutes the code space, so codes are unique for any count below it.
  const stride = 7_368_787;
  const offset = Math.floor(random.next() * codeSpace);
  for (let index = 0; index < options.count; index++) {
    yield oneProfile(random, options, districts, districtWeights, chains, chainWeights, (offset + index * stride) % codeSpace);
  }
}

function oneProfile(
  random: Random,
  options: SyntheticOptions,
  districts: { code: string; gb2260_code: string | null; short_name: string }[],
  districtWeights: number[],
  chains: { id: string; sector_id: string; industry_codes: string[] }[],
  chainWeights: number[],
  serial: number,
): ProfileDocument {
  const district = random.weighted(districts, districtWeights);
  const divisionCode = district.gb2260_code ?? FUNCTIONAL_AREA_DIVISION[district.code];
  let serialChars = '';
  for (let i = 0, rest = serial; i < 7; i++, rest = Math.floor(rest / 31)) serialChars = CREDIT_CODE_CHARSET[rest % 31] + serialChars;
  const first17 = `91${divisionCode}MA${serialChars}`;
  const creditCode = first17 + creditCodeCheckCharacter(first17);

  const manufacturing = random.chance(0.82);
  const chain = manufacturing && random.chance(0.75) ? random.weighted(chains, chainWeights) : null;
  const sector = chain?.sector_id ?? (manufacturing ? random.pick(['equipment', 'materials', 'consumer_goods', 'auto_moto']) : 'other');
  const industryCode = chain
    ? random.pick(chain.industry_codes.filter((code) => options.refs.industries.has(code)))
    : manufacturing
      ? random.pick(chains.filter((c) => c.sector_id === sector).flatMap((c) => c.industry_codes).filter((code) => options.refs.industries.has(code)))
      : random.pick(NON_MANUFACTURING_CODES);

  const name = `重庆${random.chance(0.3) ? district.short_name : ''}${random.pick(NAME_HEADS)}${random.pick(NAME_TAILS)}${random.pick(SECTOR_WORDS[sector])}${random.chance(0.85) ? '有限公司' : '股份有限公司'}`;
  const latest = options.latestYear;
  const foundedYear = Math.min(latest, Math.max(1992, Math.round(latest - random.logNormal(9, 0.6))));
  const registrationDate = iso(foundedYear, random.int(1, 12), random.int(1, 28));
  const segmentYear = Math.min(latest, foundedYear + random.int(0, 3));

  // A firm's size and trajectory: log-normal revenue, a growth trend with yearly noise, R&D intensity by sector.
  const quality = random.next();
  const baseRevenue = random.logNormal(manufacturing ? 2800 : 1200, 1.35) * (0.6 + quality);
  const trend = random.normal(0.08 + quality * 0.1, 0.12);
  const rdIntensity = Math.max(0, random.logNormal(sector === 'other' ? 0.05 : 0.028, 0.7) * (0.5 + quality) - (random.chance(0.12) ? 1 : 0));
  const perCapita = random.logNormal(manufacturing ? 75 : 45, 0.35);
  const assetTurnover = 0.6 + random.next() * 0.9;
  const debtRatio = Math.min(0.95, Math.max(0.12, random.normal(0.5, 0.15)));
  const mainShare = Math.min(1, 0.72 + random.next() * 0.3);
  const margin = random.normal(0.06 + quality * 0.05, 0.05);

  const years: Record<string, Record<string, number | null>> = {};
  const firstYear = Math.max(foundedYear, latest - 3);
  const skippedYear = random.chance(0.06) ? random.int(firstYear, latest) : null;
  let revenue = baseRevenue;
  let rdHistory = 0;
  for (let year = firstYear; year <= latest; year++) {
    revenue = Math.max(30, revenue * (1 + trend + random.normal(0, 0.08)));
    if (year === skippedYear) continue;
    const operatingRevenue = round(revenue);
    const rd = round(revenue * Math.max(0, rdIntensity + random.normal(0, 0.004)));
    rdHistory += rd;
    const employees = Math.max(3, Math.round(revenue / perCapita));
    const assets = round(revenue / assetTurnover);
    const figures: Record<string, number | null> = {
      operating_revenue: operatingRevenue,
      main_business_revenue: round(operatingRevenue * mainShare),
      sales_revenue: round(operatingRevenue * (0.98 + random.next() * 0.02)),
      total_income: round(operatingRevenue * (1 + random.next() * 0.02)),
      hnt_income: rdIntensity > 0.03 ? round(operatingRevenue * (0.4 + random.next() * 0.5)) : null,
      total_cost_expense: round(operatingRevenue * (1 - margin)),
      rd_expense: rd,
      rd_expense_domestic: round(rd * (random.chance(0.9) ? 1 : 0.7)),
      net_profit: round(operatingRevenue * margin),
      total_assets: assets,
      total_liabilities: round(assets * Math.min(0.98, debtRatio + random.normal(0, 0.03))),
      employees_period_end: employees,
      employees_total: employees + random.int(0, 3),
      sci_tech_staff: Math.round(employees * Math.min(0.6, rdIntensity * 4 + 0.05)),
      rd_staff: Math.round(employees * Math.min(0.5, rdIntensity * 3 + 0.03)),
      platform_srdi_score: year >= latest - 1 && quality > 0.5 && random.chance(0.6) ? round(35 + quality * 40 + random.normal(0, 6), 0) : null,
    };
    // Gaps as real registries have them: some figures simply never reported.
    if (random.chance(0.18)) figures[random.pick(Object.keys(figures))] = null;
    if (random.chance(0.05)) figures.rd_expense = null;
    years[String(year)] = figures;
  }

  const ipCount = Math.round(random.logNormal(1 + rdHistory / 150, 0.8) * (quality + 0.2));
  const ipItems = Array.from({ length: Math.min(ipCount, 40) }, () => {
    const invention = random.chance(0.25 + quality * 0.3);
    const grantYear = random.int(Math.min(latest, foundedYear + 1), latest);
    const acquisition = random.chance(0.88) ? 'self' : 'transferred';
    return {
      type: invention ? 'invention' : random.pick(['utility', 'utility', 'design', 'software']),
      class: invention ? 'I' : 'II',
      grant_date: iso(grantYear, random.int(1, 12), random.int(1, 28)),
      valid_until: iso(grantYear + (invention ? 20 : 10), random.int(1, 12), random.int(1, 28)),
      status: 'valid',
      acquisition,
      transfer_in_date: acquisition === 'transferred' ? iso(Math.min(latest, grantYear + 1), random.int(1, 12), random.int(1, 28)) : null,
      holder_rank: random.chance(0.9) ? 1 : random.int(2, 4),
      related_to_main_product: random.chance(0.85),
      in_use: random.chance(0.8),
      high_value: invention && random.chance(0.1),
    };
  });

  const qualifications: Record<string, unknown>[] = [];
  const title = (id: string, level: string, probability: number) => {
    if (!random.chance(probability)) return;
    const issueYear = random.int(latest - 3, latest + 1);
    const issue = iso(issueYear, random.int(6, 12), random.int(1, 28));
    qualifications.push({ title: id, level, issue_date: issue, expiry_date: `${issueYear + 3}${issue.slice(4)}`, batch: `${issueYear}年第${random.int(1, 2)}批` });
  };
  const innovative = rdIntensity > 0.02 && ipItems.length > 0;
  title('tech_sme_registration', 'national', innovative ? 0.5 : 0.08);
  title('innovative_sme', 'provincial', innovative ? 0.45 : 0.05);
  title('high_tech', 'national', rdIntensity > 0.03 ? 0.45 : 0.03);
  if (qualifications.some((q) => q.title === 'innovative_sme')) title('specialized_sme', 'provincial', 0.35);
  if (qualifications.some((q) => q.title === 'specialized_sme') && baseRevenue > 5000) title('little_giant', 'national', 0.2);

  const listsKnown = !random.chance(0.05);
  const profile: ProfileDocument = {
    credit_code: creditCode,
    name,
    registration_date: registrationDate,
    district_code: district.code,
    industry_code: industryCode,
    legal_person: true,
    resident_enterprise: true,
    tax_collection_method: random.chance(0.93) ? 'audit' : 'deemed',
    rd_accounting_ok: rdIntensity > 0 ? random.chance(0.85) : random.chance(0.3),
    is_listed: random.chance(0.004),
    segment_start_date: random.chance(0.9) ? iso(segmentYear, random.int(1, 12), 1) : null,
    years,
    ip_items: listsKnown ? ipItems : null,
    science_awards: listsKnown
      ? random.chance(0.04 + quality * 0.05)
        ? [{ level: random.chance(0.15) ? 'national' : 'provincial', name: random.chance(0.5) ? '重庆市科学技术进步奖' : '重庆市技术发明奖', date: iso(random.int(latest - 4, latest), random.int(1, 12), random.int(1, 28)), rank: random.int(1, 6) }]
        : []
      : null,
    rd_institutions: listsKnown
      ? random.chance(0.1 + quality * 0.25)
        ? [{ type: random.pick(['enterprise_tech_center', 'engineering_center', 'key_lab', 'postdoc_station']), level: random.pick(['provincial', 'city', 'city', 'national']), joint: random.chance(0.2), recognized_date: iso(random.int(Math.min(latest, foundedYear + 2), latest), random.int(1, 12), 1), valid_until: null }]
        : []
      : null,
    standards: listsKnown
      ? random.chance(0.12 + quality * 0.1)
        ? [{ level: random.pick(['national', 'industry', 'group', 'local']), role: random.chance(0.3) ? 'lead' : 'participate', date: iso(random.int(latest - 5, latest), random.int(1, 12), 1) }]
        : []
      : null,
    qualifications,
    equity_financing: listsKnown
      ? random.chance(0.06 + quality * 0.06)
        ? [{ date: iso(random.int(latest - 2, latest), random.int(1, 12), random.int(1, 28)), amount: round(random.logNormal(1500, 1)), investor: `${random.pick(NAME_HEADS)}${random.pick(NAME_TAILS)}创业投资基金`, qualified_investor: random.chance(0.8) }]
        : []
      : null,
    valuation_usd: null,
    cumulative_financing_usd: null,
    market: random.chance(0.6)
      ? { share_pct: round(Math.min(60, random.logNormal(3, 1.1) * (0.5 + quality))), rank_domestic: random.chance(0.7) ? random.int(1, 30) : null, rank_global: random.chance(0.1) ? random.int(1, 10) : null, scope: `国内${random.pick(PRODUCT_WORDS[sector])}细分市场`, year: latest }
      : null,
    main_product: {
      name: random.pick(PRODUCT_WORDS[sector]),
      in_sei_catalogue: random.chance(0.4 + quality * 0.3),
      six_base_field: manufacturing ? random.chance(0.3) : false,
      chain_key_link: chain ? random.chance(0.3 + quality * 0.3) : false,
    },
    digital_level: random.chance(0.7) ? random.pick([1, 2, 2, 3, 3, 4]) : null,
    quality: {
      qms_cert: random.chance(0.6 + quality * 0.3),
      own_brand: random.chance(0.5 + quality * 0.3),
      quality_award: random.chance(0.05 + quality * 0.1),
      mgmt_system_cert: random.chance(0.5 + quality * 0.3),
      developed_market_product_cert: random.chance(0.1 + quality * 0.2),
      info_system_core_business: random.chance(0.6 + quality * 0.3),
    },
    compliance: {
      abnormal_list: random.chance(0.015),
      serious_dishonesty: random.chance(0.003),
      major_incidents: random.chance(0.01) ? [{ type: random.pick(['safety', 'environment', 'quality']), severity: '较大', date: iso(random.int(latest - 2, latest), random.int(1, 12), 1) }] : [],
      tax_evasion: false,
      data_fraud: false,
      prohibited_product: false,
    },
    reviewer_judgements: {},
  };
  if (chain) profile.chains = [chain.id];
  if (!manufacturing && random.chance(0.05)) {
    // A few young, venture-backed firms: the city's unicorn and gazelle pipeline.
    profile.valuation_usd = Math.round(random.logNormal(1.5e8, 0.9));
    profile.cumulative_financing_usd = Math.round(random.logNormal(2e7, 0.9));
  }
  return profile;
}
