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
  ShopOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { CITY_ROLES, GOVERNMENT_ROLES, REGISTRY_BROWSERS, STAFF_ROLES, type Role } from './auth/roles.ts';

export interface NavPage {
  path: string;
  label: string;
  /** What the page will do, shown while it is not built yet. */
  coming?: string;
  /** Who may open the page, when not everyone the group is shown to. */
  roles?: readonly Role[];
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  /** Who sees the group's pages (a page may narrow this with its own roles). */
  roles: readonly Role[];
  pages: NavPage[];
}

/** 本企业 → 企业画像: sends an enterprise user to the portrait of the enterprise its account is bound to. */
export const OWN_ENTERPRISE_PATH = '/my-enterprise';

/** Every capability of the product brief, in the order officers work through them. */
export const NAVIGATION: NavGroup[] = [
  {
    key: 'home',
    label: '工作台',
    icon: <DashboardOutlined />,
    roles: REGISTRY_BROWSERS,
    pages: [{ path: '/dashboard', label: '工作台' }],
  },
  {
    key: 'own',
    label: '本企业',
    icon: <ShopOutlined />,
    roles: ['enterprise_user'],
    // An enterprise user works only on its own enterprise: the recognition pages it uses are listed here, not
    // under 认定管理 (the server scopes them to the enterprise).
    pages: [
      { path: OWN_ENTERPRISE_PATH, label: '企业画像' },
      { path: '/recognition/todo', label: '待办与通知' },
      { path: '/recognition/batches', label: '认定申报' },
      { path: '/recognition/review', label: '本企业申报' },
      { path: '/recognition/dynamic', label: '年度更新与变化报告' },
    ],
  },
  {
    key: 'registry',
    label: '企业库',
    icon: <BankOutlined />,
    roles: REGISTRY_BROWSERS,
    pages: [
      { path: '/enterprises', label: '企业名录' },
      { path: '/portrait', label: '企业画像' },
    ],
  },
  {
    key: 'standards',
    label: '认定标准',
    icon: <FileSearchOutlined />,
    roles: STAFF_ROLES,
    pages: [{ path: '/standards', label: '标准与参数' }],
  },
  {
    key: 'discovery',
    label: '主动发现',
    icon: <RadarChartOutlined />,
    roles: GOVERNMENT_ROLES,
    pages: [
      {
        path: '/discovery/candidates',
        label: '候选企业',
      },
      {
        path: '/discovery/gaps',
        label: '差距分析',
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
    roles: [...GOVERNMENT_ROLES, 'commissioner', 'expert'],
    pages: [
      { path: '/recognition/todo', label: '待办与通知' },
      {
        path: '/recognition/batches',
        label: '申报批次',
        roles: GOVERNMENT_ROLES,
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
        roles: GOVERNMENT_ROLES,
      },
      // The city keeps the pool; an expert declares their own conflicts of interest there.
      { path: '/recognition/experts', label: '专家库', roles: [...CITY_ROLES, 'expert'] },
    ],
  },
  {
    key: 'service',
    label: '企业服务',
    icon: <CustomerServiceOutlined />,
    roles: [...GOVERNMENT_ROLES, 'commissioner'],
    pages: [
      {
        path: '/service/commissioners',
        label: '服务专员',
        coming: '服务专员分配与覆盖率统计、走访记录、“一企一策”培育方案。',
      },
      {
        path: '/service/demands',
        label: '企业诉求',
        roles: [...GOVERNMENT_ROLES, 'commissioner', 'department_handler'],
        coming: '企业吹哨、部门报到：诉求分派、限时办理、督办升级、答复办结与满意度评价，含拖欠账款投诉。',
      },
    ],
  },
  {
    key: 'enablement',
    label: '精准赋能',
    icon: <ThunderboltOutlined />,
    roles: [...GOVERNMENT_ROLES, 'commissioner'],
    pages: [
      {
        path: '/enablement/policies',
        label: '政策匹配',
        coming: '政策条件规则化，政策找企业、企业找政策双向匹配。',
      },
      {
        path: '/enablement/finance',
        label: '融资对接',
        roles: [...GOVERNMENT_ROLES, 'bank_viewer'],
        coming: '专精特新贷、渝链贷等金融产品，融资画像与推送银行的白名单。',
      },
    ],
  },
  {
    key: 'chains',
    label: '产业链',
    icon: <ApartmentOutlined />,
    roles: GOVERNMENT_ROLES,
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
    roles: GOVERNMENT_ROLES,
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
    roles: GOVERNMENT_ROLES,
    pages: [
      { path: '/exchange/import', label: '导入' },
      { path: '/exchange/history', label: '导入记录' },
      { path: '/exchange/export', label: '导出' },
    ],
  },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    roles: ['city_admin'],
    pages: [
      { path: '/admin/users', label: '用户管理' },
      { path: '/admin/audit', label: '审计日志' },
    ],
  },
];

export const ALL_PAGES: NavPage[] = NAVIGATION.flatMap((group) => group.pages);

/** The menu as the holder of `roles` sees it: only the pages those roles may use, and no empty group. */
export function navigationFor(roles: ReadonlySet<Role>): NavGroup[] {
  return NAVIGATION.map((group) => ({
    ...group,
    pages: group.pages.filter((page) => (page.roles ?? group.roles).some((role) => roles.has(role))),
  })).filter((group) => group.pages.length > 0);
}

/** Where a user starts: the first page of their menu (an enterprise user: its own portrait). */
export function homePathOf(navigation: NavGroup[]): string {
  return navigation[0]?.pages[0]?.path ?? '/account/password';
}

/**
 * The menu entries a location belongs to, one per group that lists it: an enterprise's portrait belongs to
 * 企业画像 (officers' or 本企业's), a page's sub-pages to the page.
 */
function pagesAt(pathname: string): NavPage[] {
  if (/^\/enterprises\/[^/]+/.test(pathname)) {
    return ALL_PAGES.filter((page) => page.path === '/portrait' || page.path === OWN_ENTERPRISE_PATH);
  }
  const matching = ALL_PAGES.filter((page) => pathname === page.path || pathname.startsWith(`${page.path}/`));
  const longest = Math.max(0, ...matching.map((page) => page.path.length));
  return matching.filter((page) => page.path.length === longest);
}

/** The entry of `navigation` to highlight for a location, if it has one. */
export function menuKeyFor(pathname: string, navigation: NavGroup[]): string | undefined {
  const visible = new Set(navigation.flatMap((group) => group.pages.map((page) => page.path)));
  return pagesAt(pathname).find((page) => visible.has(page.path))?.path;
}

/** Whether a location is open to whoever sees `navigation`; places outside the menu (修改密码) are open to all. */
export function isOpenIn(pathname: string, navigation: NavGroup[]): boolean {
  return pagesAt(pathname).length === 0 || menuKeyFor(pathname, navigation) !== undefined;
}
