import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/audit.ts';
import { todayIso } from '../src/platform/dates.ts';
import { createDemoAccounts, DEMO_PASSWORD } from '../src/modules/identity/demo-accounts.ts';
import { addDays } from '../src/modules/workflow/calendar.ts';
import { createBatch } from '../src/modules/workflow/use-cases/create-batch.ts';
import { saveExpert } from '../src/modules/workflow/use-cases/save-expert.ts';
import { contractExampleProfile } from './fixtures.ts';
import { eventually, startHarness, type Harness } from './harness.ts';
import { signInAs } from './sign-in.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('认定流程：企业申报 → 区县初审 → 专家评分 → 市级审定 → 公示 → 认定', () => {
  let harness: Harness;
  const enterprise = contractExampleProfile();
  const today = todayIso();
  let batchId: number;

  beforeAll(async () => {
    harness = await startHarness();
    await harness.putProfile(enterprise, { source: 'audit_report' });
    await createDemoAccounts(harness.db, [enterprise.credit_code]);
    await saveExpert(harness.db, systemActor('e2e'), { username: 'demo_expert', name: '评审专家 李华', district_code: '500103', specialty: '智能制造', active: true, conflicts: [] });
    ({ id: batchId } = await createBatch(harness.db, systemActor('e2e'), {
      standard: 'specialized_sme',
      kind: 'new',
      year: 2026,
      batch_no: 1,
      rule_version: '2026',
      window_start: addDays(today, -3),
      window_end: addDays(today, 10),
      district_review_deadline: addDays(today, 20),
      city_review_deadline: addDays(today, 30),
      publicity_working_days: 5,
      validity_years: 3,
      jump_factor: 3,
    }));
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('takes one application through every office to a title on the portrait', async () => {
    const { page, baseUrl } = harness;
    const state = page.getByTestId('application-state');
    // Under CI's parallel load a click on 确定 can land while the dialog is still opening and be lost: wait for the
    // dialog, and click again while it stays open (a second transition would be refused as a conflict, not applied).
    const act = async (label: string, reason?: string) => {
      await page.getByRole('button', { name: label }).click();
      const dialog = page.locator('.ant-modal-wrap:visible').last();
      await dialog.waitFor();
      if (reason) await dialog.getByTestId('transition-reason').fill(reason);
      for (let attempt = 1; ; attempt++) {
        await dialog.locator('.ant-modal-footer').getByRole('button', { name: /确\s*定/ }).click();
        try {
          await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };

    await signInAs(page, baseUrl, 'demo_enterprise', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/recognition/batches`);
    await page.locator('tr', { hasText: '2026年专精特新中小企业认定第1批' }).getByRole('button', { name: '发起申报' }).click();
    await page.waitForURL(/\/recognition\/applications\/\d+$/);
    const applicationUrl = page.url();
    await eventually(() => state.textContent()).toBe('草稿');
    await eventually(() => page.getByTestId('assessment-status').textContent()).not.toBe('');
    await page.locator('input[type=file]').setInputFiles({ name: '2025年度审计报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually(() => page.locator('tr', { hasText: '2025年度审计报告.pdf' }).count()).toBe(1);
    await act('提交申报');
    await eventually(() => state.textContent()).toBe('待区县初审');

    await signInAs(page, baseUrl, 'demo_district_500112', DEMO_PASSWORD);
    await page.goto(applicationUrl);
    await eventually(() => state.textContent()).toBe('待区县初审');
    await act('初审通过并推荐');
    await eventually(() => state.textContent()).toBe('市级评审中');

    await signInAs(page, baseUrl, 'demo_city_officer', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/recognition/batches/${batchId}`);
    await page.getByTestId('panel-size').fill('1');
    await page.getByRole('button', { name: '随机抽取专家组' }).click();
    await eventually(() => page.getByText('评审专家 李华（500103）').count()).toBe(1);
    await page.getByTestId('per-application').fill('1');
    await page.getByRole('button', { name: '随机分配专家' }).click();
    await eventually(() => page.locator('tr', { hasText: enterprise.name }).textContent()).toContain('0/1');

    await signInAs(page, baseUrl, 'demo_expert', DEMO_PASSWORD);
    await page.goto(`${baseUrl}/recognition/todo`);
    await page.getByRole('link', { name: `专家评分：${enterprise.name}` }).click();
    await page.getByTestId('score-input').fill('88');
    await page.getByTestId('opinion-input').fill('主导产品细分市场地位突出，研发投入稳定');
    await page.getByRole('button', { name: '提交评分' }).click();
    await eventually(() => page.locator('tr', { hasText: '评审专家 李华' }).textContent()).toContain('88');

    await signInAs(page, baseUrl, 'demo_city_officer', DEMO_PASSWORD);
    await page.goto(applicationUrl);
    await eventually(() => page.getByText('汇总：1 份评分，88 分').count()).toBe(1);
    await act('市级审定通过');
    await eventually(() => state.textContent()).toBe('拟认定');
    await page.goto(`${baseUrl}/recognition/batches/${batchId}`);
    await page.getByTestId('publicity-start').fill(addDays(today, -14));
    await page.getByRole('button', { name: '开始公示' }).click();
    await eventually(() => page.locator('tr', { hasText: enterprise.name }).textContent()).toContain('公示中');
    await page.getByRole('button', { name: '发布认定名单' }).click();
    await eventually(() => page.locator('tr', { hasText: '渝专精特新〔2026〕1-001' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/tidu-workflow-batch.png', fullPage: true });

    await signInAs(page, baseUrl, 'demo_enterprise', DEMO_PASSWORD);
    await page.goto(applicationUrl);
    await eventually(() => state.textContent()).toBe('已认定');
    await page.goto(`${baseUrl}/enterprises/${enterprise.credit_code}?tab=honours`);
    const titles = page.getByTestId('honours-qualifications').locator('tr.ant-table-row');
    await eventually(() => titles.filter({ hasText: '专精特新中小企业' }).count()).toBe(1);
    const title = await titles.filter({ hasText: '专精特新中小企业' }).textContent();
    expect(title).toContain(today);
    expect(title).toContain('有效');
    await page.screenshot({ path: '/tmp/tidu-workflow-portrait.png', fullPage: true });
    expect(harness.consoleProblems.filter((line) => line.startsWith('[pageerror]'))).toEqual([]);
  });
});
