import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, eventually, startHarness, type Harness } from './harness.ts';
import { creditCode, smallProfile, type SeedProfile } from './fixtures.ts';

const YUBEI = '500112';
const TEMPLATE_PATH = '/tmp/tidu-import-template.xlsx';
const UPLOAD_PATH = '/tmp/tidu-import-basics.xlsx';
const UPDATE_PATH = '/tmp/tidu-import-update.xlsx';
const EXPORT_PATH = '/tmp/tidu-import-export.xlsx';
const FAILING_PATH = '/tmp/tidu-import-failing.xlsx';

const newEnterprises = [
  { credit_code: creditCode(YUBEI, 601), name: '重庆梯度导入甲智能科技有限公司' },
  { credit_code: creditCode(YUBEI, 602), name: '重庆梯度导入乙精密制造有限公司' },
  { credit_code: creditCode(YUBEI, 603), name: '重庆梯度导入丙新材料有限公司' },
];
const validCode = creditCode(YUBEI, 604);
/** The same first 17 characters with another check character: the 18th no longer matches. */
const wrongCheckCode = validCode.slice(0, 17) + (validCode.endsWith('0') ? '1' : '0');
const unknownDistrictCode = creditCode(YUBEI, 605);

/** Cells of a basics row, keyed by the template's Chinese headers. */
type BasicsRow = Record<string, string>;
const basicsRow = (code: string, name: string, district = '渝北区'): BasicsRow => ({
  统一社会信用代码: code,
  企业名称: name,
  所属区县: district,
  国民经济行业代码: '3484',
  成立日期: '2018-06-01',
});

/** Fills the downloaded template's data sheet from row 2 on, under its own headers. */
async function fillTemplate(templatePath: string, rows: BasicsRow[], outputPath: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet('企业基本信息')!;
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 2);
    for (const [header, value] of Object.entries(cells)) {
      const column = headers.indexOf(header);
      if (column < 1) throw new Error(`the template has no column ${header}`);
      row.getCell(column).value = value;
    }
    row.commit();
  });
  await workbook.xlsx.writeFile(outputPath);
}

