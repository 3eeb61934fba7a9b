import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from './harness.ts';
import { contractExampleProfile } from './fixtures.ts';

const STATUS_LABELS = ['符合', '不符合', '数据不足', '待人工评审'];

describe('企业画像 · 评价', () => {
  let harness: Harness;
  const profile = contractExampleProfile();

  beforeAll(async () => {
    harness = await startHarness();
    await harness.putProfile(profile, { source: 'audit_report', source_ref: '示例审计报告' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows each standard with a status tag and criteria with their source clause', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises/${profile.credit_code}?tab=evaluation`);
    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(profile.name);

    const littleGiantStatus = page.getByTestId('standard-status-little_giant');
    await littleGiantStatus.waitFor({ timeout: 15_000 });
    expect(STATUS_LABELS).toContain((await littleGiantStatus.textContent())?.trim());

    const panel = page.locator('.ant-collapse-item', { has: page.getByTestId('standard-little_giant') });
    await page.getByTestId('standard-little_giant').click();
    const firstCriterion = panel.locator('tr[data-criterion]').first();
    await firstCriterion.waitFor();
    const cells = await firstCriterion.locator('td').allTextContents();
    // The last column is 依据: the rule's source clause, a document number such as 工信部企业〔2026〕2号.
    expect(cells.at(-1)).toMatch(/〔\d{4}〕|号|办法|规定/);

    await page.screenshot({ path: '/tmp/tidu-evaluation.png' });
    await panel.screenshot({ path: '/tmp/tidu-evaluation-little-giant.png' });
  });

  it('draws the trend charts and the radar of the evaluation on 概览', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: '概览' }).click();
    const radar = page.getByTestId('evaluation-radar');
    await radar.locator('canvas').waitFor();
    await page.waitForTimeout(1_200); // let ECharts finish its entry animation before the screenshot
    await page.screenshot({ path: '/tmp/tidu-overview-radar.png', fullPage: true });
  });
});
