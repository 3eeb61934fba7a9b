import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from './harness.ts';
import { creditCode, smallProfile } from './fixtures.ts';
import { todayIso } from '../src/platform/dates.ts';

const YUBEI = '500112';

/** A date relative to today, so the validity tags (有效 / 即将到期 / 已过期) do not age with the calendar. */
function daysFromToday(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}
const JIANGBEI = '500105';

const precision = smallProfile({
  credit_code: creditCode(YUBEI, 101),
  name: '重庆渝北精工传动科技有限公司',
  district_code: YUBEI,
  years: {
    '2023': { operating_revenue: 10250.5, main_business_revenue: 9800, rd_expense: 410, employees_period_end: 120, rd_staff: 21 },
    // 2024 R&D spend is unknown: the portrait must show it as a gap, never as 0.
    '2024': { operating_revenue: 11870, main_business_revenue: 11200, rd_expense: null, employees_period_end: 132, rd_staff: 24 },
    '2025': { operating_revenue: 12345, main_business_revenue: 11900, rd_expense: 560, employees_period_end: 140, rd_staff: 28 },
  },
  qualifications: [
    { title: 'specialized_sme', level: 'provincial', issue_date: daysFromToday(-365), expiry_date: daysFromToday(2 * 365) },
    { title: 'high_tech', level: 'national', issue_date: daysFromToday(-1000), expiry_date: daysFromToday(30) },
    { title: 'innovative_sme', level: 'provincial', issue_date: daysFromToday(-1200), expiry_date: daysFromToday(-60) },
  ],
});

const robotics = smallProfile({
  credit_code: creditCode(YUBEI, 102),
  name: '重庆两路智能装备有限公司',
  district_code: YUBEI,
  years: {
    '2024': { operating_revenue: 3420, rd_expense: 260, employees_period_end: 48 },
    '2025': { operating_revenue: 4100, rd_expense: 330, employees_period_end: 55 },
  },
});

const materials = smallProfile({
  credit_code: creditCode(JIANGBEI, 103),
  name: '重庆江北新材料股份有限公司',
  district_code: JIANGBEI,
  years: { '2025': { operating_revenue: 56000, rd_expense: 1800, employees_period_end: 420 } },
});

