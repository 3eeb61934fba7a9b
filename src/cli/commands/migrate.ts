import { readConfig } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';

export async function run(): Promise<number> {
  const db = await openDatabase(readConfig());
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `已执行迁移：\n${applied.map((name) => `  ${name}`).join('\n')}\n` : '数据库已是最新，无需迁移\n');
    return 0;
  } finally {
    await db.close();
  }
}
