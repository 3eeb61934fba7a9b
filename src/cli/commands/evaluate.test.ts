import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { randomProfiles } from '../../standards/testing/random-profiles.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const example = join(root, 'src/standards/fixtures/profile-example.json');
const dir = mkdtempSync(join(tmpdir(), 'tidu-evaluate-'));

function tidu(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/tidu.js', 'evaluate', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tidu evaluate', () => {
  it('评价合同示例：输出一个 JSON 文档，退出码 0', () => {
    const file = join(dir, 'example.json');
    writeFileSync(file, JSON.stringify({ enterprises: [JSON.parse(readFileSync(example, 'utf8'))] }));
    const { code, stdout } = tidu(file, '--as-of', '2026-06-30', '--standards', 'little_giant,innovative_sme');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.as_of).toBe('2026-06-30');
    expect(out.application).toBe('new');
    expect(Object.keys(out.results[0].standards)).toEqual(['little_giant', 'innovative_sme']);
    expect(out.results[0].standards.little_giant.status).toBe('not_qualified');
  });

  it('单个画像文件（非数组）也按合同要求报错', () => {
    const { code, stderr } = tidu(example, '--as-of', '2026-06-30');
    expect(code).toBe(1);
    expect(stderr).toContain('JSON 数组');
  });

  it('5000 个画像', () => {
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(randomProfiles(5000, { seed: 3 })));
    const { code, stdout } = tidu(file, '--as-of', '2026-06-30', '--application', 're_review');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.results).toHaveLength(5000);
    expect(out.results[0].standards.little_giant.version).toBe('2022');
  });

  it('画像有误：中文错误指明下标与键，退出码非零', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ credit_code: 'A' }, { credit_code: 'B', years: { '2025': { rd_expense: '很多' } } }]));
    const { code, stdout, stderr } = tidu(file, '--as-of', '2026-06-30');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('第 2 个企业画像（下标 1）的 years.2025.rd_expense：应为数字');
  });

  it('参数有误：退出码 2', () => {
    expect(tidu(example, '--as-of', '2026-13-01').code).toBe(2);
    expect(tidu(example).code).toBe(2);
    const unknown = tidu(example, '--as-of', '2026-06-30', '--standards', 'unicorn');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的标准');
    expect(tidu(example, '--as-of', '2026-06-30', '--application', 'renew').code).toBe(2);
  });
});