describe('企业名录与企业画像', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
    await harness.putProfile(precision, { source: 'audit_report', source_ref: '渝审〔2026〕第118号' });
    await harness.putProfile(robotics, { source: 'tax_data' });
    await harness.putProfile(materials, { source: 'self_declared' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('filters the registry by district and keeps the filter in the URL', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises`);
    await eventually(() => page.getByTestId('registry-total').textContent()).toBe('共 3 家');

    await page.getByTestId('filter-district').click();
    await page.keyboard.type('渝北');
    await page.locator('.ant-select-item-option', { hasText: '渝北区' }).click();

    await eventually(() => page.getByTestId('registry-total').textContent()).toBe('共 2 家');
    await page.locator('.ant-select-dropdown').first().waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('district')).toBe(YUBEI);
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
    expect(names.sort()).toEqual([precision.name, robotics.name].sort());

    const firstRow = page.locator('tr.ant-table-row', { hasText: precision.name });
    await eventually(() => firstRow.textContent()).toContain('12,345');
    await eventually(() => firstRow.textContent()).toContain('专精特新中小企业');
    await page.screenshot({ path: '/tmp/tidu-registry.png', fullPage: true });
  });

  it('shows the portrait with figures, a highlighted gap and provenance on hover', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises?district=${YUBEI}`);
    await page.getByRole('link', { name: precision.name }).click();
    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(precision.name);
    const gaps2024 = await page.getByTestId('gaps-alert').locator('.gap-group', { hasText: '2024年：' }).textContent();
    expect(gaps2024?.replace('2024年：', '').split('、')).toContain('研发费用');
    const gaps2025 = await page.getByTestId('gaps-alert').locator('.gap-group', { hasText: '2025年：' }).textContent();
    expect(gaps2025?.replace('2025年：', '').split('、')).not.toContain('研发费用');

    await page.getByRole('tab', { name: '年度数据' }).click();
    const revenue2023 = page.getByTestId('year-cell-2023-operating_revenue');
    await eventually(() => revenue2023.textContent()).toBe('10,250.5');
    await eventually(() => page.getByTestId('year-cell-2025-operating_revenue').textContent()).toBe('12,345');

    const gap = page.getByTestId('year-cell-2024-rd_expense');
    expect(await gap.textContent()).toBe('缺失');
    expect(await gap.getAttribute('class')).toContain('gap-cell');
    const background = await gap.evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(background).toBe('rgb(255, 244, 229)');

    await revenue2023.locator('.provenance-mark').hover();
    const tooltip = page.locator('.ant-tooltip:visible .provenance-tip');
    await eventually(() => tooltip.textContent()).toContain('审计报告');
    expect(await tooltip.textContent()).toContain('渝审〔2026〕第118号');
    await page.screenshot({ path: '/tmp/tidu-portrait-years.png', fullPage: true });

    await page.getByRole('tab', { name: '概览' }).click();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1_200); // let ECharts finish its entry animation before the screenshot
    await page.screenshot({ path: '/tmp/tidu-portrait-overview.png', fullPage: true });
    const pageErrors = harness.consoleProblems.filter((line) => line.startsWith('[pageerror]'));
    expect(pageErrors).toEqual([]);
  });

  it('tells known-none lists from unknown ones, and records a correction in 变更历史', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises/${precision.credit_code}?tab=honours`);
    const titles = page.getByTestId('honours-qualifications').locator('tr.ant-table-row');
    await eventually(() => titles.count()).toBe(3);
    expect(await titles.filter({ hasText: '专精特新中小企业' }).textContent()).toContain('有效');
    expect(await titles.filter({ hasText: '高新技术企业' }).textContent()).toContain('即将到期');
    expect(await titles.filter({ hasText: '创新型中小企业' }).textContent()).toContain('已过期');
    expect(await page.getByTestId('honours-ip_items').textContent()).toContain('无知识产权');
    expect(await page.getByTestId('honours-science_awards').textContent()).toContain('数据缺失');

    const corrected = structuredClone(precision) as typeof precision & { years: Record<string, Record<string, number | null>> };
    corrected.years['2024'].rd_expense = 480;
    await harness.putProfile(corrected, { source: 'tax_data', source_ref: '2024年度企业所得税汇算清缴' });

    await page.goto(`${baseUrl}/enterprises/${precision.credit_code}?tab=years`);
    await eventually(() => page.getByTestId('year-cell-2024-rd_expense').textContent()).toBe('480');
    expect(await page.getByTestId('year-cell-2024-rd_expense').getAttribute('class')).not.toContain('gap-cell');

    await page.getByRole('tab', { name: '变更历史' }).click();
    const change = page.locator('tr.ant-table-row', { hasText: '2024年度数据' }).first();
    await eventually(() => change.textContent()).toContain('研发费用');
    const text = await change.textContent();
    expect(text).toContain('480');
    expect(text).toContain('税务数据');
    await page.screenshot({ path: '/tmp/tidu-portrait-history.png', fullPage: true });
  });

  it('shows city totals and the district map on the 工作台, and placeholders for pages still to come', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/dashboard`);
    const total = page.locator('.ant-statistic', { hasText: '企业总数' });
    await eventually(() => total.locator('.ant-statistic-content').textContent()).toBe('3');
    const small = page.locator('.ant-statistic', { hasText: '小型企业' });
    await eventually(() => small.locator('.ant-statistic-content').textContent()).toMatch(/^\d+$/);
    await page.locator('.ant-card', { hasText: '企业区县分布' }).locator('canvas').first().waitFor();
    const ranking = page.locator('.ant-card', { hasText: '区县企业数排名' }).locator('tr.ant-table-row').first();
    await eventually(() => ranking.textContent()).toContain('渝北区');
    await page.waitForTimeout(1_200); // let ECharts finish its entry animation before the screenshot
    await page.screenshot({ path: '/tmp/tidu-dashboard.png', fullPage: true });

    await page.getByRole('menuitem', { name: '企业服务' }).click();
    await page.getByRole('menuitem', { name: '服务专员' }).click();
    await eventually(() => page.locator('.ant-result-title').textContent()).toBe('服务专员（建设中）');
  });

  it('pages through a long list with 加载更多 (keyset cursor)', async () => {
    const { page, baseUrl } = harness;
    const SHAPINGBA = '500106';
    const count = 51; // one more than a page
    for (let start = 0; start < count; start += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, count - start) }, (_, i) =>
          harness.putProfile(
            smallProfile({
              credit_code: creditCode(SHAPINGBA, 500 + start + i),
              name: `重庆沙坪坝测试企业${String(start + i + 1).padStart(2, '0')}有限公司`,
              district_code: SHAPINGBA,
              years: { '2025': { operating_revenue: 1000 + start + i } },
            }),
          ),
        ),
      );
    }
    await page.goto(`${baseUrl}/enterprises?district=${SHAPINGBA}&sort=name&order=asc`);
    await eventually(() => page.getByTestId('registry-total').textContent()).toBe(`共 ${count} 家`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: '加载更多' }).click();
    await eventually(() => rows.count()).toBe(count);
    expect(await rows.last().textContent()).toContain(`测试企业${count}有限公司`);
    expect(await page.getByText('已全部显示').isVisible()).toBe(true);
  });
});
