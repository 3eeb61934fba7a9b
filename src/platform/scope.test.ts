import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScope, scopeAllows, scopeCondition } from './scope.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * Where the whole-city scope may be used without a signed-in user's scope, and why. A new use of systemScope()
 * fails this test until it is added here, so reading around a caller's scope is a decision, not an accident.
 */
const SYSTEM_SCOPE_USES: Record<string, string> = {
  'src/modules/discovery/use-cases/execute-chunk.ts': '评价任务遍历全市企业（结果按区县范围读取）',
  'src/modules/discovery/use-cases/apply-changes.ts': '数据变更后的增量评价',
  'src/modules/registry/use-cases/evaluation-feed.ts': '评价任务统计全市企业数',
  'src/modules/registry/use-cases/demo-enterprises.ts': '演示账号绑定演示企业',
  'src/modules/registry/use-cases/lookup-for-import.ts': '导入查重：跨区县的重复须报告，越权的行被拒绝而不读取其数据',
  'src/modules/workflow/use-cases/revoke.ts': '市级撤销认定（路由仅限市级角色）',
  'src/modules/workflow/use-cases/daily-run.ts': '每日到期与提醒任务',
  'src/modules/workflow/titles.ts': '认定结果写入企业资质（路由仅限市级角色）',
  'src/cli/commands/import.ts': '命令行导入由服务器管理员执行',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.startsWith('testing') ? [path] : [];
  });
}

describe('scope', () => {
  it('uses the whole-city scope only where a reason is written down', () => {
    const users = sourceFiles(join(root, 'src'))
      .filter((path) => readFileSync(path, 'utf8').includes('systemScope()'))
      .map((path) => relative(root, path))
      .filter((path) => path !== 'src/platform/scope.ts');
    expect(users.sort()).toEqual(Object.keys(SYSTEM_SCOPE_USES).sort());
  });

  it('admits an enterprise by district or by credit code, and everything for the city', () => {
    const district = makeScope({ all: false, districts: ['500112'], creditCodes: ['X1'] });
    expect(scopeAllows(district, { district_code: '500112', credit_code: 'A' })).toBe(true);
    expect(scopeAllows(district, { district_code: '500105', credit_code: 'X1' })).toBe(true);
    expect(scopeAllows(district, { district_code: '500105', credit_code: 'A' })).toBe(false);
    expect(scopeAllows(district, { district_code: null, credit_code: 'A' })).toBe(false);
    const params: unknown[] = [];
    expect(scopeCondition(makeScope({ all: true }), 'e', params)).toBe('true');
    expect(params).toEqual([]);
    expect(scopeCondition(district, 'e', params)).toBe('(e.district_code = any($1::text[]) or e.credit_code = any($2::text[]))');
  });
});
