import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.ts';
import { patch, strongProfile } from '../testing/profiles.ts';

function sizeOf(industry: string, figures: Record<string, number | null>) {
  const profile = patch(strongProfile(), { industry_code: industry, years: { '2025': { employees_period_end: null, operating_revenue: null, main_business_revenue: null, total_assets: null, ...figures } } });
  return evaluate([profile], { asOf: '2026-06-30', standards: [] }).results[0].size_class;
}

/** 05 (300号): "以下" is strict, "及以上" is ≥; every sector row. Revenue: 主营业务收入 for rows 2–5, 9, 10, else 营业收入. */
const rows: [string, string, Record<string, number>, string, Record<string, number>, string][] = [
  ['1 农林牧渔', '0111', { operating_revenue: 500 }, 'medium', { operating_revenue: 499 }, 'small'],
  ['1 农林牧渔（微型）', '0111', { operating_revenue: 50 }, 'small', { operating_revenue: 49 }, 'micro'],
  ['2 工业', '3484', { employees_period_end: 1000, main_business_revenue: 40000 }, 'large', { employees_period_end: 999, main_business_revenue: 40000 }, 'medium'],
  ['2 工业（小型）', '3484', { employees_period_end: 20, main_business_revenue: 300 }, 'small', { employees_period_end: 19, main_business_revenue: 300 }, 'micro'],
  ['3 建筑业', '4790', { main_business_revenue: 6000, total_assets: 5000 }, 'medium', { main_business_revenue: 6000, total_assets: 4999 }, 'small'],
  ['4 批发业', '5131', { employees_period_end: 20, main_business_revenue: 5000 }, 'medium', { employees_period_end: 19, main_business_revenue: 5000 }, 'small'],
  ['5 零售业', '5211', { employees_period_end: 300, main_business_revenue: 20000 }, 'large', { employees_period_end: 300, main_business_revenue: 19999 }, 'medium'],
  ['6 交通运输业', '5439', { employees_period_end: 20, operating_revenue: 200 }, 'small', { employees_period_end: 20, operating_revenue: 199 }, 'micro'],
  ['7 仓储业', '5951', { employees_period_end: 100, operating_revenue: 1000 }, 'medium', { employees_period_end: 99, operating_revenue: 1000 }, 'small'],
  ['8 邮政业', '6010', { employees_period_end: 300, operating_revenue: 2000 }, 'medium', { employees_period_end: 300, operating_revenue: 1999 }, 'small'],
  ['9 住宿业', '6110', { employees_period_end: 10, main_business_revenue: 100 }, 'small', { employees_period_end: 9, main_business_revenue: 100 }, 'micro'],
  ['10 餐饮业', '6210', { employees_period_end: 100, main_business_revenue: 2000 }, 'medium', { employees_period_end: 100, main_business_revenue: 1999 }, 'small'],
  ['11 信息传输业', '6420', { employees_period_end: 2000, operating_revenue: 100000 }, 'large', { employees_period_end: 1999, operating_revenue: 100000 }, 'medium'],
  ['12 软件和信息技术服务业', '6513', { employees_period_end: 10, operating_revenue: 50 }, 'small', { employees_period_end: 10, operating_revenue: 49 }, 'micro'],
  ['13 房地产开发经营', '7010', { operating_revenue: 1000, total_assets: 5000 }, 'medium', { operating_revenue: 999, total_assets: 5000 }, 'small'],
  ['14 物业管理', '7020', { employees_period_end: 100, operating_revenue: 500 }, 'small', { employees_period_end: 99, operating_revenue: 500 }, 'micro'],
  ['15 租赁和商务服务业', '7212', { employees_period_end: 100, total_assets: 8000 }, 'medium', { employees_period_end: 100, total_assets: 7999 }, 'small'],
  ['16 其他未列明行业', '7310', { employees_period_end: 300 }, 'large', { employees_period_end: 299 }, 'medium'],
];

describe('企业规模划型（300号）', () => {
  it.each(rows)('%s：界值 %s', (_name, industry, atEdge, edgeClass, below, belowClass) => {
    expect(sizeOf(industry, atEdge)).toBe(edgeClass);
    expect(sizeOf(industry, below)).toBe(belowClass);
  });

  it('工业用主营业务收入而非营业收入', () => {
    expect(sizeOf('3484', { employees_period_end: 1000, operating_revenue: 50000, main_business_revenue: 39999 })).toBe('medium');
  });

  it('微型只需任一指标低于小型下限：从业人数未知也能判定', () => {
    expect(sizeOf('3484', { main_business_revenue: 299 })).toBe('micro');
    expect(sizeOf('3484', { main_business_revenue: 500 })).toBeNull();
  });

  it('行业代码 70 不能确定行业行', () => {
    expect(sizeOf('70', { employees_period_end: 50, operating_revenue: 500 })).toBeNull();
  });
});
