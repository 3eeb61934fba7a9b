import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { todayIso } from '../../platform/dates.ts';

const cli = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['bin/tidu.js', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });

describe('tidu user and tidu audit', () => {
  it('creates an account with a one-time password and exports the audit log that recorded it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidu-cli-'));
    const created = cli(['user', 'create', '--username', 'yubei_officer', '--role', 'district_officer', '--district', '500112', '--display-name', '渝北区 王科长'], dataDir);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/一次性密码：\S{10,}/);

    const missingDistrict = cli(['user', 'create', '--username', 'nobody', '--role', 'district_officer'], dataDir);
    expect(missingDistrict.status).not.toBe(0);
    expect(missingDistrict.stderr).toContain('须绑定区县');

    // Dates on the command line are China dates, as the audit log's are read.
    const today = todayIso();
    const out = join(dataDir, 'audit.xlsx');
    const exported = cli(['audit', 'export', '--from', '2020-01-01', '--to', today, '--out', out], dataDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toContain('操作');
    const actions = sheet.getColumn(5).values;
    expect(actions).toContain('创建用户');
  }, 60_000);
});
