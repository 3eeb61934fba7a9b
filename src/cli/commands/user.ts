import { systemActor } from '../../platform/audit.ts';
import { readConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { migrate } from '../../platform/migrate.ts';
import { ROLES, type Role } from '../../platform/policy.ts';
import { createUser } from '../../modules/identity/use-cases/manage-users.ts';
import { createUserBody } from '../../modules/identity/use-cases/manage-users.types.ts';
import { parseArgs } from '../args.ts';

const USAGE = `用法：tidu user create --username 用户名 --role 角色 [--display-name 姓名] [--district 区县代码] [--enterprise 信用代码] [--department 部门] [--institution 机构]
角色：${ROLES.join('、')}`;

export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const text = (key: string) => {
    const value = options.get(key);
    return typeof value === 'string' ? value : null;
  };
  if (positional[0] !== 'create' || !text('username') || !text('role')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const parsed = createUserBody.safeParse({
    username: text('username'),
    display_name: text('display-name') ?? text('username'),
    grants: [{ role: text('role') as Role, district_code: text('district'), credit_code: text('enterprise'), department: text('department'), institution: text('institution') }],
  });
  if (!parsed.success) {
    process.stderr.write(`参数有误：${parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；')}\n${USAGE}\n`);
    return 2;
  }
  const db = await openDatabase(readConfig());
  try {
    await migrate(db);
    const created = await createUser(db, systemActor('tidu user create'), parsed.data);
    process.stdout.write(`已创建用户 ${created.username}\n一次性密码：${created.one_time_password}\n首次登录后须修改密码。\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
