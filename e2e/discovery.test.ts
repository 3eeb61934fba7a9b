import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/audit.ts';
import { todayIso } from '../src/platform/dates.ts';
import { loadDemo } from '../src/modules/registry/demo/load-demo.ts';
import { eventually, startHarness, type Harness } from './harness.ts';

describe('主动发现 · 差距分析 · 模拟测算', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
    const today = todayIso();
    await loadDemo(harness.db, systemActor('e2e'), { count: 300, seed: 2026, latestYear: Number(today.slice(0, 4)) - 1, today });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs discovery on the demo data, opens a candidate, applies a what-if and sees the status change', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/discovery/candidates`);
    await page.getByTestId('start-run').click();
    await page.getByTestId('latest-run').waitFor({ timeout: 60_000 });

    await page.getByTestId('candidate-standard').click();
    await page.locator('.ant-select-item-option', { hasText: '创新型中小企业' }).first().click();
    const first = page.getByTestId('candidate-link').first();
    await first.waitFor();
    const name = await first.textContent();
    await first.click();

    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(name);
    await page.getByTestId('gap-panel').waitFor();
    const current = page.getByTestId('gap-current-status');
    await current.waitFor();
    const before = (await current.textContent())?.trim();
    expect(before).toBe('符合');

    await page.getByTestId('open-what-if').click();
    const year = Number(todayIso().slice(0, 4)) - 1;
    // A workforce and revenue far beyond an SME's: the enterprise is large and leaves every SME tier.
    for (const [field, value] of [['employees_period_end', '50000'], ['employees_total', '50000'], ['operating_revenue', '9000000'], ['main_business_revenue', '9000000'], ['total_assets', '9000000']]) {
      await page.getByTestId(`what-if-years.${year}.${field}`).locator('input').fill(value);
    }
    await page.getByTestId('run-what-if').click();
    const after = page.getByTestId('what-if-after-innovative_sme');
    await after.waitFor({ timeout: 15_000 });
    await eventually(async () => (await after.textContent())?.trim()).toBe('不符合');
    await page.screenshot({ path: '/tmp/tidu-discovery-what-if.png' });
  });

  it('差距分析 from the menu: picks an enterprise and shows its path to the chosen standard', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/discovery/gaps?standard=specialized_sme`);
    await page.getByTestId('gaps-enterprise').click();
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    const label = (await option.textContent()) ?? '';
    await option.click();
    const name = label.slice(0, label.indexOf('（'));
    await page.getByText('查看企业画像').waitFor();
    expect(await page.locator('.ant-card-head-title', { hasText: name }).count()).toBeGreaterThan(0);
    await page.getByTestId('gap-current-status').waitFor();
    expect(new URL(page.url()).searchParams.get('credit_code')).toMatch(/^[0-9A-Z]{18}$/);
    expect(await page.getByTestId('gap-panel').getByText('专精特新中小企业', { exact: true }).count()).toBeGreaterThan(0);
  });
});
