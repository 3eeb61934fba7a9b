import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/identity/demo-accounts.ts';
import { creditCode, smallProfile } from './fixtures.ts';
import { eventually, startHarness, type Harness } from './harness.ts';

const YUBEI = '500112';
const JIANGBEI = '500105';

const yubeiGears = smallProfile({
  credit_code: creditCode(YUBEI, 201),
  name: '重庆空港齿轮制造有限公司',
  district_code: YUBEI,
  years: { '2025': { operating_revenue: 8600, rd_expense: 420, employees_period_end: 96 } },
});
const yubeiSensors = smallProfile({
  credit_code: creditCode(YUBEI, 202),
  name: '重庆仙桃传感科技有限公司',
  district_code: YUBEI,
  years: { '2025': { operating_revenue: 2300, rd_expense: 310, employees_period_end: 41 } },
});
const jiangbeiValves = smallProfile({
  credit_code: creditCode(JIANGBEI, 203),
  name: '重庆观音桥阀门股份有限公司',
  district_code: JIANGBEI,
  years: { '2025': { operating_revenue: 15400, rd_expense: 520, employees_period_end: 230 } },
});

describe('三级权限：区县工作人员只看本区县，企业用户只看本企业', () => {
  let harness: Harness;

  beforeAll(async () => {
    // Every request re-reads its session, so an idle timeout written to the database shows at once.
    process.env.SESSION_CACHE_SECONDS = '0';
    harness = await startHarness({ signInBrowser: false });
    for (const profile of [yubeiGears, yubeiSensors, jiangbeiValves]) await harness.putProfile(profile);
    await harness.createDemoAccounts([yubeiGears.credit_code, yubeiSensors.credit_code]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('signs a district officer in through the login page and shows only 渝北区', async () => {
    const { page } = harness;
    await harness.signInThroughPage('demo_district_500112', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await eventually(() => page.getByTestId('current-user').textContent()).toContain('渝北区');
    await eventually(() => page.getByTestId('current-user-role').textContent()).toBe('区县经信部门工作人员 · 渝北区');

    const overview = page.locator('.ant-card', { hasText: '企业总览 · 渝北区' });
    await eventually(() => overview.locator('.ant-statistic', { hasText: '企业总数' }).locator('.ant-statistic-content').textContent()).toBe('2');
    expect(await page.locator('.ant-card', { hasText: '区县企业数排名' }).count()).toBe(0);
    await page.locator('.ant-card', { hasText: '有效称号企业数' }).locator('canvas').first().waitFor();

    const menu = page.locator('.app-sider .ant-menu-root');
    expect(await menu.textContent()).toContain('企业库');
    expect(await menu.textContent()).not.toContain('系统管理');
    await page.waitForTimeout(1_200); // let ECharts finish its entry animation before the screenshot
    await page.screenshot({ path: '/tmp/tidu-access-district-dashboard.png', fullPage: true });

    await page.getByRole('menuitem', { name: '企业库' }).click();
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await eventually(() => page.getByTestId('registry-total').textContent()).toBe('共 2 家');
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
    expect(names.sort()).toEqual([yubeiGears.name, yubeiSensors.name].sort());
  });

  it('shows the 403 page with the server message for a 江北区 portrait URL, and for 系统管理 pages', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises/${jiangbeiValves.credit_code}`);
    const forbidden = page.getByTestId('forbidden-page');
    await forbidden.waitFor();
    expect(await forbidden.locator('.ant-result-title').textContent()).toBe('无权访问');
    expect(await page.getByTestId('forbidden-message').textContent()).toContain(`您无权访问企业“${jiangbeiValves.credit_code}”`);
    expect(await page.content()).not.toContain(jiangbeiValves.name);
    await page.screenshot({ path: '/tmp/tidu-access-forbidden.png', fullPage: true });

    await forbidden.getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);

    await page.goto(`${baseUrl}/admin/users`);
    await eventually(() => page.getByTestId('forbidden-message').textContent()).toBe('您的账号角色无权使用该功能。');

    // Its own district's portrait opens.
    await page.goto(`${baseUrl}/enterprises/${yubeiGears.credit_code}`);
    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(yubeiGears.name);
  });

  it('sends to the login page with 「登录已超时」 when the session ends while in use', async () => {
    const { page, db } = harness;
    await db.query(`update identity.session set last_seen_at = now() - interval '31 minutes'`);
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await eventually(() => page.getByTestId('session-expired').textContent()).toContain('登录已超时，请重新登录');
    await page.screenshot({ path: '/tmp/tidu-access-session-expired.png' });
  });

  it('lands an enterprise user on its own portrait with only 本企业 pages', async () => {
    const { page, baseUrl } = harness;
    await harness.signInThroughPage('demo_enterprise', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/enterprises/${yubeiGears.credit_code}`);
    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(yubeiGears.name);
    const menu = page.locator('.app-sider .ant-menu-root');
    expect(await menu.textContent()).toContain('本企业');
    for (const officersOnly of ['工作台', '企业库', '主动发现', '系统管理']) expect(await menu.textContent()).not.toContain(officersOnly);
    await page.screenshot({ path: '/tmp/tidu-access-enterprise.png', fullPage: true });

    await page.goto(`${baseUrl}/enterprises/${yubeiSensors.credit_code}`);
    await eventually(() => page.getByTestId('forbidden-message').textContent()).toContain(yubeiSensors.credit_code);
  });
});