describe('导入向导与导入记录', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function uploadThroughWizard(filePath: string) {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/exchange/import`);
    await choose(page, 'import-kind', '企业基本信息');
    await page.locator('input[type=file]').setInputFiles(filePath);
    await page.getByTestId('count-new').waitFor();
  }

  async function searchRegistry(keyword: string) {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/enterprises`);
    await page.getByPlaceholder('企业名称或统一社会信用代码').fill(keyword);
    await page.getByPlaceholder('企业名称或统一社会信用代码').press('Enter');
    await eventually(() => new URL(page.url()).searchParams.get('q')).toBe(keyword);
  }

  it('imports the template: two bad rows reported with their reasons, the rest committed, found in the registry, then undone', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/exchange/import`);
    await page.getByTestId('template-basics').waitFor();
    await page.screenshot({ path: '/tmp/tidu-import-upload.png', fullPage: true });
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-basics').click()]);
    expect(template.suggestedFilename()).toBe('企业基本信息导入模板.xlsx');
    await template.saveAs(TEMPLATE_PATH);
    await fillTemplate(
      TEMPLATE_PATH,
      [
        ...newEnterprises.map((enterprise) => basicsRow(enterprise.credit_code, enterprise.name)),
        basicsRow(wrongCheckCode, '重庆梯度导入丁校验位有限公司'),
        basicsRow(unknownDistrictCode, '重庆梯度导入戊外星有限公司', '火星区'),
      ],
      UPLOAD_PATH,
    );

    await uploadThroughWizard(UPLOAD_PATH);
    await eventually(() => page.getByTestId('count-new').textContent()).toBe('新增3行');
    await eventually(() => page.getByTestId('count-rejected').textContent()).toBe('拒绝2行');

    // Rejected rows come first, one line per problem: sheet, row, column, code and the reason in Chinese.
    const problems = page.getByRole('tabpanel').locator('tr.ant-table-row');
    await eventually(() => problems.count()).toBe(2);
    const lines = (await problems.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(lines[0]).toMatch(/^企业基本信息 5 统一社会信用代码 错误 INVALID_CREDIT_CODE .*校验/);
    expect(lines[1]).toMatch(/^企业基本信息 6 所属区县 错误 UNKNOWN_DISTRICT “火星区”不是重庆市 41 个区县/);
    await page.screenshot({ path: '/tmp/tidu-import-preview.png', fullPage: true });

    await page.getByRole('button', { name: '下一步：确认提交' }).click();
    await expect(page.getByTestId('confirm-counts').textContent()).resolves.toContain('新增3 行');
    await page.getByText('拒绝的行不会导入（2 行）').waitFor();
    await page.screenshot({ path: '/tmp/tidu-import-confirm.png', fullPage: true });
    await page.getByRole('button', { name: /确认提\s*交/ }).click();
    await eventually(() => page.getByTestId('import-result').textContent()).toContain('新增 3 行');
    await page.screenshot({ path: '/tmp/tidu-import-result.png', fullPage: true });

    await searchRegistry('梯度导入');
    await eventually(() => page.getByTestId('registry-total').textContent()).toBe('共 3 家');
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
    expect(names.sort()).toEqual(newEnterprises.map((enterprise) => enterprise.name).sort());
    await page.screenshot({ path: '/tmp/tidu-import-registry.png', fullPage: true });
    // 导出 Excel takes the filter on screen: the workbook holds exactly the three enterprises found.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    await exported.saveAs(EXPORT_PATH);
    const exportedBook = new ExcelJS.Workbook();
    await exportedBook.xlsx.readFile(EXPORT_PATH);
    const exportedCodes = exportedBook.getWorksheet('企业名录')!.getColumn(1).values.slice(2);
    expect(exportedCodes.sort()).toEqual(newEnterprises.map((enterprise) => enterprise.credit_code).sort());

    await page.goto(`${baseUrl}/exchange/history`);
    const batch = page.locator('tr.ant-table-row', { hasText: 'tidu-import-basics.xlsx' });
    await eventually(() => batch.textContent()).toContain('已导入');
    await expect(batch.textContent()).resolves.toContain('3 / 0 / 0 / 2');
    await batch.getByRole('button', { name: /撤\s*销/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /撤\s*销/ }).click();
    await eventually(() => batch.textContent()).toContain('已撤销');
    await page.screenshot({ path: '/tmp/tidu-import-history.png', fullPage: true });

    await searchRegistry('梯度导入');
    await eventually(() => page.getByTestId('registry-total').textContent()).toBe('共 0 家');
  });

  it('shows an update as old → new, and refuses an undo when a value changed later, naming it', async () => {
    const { page, baseUrl } = harness;
    const existing = smallProfile({ credit_code: creditCode(YUBEI, 611), name: '重庆梯度更新测试有限公司', district_code: YUBEI, years: {} });
    await harness.putProfile(existing);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业基本信息');
    sheet.addRow(['统一社会信用代码', '企业名称', '所属区县', '国民经济行业代码']);
    sheet.addRow([existing.credit_code, existing.name, '渝北区', '3911']);
    await workbook.xlsx.writeFile(UPDATE_PATH);

    await uploadThroughWizard(UPDATE_PATH);
    await eventually(() => page.getByTestId('count-updated').textContent()).toBe('更新1行');
    await expect(page.getByTestId('row-change').first().textContent()).resolves.toBe('国民经济行业代码：3484 → 3911');
    await page.screenshot({ path: '/tmp/tidu-import-updated.png', fullPage: true });
    await page.getByRole('button', { name: '下一步：确认提交' }).click();
    await page.getByRole('button', { name: /确认提\s*交/ }).click();
    await eventually(() => page.getByTestId('import-result').textContent()).toContain('更新 1 行');

    // Someone corrects the industry after the import: undoing would overwrite that, so the server refuses.
    const corrected: SeedProfile = { ...existing, industry_code: '3922' };
    await harness.putProfile(corrected);
    await page.goto(`${baseUrl}/exchange/history`);
    const batch = page.locator('tr.ant-table-row', { hasText: 'tidu-import-update.xlsx' });
    await batch.getByRole('button', { name: /撤\s*销/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /撤\s*销/ }).click();
    const refusal = page.locator('.ant-modal-confirm-error');
    await eventually(() => refusal.textContent()).toContain('的国民经济行业在本次导入之后又被修改过');
    await page.locator('.ant-modal-confirm-confirm').waitFor({ state: 'detached' });
    await page.screenshot({ path: '/tmp/tidu-import-undo-refused.png', fullPage: true });
    await refusal.getByRole('button').click();
    await expect(batch.textContent()).resolves.toContain('已导入');
  });

  it('shows a commit the background job could not complete as failed, with the reason, and writes nothing', async () => {
    const { page, baseUrl, db } = harness;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业基本信息');
    sheet.addRow(['统一社会信用代码', '企业名称', '所属区县', '国民经济行业代码']);
    sheet.addRow([creditCode(YUBEI, 621), '重庆梯度提交失败有限公司', '渝北区', '3484']);
    await workbook.xlsx.writeFile(FAILING_PATH);
    await uploadThroughWizard(FAILING_PATH);
    await eventually(() => page.getByTestId('count-new').textContent()).toBe('新增1行');

    // The stored upload is damaged after the preview: the worker's commit cannot read it again and gives up.
    const batchId = Number(new URL(page.url()).searchParams.get('batch'));
    await db.query(`update intake.batch set file = $2 where id = $1`, [batchId, Buffer.from('PK\u0003\u0004 damaged')]);
    await page.getByRole('button', { name: '下一步：确认提交' }).click();
    await page.getByRole('button', { name: /确认提\s*交/ }).click();
    const failure = page.getByTestId('import-failure');
    await eventually(() => failure.textContent()).toContain('提交失败，企业库未作任何改动');
    await expect(failure.textContent()).resolves.toContain('无法读取 Excel 文件');
    await page.screenshot({ path: '/tmp/tidu-import-commit-failed.png', fullPage: true });

    await page.goto(`${baseUrl}/exchange/history`);
    const batch = page.locator('tr.ant-table-row', { hasText: 'tidu-import-failing.xlsx' });
    await eventually(() => batch.textContent()).toContain('无法导入');
    expect((await db.query(`select 1 from registry.enterprise where name = '重庆梯度提交失败有限公司'`)).length).toBe(0);
  });
});
