import ExcelJS from 'exceljs';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import * as repo from '../repository.ts';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login.success': '登录成功',
  'auth.login.failure': '登录失败',
  'auth.logout': '退出登录',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.password.reset': '重置密码',
  'user.password.change': '修改密码',
  'enterprise.profile.create': '新建企业画像',
  'enterprise.profile.update': '更正企业画像',
  'enterprise.portrait.view': '查看企业画像',
  'registry.demo.load': '生成演示数据',
  'audit.export': '导出审计日志',
};

export function describeAudit(row: repo.AuditRow) {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    actor_role: row.actor_role,
    action: row.action,
    action_label: AUDIT_ACTION_LABELS[row.action] ?? row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    summary: row.summary,
    client_ip: row.client_ip,
  };
}

export async function searchAuditLog(db: Db, filter: repo.AuditFilter, limit: number) {
  const rows = await repo.searchAudit(db, filter, limit + 1);
  const items = rows.slice(0, limit).map(describeAudit);
  return { items, next_before_id: rows.length > limit ? items.at(-1)!.id : null };
}

/** Writes the audit log of a period to .xlsx; the export itself is audited in the same transaction as the read. */
export async function exportAuditLog(db: Db, actor: Actor, filter: repo.AuditFilter): Promise<Buffer> {
  return db.transaction(async (tx) => {
    const rows = await repo.searchAudit(tx, filter, 1_000_000);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('审计日志');
    sheet.columns = [
      { header: '编号', key: 'id', width: 10 },
      { header: '时间', key: 'at', width: 22 },
      { header: '操作人', key: 'actor', width: 22 },
      { header: '角色', key: 'actor_role', width: 22 },
      { header: '操作', key: 'action_label', width: 18 },
      { header: '对象类型', key: 'object_type', width: 14 },
      { header: '对象', key: 'object_id', width: 24 },
      { header: '客户端地址', key: 'client_ip', width: 16 },
      { header: '摘要', key: 'summary', width: 60 },
    ];
    for (const row of rows) {
      const view = describeAudit(row);
      sheet.addRow({ ...view, at: view.at.replace('T', ' ').slice(0, 19), summary: view.summary === null ? '' : JSON.stringify(view.summary) });
    }
    sheet.getRow(1).font = { bold: true };
    await writeAudit(tx, actor, { action: 'audit.export', objectType: 'audit_log', objectId: null, summary: { ...filter, rows: rows.length } });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  });
}
