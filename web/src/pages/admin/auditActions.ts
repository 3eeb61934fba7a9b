/**
 * The 操作 filter of 审计日志. The server matches an action by prefix, so a group ("auth.login") finds all its
 * actions; the labels are the server's (src/modules/identity/use-cases/audit-log.ts AUDIT_ACTION_LABELS).
 */
export const AUDIT_ACTION_OPTIONS: { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: '登录与账号',
    options: [
      { value: 'auth.login', label: '登录（成功与失败）' },
      { value: 'auth.login.success', label: '登录成功' },
      { value: 'auth.login.failure', label: '登录失败' },
      { value: 'auth.logout', label: '退出登录' },
      { value: 'user.password.change', label: '修改密码' },
    ],
  },
  {
    label: '用户管理',
    options: [
      { value: 'user.create', label: '创建用户' },
      { value: 'user.update', label: '修改用户（停用、角色）' },
      { value: 'user.password.reset', label: '重置密码' },
    ],
  },
  {
    label: '企业数据',
    options: [
      { value: 'enterprise.portrait.view', label: '查看企业画像' },
      { value: 'enterprise.profile', label: '新建或更正企业画像' },
      { value: 'registry.demo.load', label: '生成演示数据' },
    ],
  },
  {
    label: '业务办理',
    options: [
      { value: 'workflow.', label: '认定流程（全部操作）' },
      { value: 'discovery.', label: '主动发现（全部操作）' },
    ],
  },
  {
    label: '审计',
    options: [{ value: 'audit.export', label: '导出审计日志' }],
  },
];
