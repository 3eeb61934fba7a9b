import { useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Dropdown, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { setForbiddenHandler } from './api/client.ts';
import type { Me } from './api/types.ts';
import { loginPathFor, useAuth, useNavigation } from './auth/AuthContext.tsx';
import { bindingOf, useDistrictNames } from './auth/grants.ts';
import { isOpenIn, menuKeyFor, type NavGroup } from './navigation.tsx';
import { ForbiddenPage } from './pages/errors/ForbiddenPage.tsx';

const { Header, Sider, Content, Footer } = Layout;

function menuItemsOf(navigation: NavGroup[]): MenuProps['items'] {
  return navigation.map((group) =>
    group.pages.length === 1 && group.pages[0].label === group.label
      ? { key: group.pages[0].path, icon: group.icon, label: group.label }
      : {
          key: group.key,
          icon: group.icon,
          label: group.label,
          children: group.pages.map((page) => ({ key: page.path, label: page.label })),
        },
  );
}

function groupKeyOf(navigation: NavGroup[], path: string | undefined): string | undefined {
  return navigation.find((group) => group.pages.some((page) => page.path === path))?.key;
}

/** A page whose data the server refused to show, with the server's reason. */
interface Refusal {
  locationKey: string;
  message: string;
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const { state, logout } = useAuth();
  const { navigation } = useNavigation();
  const menuItems = useMemo(() => menuItemsOf(navigation), [navigation]);
  const selectedKey = menuKeyFor(location.pathname, navigation);
  const selectedKeys = useMemo(() => (selectedKey ? [selectedKey] : []), [selectedKey]);
  const [openKeys, setOpenKeys] = useState<string[]>(() => [groupKeyOf(navigation, selectedKey) ?? 'registry']);

  useEffect(() => {
    const group = groupKeyOf(navigation, selectedKey);
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [navigation, selectedKey]);

  // A 403 on reading a page's data replaces that page (not the next one) with the 403 page.
  const [refusal, setRefusal] = useState<Refusal>();
  const locationKey = useRef(location.key);
  locationKey.current = location.key;
  useEffect(() => {
    setForbiddenHandler((error) => setRefusal({ locationKey: locationKey.current, message: error.message }));
    return () => setForbiddenHandler(null);
  }, []);

  if (state.status === 'loading') return <Spin className="page-loading" size="large" />;
  if (state.status === 'signed_out') return <Navigate to={loginPathFor(location)} replace />;
  if (state.status === 'signed_in' && state.me.must_change_password && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }

  const content = !isOpenIn(location.pathname, navigation) ? (
    <ForbiddenPage message="您的账号角色无权使用该功能。" />
  ) : refusal?.locationKey === location.key ? (
    <ForbiddenPage message={refusal.message} />
  ) : (
    <Outlet />
  );

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <div className="app-logo" aria-hidden>
          梯
        </div>
        <Typography.Title level={4} className="app-title">
          梯度 · 重庆市优质中小企业梯度培育平台
        </Typography.Title>
        <span className="app-org">重庆市经济和信息化委员会</span>
        {state.status === 'signed_in' && (
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
              ],
              onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/account/password')),
            }}
          >
            <span className="app-user" data-testid="current-user">
              <CurrentUser me={state.me} /> <DownOutlined />
            </span>
          </Dropdown>
        )}
      </Header>
      <Layout>
        <Sider width={208} theme="light" className="app-sider" breakpoint="lg" collapsible>
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={selectedKeys}
            openKeys={openKeys}
            onOpenChange={(keys) => setOpenKeys(keys as string[])}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Layout className="app-main">
          <Content className="app-content">{content}</Content>
          <Footer className="app-footer">重庆市经济和信息化委员会 · 梯度培育数字化应用</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

const ROLE_TAG_STYLE = { marginInlineEnd: 0, marginInlineStart: 8, color: '#fff', background: 'rgba(255,255,255,0.16)', border: 'none' };

/** 「渝北区经济信息委 [区县经信部门工作人员 · 渝北区]」: who is signed in, in which roles and for which unit. */
function CurrentUser({ me }: { me: Me }) {
  const districtNames = useDistrictNames(!me.must_change_password);
  return (
    <>
      <UserOutlined /> <span data-testid="current-user-name">{me.display_name}</span>
      {me.roles.map((grant) => {
        // An enterprise's credit code is too long for the header; its portrait names it.
        const binding = grant.role === 'enterprise_user' ? null : bindingOf(grant, districtNames);
        return (
          <Tag key={`${grant.role}-${binding ?? ''}`} style={ROLE_TAG_STYLE} data-testid="current-user-role">
            {grant.role_label}
            {binding && ` · ${binding}`}
          </Tag>
        );
      })}
    </>
  );
}
