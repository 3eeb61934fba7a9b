import { parameter, type Parameter } from './types.ts';

/** 中小企业划型标准规定 工信部联企业〔2011〕300号. "以下" is strict (<), "及以上" is ≥. */
export const DOC_SIZE = '工信部联企业〔2011〕300号';
export const FROM_SIZE = '2011-06-18';

export type SizeIndicator = 'employees' | 'revenue' | 'assets';

export interface SizeSector {
  row: number;
  name: string;
  /** First indicator, and the second where the row has two. */
  a: SizeIndicator;
  b: SizeIndicator | null;
  /** Which yearly figure stands for 营业收入 in this sector (300号 and 国统字〔2017〕213号 definitions). */
  revenueKey: 'main_business_revenue' | 'operating_revenue';
  /** GB/T 4754-2017 division (2 digits) or group (3 digits) prefixes. */
  codes: readonly string[];
}

/** Limits: large = every indicator ≥ *_large; medium = every ≥ *_medium; small = every ≥ *_small; else micro. */
export type SizeLimits = Readonly<{ a_large: number; a_medium: number; a_small: number; b_large: number; b_medium: number; b_small: number }>;

const division = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

export const SIZE_SECTORS: readonly SizeSector[] = [
  { row: 1, name: '农、林、牧、渔业', a: 'revenue', b: null, revenueKey: 'operating_revenue', codes: division(1, 5) },
  { row: 2, name: '工业', a: 'employees', b: 'revenue', revenueKey: 'main_business_revenue', codes: division(6, 46) },
  { row: 3, name: '建筑业', a: 'revenue', b: 'assets', revenueKey: 'main_business_revenue', codes: division(47, 50) },
  { row: 4, name: '批发业', a: 'employees', b: 'revenue', revenueKey: 'main_business_revenue', codes: ['51'] },
  { row: 5, name: '零售业', a: 'employees', b: 'revenue', revenueKey: 'main_business_revenue', codes: ['52'] },
  { row: 6, name: '交通运输业（不含铁路运输业）', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: division(54, 58) },
  { row: 7, name: '仓储业', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: ['59'] },
  { row: 8, name: '邮政业', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: ['60'] },
  { row: 9, name: '住宿业', a: 'employees', b: 'revenue', revenueKey: 'main_business_revenue', codes: ['61'] },
  { row: 10, name: '餐饮业', a: 'employees', b: 'revenue', revenueKey: 'main_business_revenue', codes: ['62'] },
  { row: 11, name: '信息传输业', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: ['63', '64'] },
  { row: 12, name: '软件和信息技术服务业', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: ['65'] },
  { row: 13, name: '房地产开发经营', a: 'revenue', b: 'assets', revenueKey: 'operating_revenue', codes: ['701'] },
  { row: 14, name: '物业管理', a: 'employees', b: 'revenue', revenueKey: 'operating_revenue', codes: ['702'] },
  { row: 15, name: '租赁和商务服务业', a: 'employees', b: 'assets', revenueKey: 'operating_revenue', codes: ['71', '72'] },
  {
    row: 16,
    name: '其他未列明行业',
    a: 'employees',
    b: null,
    revenueKey: 'operating_revenue',
    // 铁路运输 (53) and 金融业 (66–69) are outside 300号's table; classified here by analogy [U].
    codes: ['53', ...division(66, 69), '703', '704', '709', ...division(73, 97)],
  },
];

const limits = (a: [number, number, number], b: [number, number, number] = [0, 0, 0]): SizeLimits => ({
  a_large: a[0], a_medium: a[1], a_small: a[2], b_large: b[0], b_medium: b[1], b_small: b[2],
});

const rowLimits: Record<number, SizeLimits> = {
  1: limits([20000, 500, 50]),
  2: limits([1000, 300, 20], [40000, 2000, 300]),
  3: limits([80000, 6000, 300], [80000, 5000, 300]),
  4: limits([200, 20, 5], [40000, 5000, 1000]),
  5: limits([300, 50, 10], [20000, 500, 100]),
  6: limits([1000, 300, 20], [30000, 3000, 200]),
  7: limits([200, 100, 20], [30000, 1000, 100]),
  8: limits([1000, 300, 20], [30000, 2000, 100]),
  9: limits([300, 100, 10], [10000, 2000, 100]),
  10: limits([300, 100, 10], [10000, 2000, 100]),
  11: limits([2000, 100, 10], [100000, 1000, 100]),
  12: limits([300, 100, 10], [10000, 1000, 50]),
  13: limits([200000, 1000, 100], [10000, 5000, 2000]),
  14: limits([1000, 300, 100], [5000, 1000, 500]),
  15: limits([300, 100, 10], [120000, 8000, 100]),
  16: limits([300, 100, 10]),
};

export const sizeLimits: Record<number, Parameter<SizeLimits>> = Object.fromEntries(
  SIZE_SECTORS.map((sector) => [
    sector.row,
    parameter<SizeLimits>(`size.row${sector.row}`, `${sector.name}划型界限（大型/中型/小型下限）`, [
      {
        from: FROM_SIZE,
        value: rowLimits[sector.row],
        unit: '人 / 万元',
        source: `${DOC_SIZE} 第四条(${sector.row})`,
        quality: sector.row === 16 ? 'U' : 'R',
        note: sector.row === 16 ? '铁路运输、金融业按“其他未列明行业”类比划型' : undefined,
      },
    ]),
  ]),
);

const sectorByCode = new Map<string, SizeSector | null>();

/** The sector row of a GB/T 4754-2017 code (2–4 digits), or null when the code does not decide it (e.g. "70"). */
export function sizeSectorOf(industryCode: string | null | undefined): SizeSector | null {
  if (!industryCode) return null;
  let sector = sectorByCode.get(industryCode);
  if (sector === undefined) {
    sector = findSector(industryCode);
    if (sectorByCode.size < 10_000) sectorByCode.set(industryCode, sector);
  }
  return sector;
}

function findSector(industryCode: string): SizeSector | null {
  const group = industryCode.slice(0, 3);
  const div = industryCode.slice(0, 2);
  for (const sector of SIZE_SECTORS) if (industryCode.length >= 3 && sector.codes.includes(group)) return sector;
  if (div === '70') return null;
  for (const sector of SIZE_SECTORS) if (sector.codes.includes(div)) return sector;
  return null;
}
