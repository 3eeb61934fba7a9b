import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/audit.ts';
import { todayIso } from '../src/platform/dates.ts';
import type { App } from '../src/platform/http.ts';
import { signIn, TEST_PASSWORD, type Session } from '../src/modules/identity/testing.ts';
import { addDays, addYears } from '../src/modules/workflow/calendar.ts';
import { createBatch } from '../src/modules/workflow/use-cases/create-batch.ts';
import { saveExpert } from '../src/modules/workflow/use-cases/save-expert.ts';
import { contractExampleProfile, creditCode } from './fixtures.ts';
import { choose, eventually, startHarness, type Harness } from './harness.ts';
import { signInAs } from './sign-in.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const YUBEI = '500112';

/** Calls the real API with a session; throws with the server's answer on failure. */
async function ok<T = Record<string, unknown>>(app: App, session: Session, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await app.inject({ method, url, headers: { ...session.headers, ...headers }, payload: payload as string | object | undefined });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

describe('动态管理、专家库与实地抽查：从页面登记重大变化、撤销认定、抽查和专家', () => {
  let harness: Harness;
  const enterprise = contractExampleProfile();
  const today = todayIso();
  let city: Session;
  let applicationId: number;
  /** A second enterprise's application, left in publicity (batch 4) for the objection dialogs. */
  const rival = { ...contractExampleProfile(), credit_code: creditCode(YUBEI, 9002), name: '重庆示例传动科技有限公司' };
  let publicityId: number;
  const owner = 'e2e_dyn_enterprise';
  const district = 'e2e_dyn_district';
  const expert = 'e2e_dyn_expert';
  /** An expert account the city has not put in the pool yet. */
  const unlisted = 'e2e_dyn_unlisted_expert';

  /** A recognised 专精特新 enterprise, driven through the real workflow routes. */
  beforeAll(async () => {
    harness = await startHarness();
    const { app, db } = harness;
    await harness.putProfile(enterprise, { source: 'audit_report' });
    city = await signIn(app, db, [{ role: 'city_officer' }], 'e2e_dyn_city');
    const districtSession = await signIn(app, db, [{ role: 'district_officer', district_code: YUBEI }], district);
    const ownerSession = await signIn(app, db, [{ role: 'enterprise_user', credit_code: enterprise.credit_code }], owner);
    const expertSession = await signIn(app, db, [{ role: 'expert' }], expert);
    await signIn(app, db, [{ role: 'expert' }], unlisted);
    await saveExpert(db, systemActor('e2e'), { username: expert, name: '评审专家 王强', district_code: '500103', specialty: '智能制造', active: true, conflicts: [] });
    await harness.putProfile(rival, { source: 'audit_report' });
    const rivalSession = await signIn(app, db, [{ role: 'enterprise_user', credit_code: rival.credit_code }], 'e2e_dyn_rival');

    /** Drives a new application to 公示中 through the real routes. */
    async function toPublicity(batchNo: number, applicant: Session): Promise<{ batchId: number; id: number }> {
      const { id: batchId } = await createBatch(db, systemActor('e2e'), {
        standard: 'specialized_sme',
        kind: 'new',
        year: 2026,
        batch_no: batchNo,
        rule_version: '2026',
        window_start: addDays(today, -3),
        window_end: addDays(today, 10),
        district_review_deadline: addDays(today, 20),
        city_review_deadline: addDays(today, 30),
        publicity_working_days: 5,
        validity_years: 3,
        jump_factor: 3,
      });
      const { id } = await ok<{ id: number }>(app, applicant, 'POST', '/api/workflow/applications', { batch_id: batchId });
      await ok(app, applicant, 'POST', `/api/workflow/applications/${id}/evidence?evidence_type=audit_report&file_name=${encodeURIComponent('2025年度审计报告.pdf')}`, PDF, { 'content-type': 'application/pdf' });
      const move = async (session: Session, transition: string) => {
        const { version } = await ok<{ version: number }>(app, city, 'GET', `/api/workflow/applications/${id}`);
        await ok(app, session, 'POST', `/api/workflow/applications/${id}/transitions`, { transition, version });
      };
      await move(applicant, 'submit');
      await move(districtSession, 'district_pass');
      await ok(app, city, 'POST', `/api/workflow/batches/${batchId}/panel`, { size: 1 });
      await ok(app, city, 'POST', `/api/workflow/batches/${batchId}/assignments`, { per_application: 1 });
      await ok(app, expertSession, 'POST', `/api/workflow/applications/${id}/scores`, { score: 86, recommend: true, opinion: '专业化程度高' });
      await move(city, 'city_approve');
      await ok(app, city, 'POST', `/api/workflow/batches/${batchId}/publicity`, { start_date: addDays(today, -14) });
      return { batchId, id };
    }
    const recognised = await toPublicity(3, ownerSession);
    applicationId = recognised.id;
    await ok(app, city, 'POST', `/api/workflow/batches/${recognised.batchId}/final-list`);
    ({ id: publicityId } = await toPublicity(4, rivalSession));
    const detail = await ok<{ state: string }>(app, city, 'GET', `/api/workflow/applications/${applicationId}`);
    expect(detail.state).toBe('recognized');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** Picks the seeded enterprise in an EnterprisePicker. */
  const pickEnterprise = (testId: string) => choose(harness.page, testId, enterprise.name, '示例精密');
  const pickOption = (testId: string, label: string) => choose(harness.page, testId, label);

  it('a district officer may record a spot check and a change report but is not offered a revocation', async () => {
    const { page, baseUrl } = harness;
    await signInAs(page, baseUrl, district, TEST_PASSWORD);
    await page.goto(`${baseUrl}/recognition/applications/${applicationId}`);
    await page.getByRole('button', { name: '记录实地抽查' }).click();
    const dialog = page.getByRole('dialog', { name: '记录实地抽查' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await eventually(() => dialog.getByText('请填写抽查人员').count()).toBe(1);
    await page.getByTestId('spot-check-inspectors').fill('渝北区经信委 张明、李娟');
    await page.getByTestId('spot-check-findings').fill('现场核查生产线与研发中心，研发人员与申报一致');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await eventually(() => page.getByTestId('spot-checks').locator('tr.ant-table-row').first().textContent()).toContain('渝北区经信委 张明、李娟');
    expect(await page.getByTestId('spot-checks').locator('tr.ant-table-row').first().textContent()).toContain('一致');

    await page.goto(`${baseUrl}/recognition/dynamic`);
    await page.getByRole('button', { name: '登记重大变化' }).waitFor();
    expect(await page.getByRole('button', { name: '撤销认定' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '专家库' }).count()).toBe(0);
  });

  it('a city officer records a change report and a data-fraud revocation from 动态管理 and sees them listed', async () => {
    const { page, baseUrl } = harness;
    await signInAs(page, baseUrl, 'e2e_dyn_city', TEST_PASSWORD);
    await page.goto(`${baseUrl}/recognition/dynamic`);

    await page.getByRole('button', { name: '登记重大变化' }).click();
    const report = page.getByRole('dialog', { name: '登记重大变化' });
    await report.getByRole('button', { name: '提交报告' }).click();
    await eventually(() => report.getByText('请选择企业').count()).toBe(1);
    await pickEnterprise('change-enterprise');
    await pickOption('change-type', '兼并重组');
    await page.getByTestId('change-date').click();
    await page.keyboard.type(addDays(today, -30));
    await page.keyboard.press('Enter');
    await page.getByTestId('change-description').fill('吸收合并重庆示例模具有限公司，工商变更已完成');
    await report.getByRole('button', { name: '提交报告' }).click();
    const reports = page.getByTestId('change-reports').locator('tr.ant-table-row', { hasText: enterprise.name });
    await eventually(() => reports.count()).toBe(1);
    const reportRow = await reports.textContent();
    expect(reportRow).toContain('兼并重组');
    expect(reportRow).toContain(addDays(today, -30));
    expect(reportRow).not.toContain('逾期报告');

    await page.getByRole('button', { name: '撤销认定' }).first().click();
    const revoke = page.getByRole('dialog', { name: '撤销认定' });
    await pickEnterprise('revoke-enterprise');
    await pickOption('revoke-reason-type', '提供虚假材料、数据造假');
    const banUntil = addDays(addYears(today, 3), -1);
    await eventually(() => page.getByTestId('revoke-ban-preview').textContent()).toContain(`禁止申报至 ${banUntil}`);
    await pickOption('revoke-recognition', '渝专精特新〔2026〕3-001');
    await page.getByTestId('revoke-reason').fill('实地抽查发现研发费用归集数据造假');
    await revoke.getByRole('button', { name: '撤销认定' }).click();
    const confirm = page.getByTestId('revoke-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`禁止申报至 ${banUntil}`);
    await page.getByRole('button', { name: '确认撤销' }).click();
    const result = page.getByTestId('revoke-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('专精特新中小企业');
    expect(await result.textContent()).toContain(`禁止申报至：${banUntil}`);
    await page.getByRole('button', { name: '知道了' }).click();

    const revocations = page.getByTestId('revocations').locator('tr.ant-table-row', { hasText: enterprise.name });
    await eventually(() => revocations.count()).toBe(1);
    const revocationRow = await revocations.textContent();
    expect(revocationRow).toContain('提供虚假材料、数据造假');
    expect(revocationRow).toContain(banUntil);
    await page.screenshot({ path: '/tmp/tidu-dynamic-management.png', fullPage: true });

    await page.goto(`${baseUrl}/recognition/applications/${applicationId}`);
    await eventually(() => page.getByTestId('application-state').textContent()).toBe('已撤销');
    await eventually(() => page.getByText(`被禁止申报至 ${banUntil}`).count()).toBe(1);

    await page.goto(`${baseUrl}/enterprises/${enterprise.credit_code}?tab=honours`);
    const titles = page.getByTestId('honours-qualifications').locator('tr.ant-table-row');
    await eventually(() => titles.filter({ hasText: '专精特新中小企业' }).count()).toBe(1);
    const title = await titles.filter({ hasText: '专精特新中小企业' }).textContent();
    expect(title).toContain(addDays(today, -1));
    expect(title).toContain('已过期');
  });

  it('公示异议: the city registers an objection with its date and upholds it after a warning; the application leaves the list', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/recognition/applications/${publicityId}`);
    await eventually(() => page.getByTestId('application-state').textContent()).toBe('公示中');
    await page.getByRole('button', { name: '登记异议' }).click();
    await eventually(() => page.getByText('请选择收到日期').count()).toBe(1);
    await page.getByPlaceholder('收到日期').click();
    await page.keyboard.type(addDays(today, -10));
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('异议人').fill('某同行企业');
    await page.getByPlaceholder('异议内容').fill('反映其主导产品市场占有率虚报');
    await page.getByRole('button', { name: '登记异议' }).click();
    const objection = page.locator('tr.ant-table-row', { hasText: '某同行企业' });
    await eventually(() => objection.textContent()).toContain('待处理');
    expect(await objection.textContent()).toContain(addDays(today, -10));
    await objection.getByRole('button', { name: /^成\s*立$/ }).click();
    const dialog = page.getByRole('dialog', { name: '异议成立' });
    await dialog.getByText('异议成立将把该申报移出拟认定名单，且不可撤回').waitFor();
    // The empty form is refused; under load the first click can land while the dialog is still opening, so click again
    // until the refusal shows (an empty form cannot be submitted by a second click).
    await eventually(async () => {
      const refused = await dialog.getByText('请填写核查结论与答复').count();
      if (refused === 0) await dialog.getByRole('button', { name: '确认成立并移出名单' }).click();
      return refused;
    }).toBe(1);
    await page.getByTestId('objection-response').fill('经核查市场占有率数据不实');
    await dialog.getByRole('button', { name: '确认成立并移出名单' }).click();
    await eventually(() => page.getByTestId('application-state').textContent()).toBe('公示未通过');
    expect(await objection.textContent()).toContain('异议成立：经核查市场占有率数据不实');
  });

  it('a revocation for another reason than fraud needs a recognition in force, and the form says so', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/recognition/dynamic`);
    await page.getByRole('button', { name: '撤销认定' }).first().click();
    await pickEnterprise('revoke-enterprise');
    await pickOption('revoke-reason-type', '复核或抽查不合格');
    // The title was revoked above: no recognition is left to choose, and the form says so before the server is asked.
    await page.getByTestId('revoke-recognition').click();
    await eventually(() => page.getByText('该企业没有有效期内的认定').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('revoke-reason').fill('复核不合格');
    await page.getByRole('dialog', { name: '撤销认定' }).getByRole('button', { name: '撤销认定' }).click();
    await eventually(() => page.getByText('请选择要撤销的认定').count()).toBe(1);
    await page.getByRole('dialog', { name: '撤销认定' }).getByRole('button', { name: /取\s*消/ }).click();
  });

  it('专家库: a city officer adds an expert; an expert declares a conflict of interest, one not in the pool is told why not', async () => {
    const { page, baseUrl, app } = harness;
    await page.goto(`${baseUrl}/dashboard`);
    // Under load the submenu can still be opening when its item is clicked: open it and click again, up to three times.
    for (let attempt = 1; !/\/recognition\/experts$/.test(page.url()); attempt++) {
      const item = page.getByRole('menuitem', { name: '专家库' });
      if (!(await item.isVisible())) await page.getByRole('menuitem', { name: '认定管理' }).click();
      await item.click({ timeout: 10_000 }).catch((error) => { if (attempt === 3) throw error; });
      await page.waitForURL(/\/recognition\/experts$/, { timeout: 10_000 }).catch((error) => { if (attempt === 3) throw error; });
    }
    await eventually(() => page.getByTestId('experts').locator('tr.ant-table-row', { hasText: '评审专家 王强' }).count()).toBe(1);

    await page.getByRole('button', { name: '新增专家' }).click();
    const dialog = page.getByRole('dialog', { name: '新增专家' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await eventually(() => dialog.getByText('请填写登录账号').count()).toBe(1);
    await page.getByTestId('expert-username').fill('e2e_new_expert');
    await page.getByTestId('expert-name').fill('评审专家 陈静');
    await page.getByTestId('expert-district').click();
    await page.keyboard.type('江北');
    await page.locator('.ant-select-item-option', { hasText: '江北区' }).click();
    await page.getByTestId('expert-specialty').fill('新材料');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const added = page.getByTestId('experts').locator('tr.ant-table-row', { hasText: '评审专家 陈静' });
    await eventually(() => added.count()).toBe(1);
    const row = await added.textContent();
    expect(row).toContain('e2e_new_expert');
    expect(row).toContain('江北区');
    expect(row).toContain('新材料');
    expect(row).toContain('启用');

    await signInAs(page, baseUrl, expert, TEST_PASSWORD);
    await page.goto(`${baseUrl}/recognition/experts`);
    await page.getByTestId('conflict-credit-code').fill('not-a-code');
    await page.getByTestId('conflict-reason').fill('近三年为该企业提供咨询服务');
    await page.getByRole('button', { name: /申\s*报/ }).click();
    await eventually(() => page.getByText('应为 18 位统一社会信用代码').count()).toBe(1);
    await page.getByTestId('conflict-credit-code').fill(enterprise.credit_code);
    await page.getByRole('button', { name: /申\s*报/ }).click();
    await eventually(() => page.getByText('已申报利益关系，今后的评审分配将回避该企业').count()).toBe(1);
    await signInAs(page, baseUrl, unlisted, TEST_PASSWORD);
    await page.goto(`${baseUrl}/recognition/experts`);
    await page.getByTestId('conflict-credit-code').fill(enterprise.credit_code);
    await page.getByTestId('conflict-reason').fill('在该企业兼职');
    await page.getByRole('button', { name: /申\s*报/ }).click();
    await eventually(() => page.getByText('您尚未列入专家库，请联系市经济信息委').count()).toBe(1);

    const pool = await ok<{ items: { username: string; conflicts: string[] }[] }>(app, city, 'GET', '/api/workflow/experts');
    expect(pool.items.find((e) => e.username === expert)?.conflicts).toEqual([enterprise.credit_code]);
  });

  it('an enterprise user confirms its annual update and reports a change from 本企业', async () => {
    const { page, baseUrl } = harness;
    await signInAs(page, baseUrl, owner, TEST_PASSWORD);
    await page.getByRole('menuitem', { name: '年度更新与变化报告' }).click();
    await page.waitForURL(/\/recognition\/dynamic$/);
    expect(await page.getByRole('button', { name: '撤销认定' }).count()).toBe(0);
    await page.getByRole('button', { name: '确认已完成年度数据更新' }).click();
    await eventually(() => page.getByText(/已确认完成\d{4}年度数据更新/).count()).toBe(1);

    await page.getByRole('button', { name: '报告重大变化' }).click();
    const report = page.getByRole('dialog', { name: '登记重大变化' });
    await pickOption('change-type', '企业名称变更');
    await page.getByTestId('change-date').click();
    await page.keyboard.type(addDays(today, -120));
    await page.keyboard.press('Enter');
    await eventually(() => report.getByText('变化发生已超过 3 个月，将记为逾期报告').count()).toBe(1);
    await page.getByTestId('change-description').fill('企业名称变更为重庆示例智能部件有限公司');
    await report.getByRole('button', { name: '提交报告' }).click();
    await eventually(() => page.getByText('已登记重大变化报告（已超过 3 个月报告期限，记为逾期报告）').count()).toBe(1);
    expect(harness.consoleProblems.filter((line) => line.startsWith('[pageerror]')), harness.consoleProblems.join('\n')).toEqual([]);
  });
});
