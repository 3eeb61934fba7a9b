import { useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Dropdown, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { loginPathFor, useAuth } from './auth/AuthContext.tsx';
import { NAVIGATION, menuKeyFor } from './navigation.tsx';

const { Header, Sider, Content, Footer } = Layout;

const menuItems: MenuProps['items'] = NAVIGATION.map((group) =>
  group.pages.length === 1 && group.pages[0].label === group.label
    ? { key: group.pages[0].path, icon: group.icon, label: group.label }
    : {
        key: group.key,
        icon: group.icon,
        label: group.label,
        children: group.pages.map((page) => ({ key: page.path, label: page.label })),
      },
);

function groupKeyOf(path: string): string | undefined {
  return NAVIGATION.find((group) => group.pages.some((page) => page.path === path))?.key;
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const selectedKey = menuKeyFor(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => [groupKeyOf(selectedKey) ?? 'registry']);

  useEffect(() => {
    const group = groupKeyOf(selectedKey);
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [selectedKey]);

  const selectedKeys = useMemo(() => [selectedKey], [selectedKey]);
  const { state, logout } = useAuth();

  if (state.status === 'loading') return <Spin className="page-loading" size="large" />;
  if (state.status === 'signed_out') return <Navigate to={loginPathFor(location)} replace />;
  if (state.status === 'signed_in' && state.me.must_change_password && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }

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
              <UserOutlined /> {state.me.display_name}
              {state.me.roles[0] && <span className="app-user-role">（{state.me.roles[0].role_label}）</span>}{' '}
              <DownOutlined />
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
          <Content className="app-content">
            <Outlet />
          </Content>
          <Footer className="app-footer">重庆市经济和信息化委员会 · 梯度培育数字化应用</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
