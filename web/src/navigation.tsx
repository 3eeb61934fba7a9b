import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  RadarChartOutlined,
  SettingOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';

export interface NavPage {
  path: string;
  label: string;
  /** What the page will do, shown while it is not built yet. */
  coming?: string;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  pages: NavPage[];
}

/** Every capability of the product brief, in the order officers work through them. */
export const NAVIGATION: NavGroup[] = [
  {
    key: 'home',
    label: '工作台',
    icon: <DashboardOutlined />,
    pages: [{ path: '/dashboard', label: '工作台' }],
  },
  {
    key: 'registry',
    label: '企业库',
    icon: <BankOutlined />,
    pages: [
      { path: '/enterprises', label: '企业名录' },
      { path: '/portrait', label: '企业画像' },
    ],
  },
  {
    key: 'standards',
    label: '认定标准',
    icon: <FileSearchOutlined />,
    pages: [{ path: '/standards', label: '标准与参数' }],
  },
  {
    key: 'discovery',
    label: '主动发现',
    icon: <RadarChartOutlined />,
    pages: [
      {
        path: '/discovery/candidates',
        label: '候选企业',
      },
      {
        path: '/discovery/gaps',
        label: '差距分析',
        coming: '对标下一梯度的认定标准，逐项列出未达标指标及差额，给出最省力的达标路径，并支持修改数据后的模拟测算。',
      },
      {
        path: '/discovery/key-lists',
        label: '重点清单',
      },
    ],
  },
  {
    key: 'recognition',
    label: '认定管理',
    icon: <AuditOutlined />,
    pages: [
      { path: '/recognition/todo', label: '待办与通知' },
      {
        path: '/recognition/batches',
        label: '申报批次',
        coming: '按年度与标准设立申报批次，设定申报、初审、复审与公示时间。',
      },
      {
        path: '/recognition/review',
        label: '申报审核',
        coming: '企业自评申报 → 区县初审 → 市级复审与专家评分 → 公示 → 认定，每一步留痕，并自动标记异常数据。',
      },
      {
        path: '/recognition/dynamic',
        label: '动态管理',
        coming: '有效期跟踪、到期复核、撤销与摘牌管理。',
      },
    ],
  },
  {
    key: 'service',
    label: '企业服务',
    icon: <CustomerServiceOutlined />,
    pages: [
      {
        path: '/service/commissioners',
        label: '服务专员',
        coming: '服务专员分配与覆盖率统计、走访记录、“一企一策”培育方案。',
      },
      {
        path: '/service/demands',
        label: '企业诉求',
        coming: '企业吹哨、部门报到：诉求分派、限时办理、督办升级、答复办结与满意度评价，含拖欠账款投诉。',
      },
    ],
  },
  {
    key: 'enablement',
    label: '精准赋能',
    icon: <ThunderboltOutlined />,
    pages: [
      {
        path: '/enablement/policies',
        label: '政策匹配',
        coming: '政策条件规则化，政策找企业、企业找政策双向匹配。',
      },
      {
        path: '/enablement/finance',
        label: '融资对接',
        coming: '专精特新贷、渝链贷等金融产品，融资画像与推送银行的白名单。',
      },
    ],
  },
  {
    key: 'chains',
    label: '产业链',
    icon: <ApartmentOutlined />,
    pages: [
      {
        path: '/chains/map',
        label: '链图谱',
        coming: '33条重点产业链的上中下游企业分布、链主企业、缺少优质企业的薄弱环节与供应链风险清单。',
      },
    ],
  },
  {
    key: 'targets',
    label: '目标监测',
    icon: <AimOutlined />,
    pages: [
      {
        path: '/targets/list',
        label: '目标清单',
        coming: '全市目标清单（2024/2025/2027年目标及责任单位），按企业库实时计算进度并预测能否完成。',
      },
      {
        path: '/targets/ranking',
        label: '区县排名',
        coming: '41个区县（含两江新区、重庆高新区、万盛经开区）的目标进度排名与晾晒通报。',
      },
    ],
  },
  {
    key: 'exchange',
    label: '数据交换',
    icon: <SwapOutlined />,
    pages: [
      {
        path: '/exchange/import',
        label: '导入',
        coming: 'Excel/CSV 批量导入，提供中文表头模板下载，逐行报错，重复导入不产生重复数据。',
      },
      {
        path: '/exchange/export',
        label: '导出',
        coming: '各类清单与报表导出为 Excel。',
      },
    ],
  },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    pages: [
      {
        path: '/admin/users',
        label: '用户',
        coming: '市级、区县、服务机构三级用户与企业、金融机构账号管理，按权限范围控制数据访问。',
      },
      {
        path: '/admin/audit',
        label: '审计日志',
        coming: '全部操作的审计记录查询。',
      },
    ],
  },
];

export const ALL_PAGES: NavPage[] = NAVIGATION.flatMap((group) => group.pages);

/** The menu entry a location belongs to: an enterprise's portrait belongs to 企业画像. */
export function menuKeyFor(pathname: string): string {
  if (/^\/enterprises\/[^/]+/.test(pathname)) return '/portrait';
  const match = ALL_PAGES.filter((page) => pathname === page.path || pathname.startsWith(`${page.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  return match?.path ?? '/dashboard';
}
