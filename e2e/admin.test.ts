import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/identity/demo-accounts.ts';
import { eventually, startHarness, type Harness } from './harness.ts';

const NEW_USER = 'yubei_zhangwei';
const NEW_USER_NAME = '渝北区经济信息委 张伟';
const NEW_PASSWORD = 'Yubei-Officer-2026';

describe('系统管理：用户管理与审计日志', () => {
  let harness: Harness;
  let oneTimePassword = '';

  beforeAll(async () => {
    harness = await startHarness({ signInBrowser: false });
    await harness.createDemoAccounts([]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('creates a district officer and shows the one-time password once', async () => {
    const { page } = harness;
    await harness.signInThroughPage('demo_city_admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.locator('tr.ant-table-row', { hasText: 'demo_district_500112' }).waitFor();
    await eventually(() => page.locator('tr.ant-table-row', { hasText: 'demo_district_500112' }).textContent()).toContain('渝北区');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill(NEW_USER);
    await dialog.getByLabel('姓名 / 单位').fill(NEW_USER_NAME);
    const grant = dialog.getByTestId('grant-row-0');
    await grant.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '区县经信部门工作人员' }).click();
    await grant.getByLabel('所属区县').click();
    await page.keyboard.type('渝北');
    await page.locator('.ant-select-item-option', { hasText: '渝北区' }).click();
    await page.screenshot({ path: '/tmp/tidu-admin-new-user.png' });
    await dialog.getByRole('button', { name: '创建并生成一次性密码' }).click();

    const issued = page.getByRole('dialog', { name: '用户已创建' });
    await issued.waitFor();
    await page.waitForTimeout(400); // let the modals finish their transition before the screenshot
    expect(await issued.textContent()).toContain('一次性密码仅显示这一次');
    oneTimePassword = (await issued.getByTestId('one-time-password').innerText()).replace(/\s*复制\s*$/, '').trim();
    expect(oneTimePassword).toMatch(/^\S{10,}$/);
    await page.screenshot({ path: '/tmp/tidu-admin-one-time-password.png' });
    await issued.getByRole('button', { name: /我已妥善记录/ }).click();
    await issued.waitFor({ state: 'hidden' });

    const row = page.locator('tr.ant-table-row', { hasText: NEW_USER });
    await eventually(() => row.textContent()).toContain('须修改密码');
    expect(await row.textContent()).toContain('区县经信部门工作人员');
    expect(await row.textContent()).toContain('渝北区');
    await page.screenshot({ path: '/tmp/tidu-admin-users.png', fullPage: true });
  });

  it('forces the new user to change the password, with the policy message for a weak one', async () => {
    const { page } = harness;
    await harness.signOutThroughPage();
    await harness.signInThroughPage(NEW_USER, oneTimePassword);
    await page.waitForURL((url) => url.pathname === '/account/password');

    await page.getByLabel('当前密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill('weakpass');
    await page.getByLabel('确认新密码').fill('weakpass');
    await page.getByRole('button', { name: '确认修改' }).click();
    const policyError = page.locator('.ant-form-item-explain-error', { hasText: '密码长度至少 10 位' });
    await policyError.waitFor();
    expect(await page.locator('.ant-form-item-explain-error').allTextContents()).toContain(
      '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
    );
    await page.screenshot({ path: '/tmp/tidu-admin-weak-password.png' });

    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await eventually(() => page.getByTestId('current-user-role').textContent()).toBe('区县经信部门工作人员 · 渝北区');
    expect(await page.getByTestId('current-user-name').textContent()).toBe(NEW_USER_NAME);
    expect(await page.locator('.app-sider .ant-menu-root').textContent()).not.toContain('系统管理');
  });

  it('finds the login and the user creation in 审计日志, and exports the filtered log', async () => {
    const { page } = harness;
    await harness.signOutThroughPage();
    await harness.signInThroughPage('demo_city_admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '审计日志' }).click();

    await page.getByLabel('对象').fill(NEW_USER);
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('tr.ant-table-row');
    const login = rows.filter({ hasText: '登录成功' });
    await eventually(() => login.count()).toBe(1);
    expect(await login.textContent()).toContain(NEW_USER);
    expect(await login.textContent()).toContain('127.0.0.1');
    expect(await login.locator('td').nth(1).textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await rows.filter({ hasText: '修改密码' }).count()).toBe(1);

    const creation = rows.filter({ hasText: '创建用户' });
    expect(await creation.count()).toBe(1);
    expect(await creation.textContent()).toContain('demo_city_admin');
    expect(await creation.textContent()).toContain('市级管理员');
    await creation.locator('.ant-table-row-expand-icon').click();
    const summary = page.getByTestId('audit-summary');
    await eventually(() => summary.textContent()).toContain('"district_code": "500112"');
    await page.screenshot({ path: '/tmp/tidu-admin-audit.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^审计日志_.*\.xlsx$/);

    await page.getByRole('button', { name: /重置/ }).click();
    await page.getByLabel('操作类型').click();
    await page.keyboard.type('导出');
    await page.locator('.ant-select-item-option', { hasText: '导出审计日志' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await eventually(() => rows.filter({ hasText: '导出审计日志' }).count()).toBe(1);
  });
});
