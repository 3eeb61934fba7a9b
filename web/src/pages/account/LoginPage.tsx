import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, List, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { DemoAccounts } from '../../api/types.ts';
import { heldRoles, useAuth, useNavigation } from '../../auth/AuthContext.tsx';
import { homePathOf, navigationFor } from '../../navigation.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths: a `next` pointing elsewhere would make the login page an open redirect. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export default function LoginPage() {
  const { message } = App.useApp();
  const { state, refresh } = useAuth();
  const { homePath } = useNavigation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [demo, setDemo] = useState<DemoAccounts>();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    api.demoAccounts().then(setDemo, () => setDemo(undefined));
  }, []);

  if (state.status === 'open' || (state.status === 'signed_in' && !state.me.must_change_password)) {
    return <Navigate to={next ?? homePath} replace />;
  }

  async function submit(credentials: Credentials) {
    setSubmitting(true);
    try {
      const result = await api.login(credentials.username.trim(), credentials.password);
      const session = await refresh();
      if (result.must_change_password) {
        message.warning('首次登录，请先修改密码');
        navigate('/account/password', { replace: true });
      } else {
        navigate(next ?? homePathOf(navigationFor(heldRoles(session))), { replace: true });
      }
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-brand">
        <div className="app-logo login-logo">梯</div>
        <Typography.Title level={2} className="login-title">
          梯度 · 重庆市优质中小企业梯度培育平台
        </Typography.Title>
        <Typography.Text className="login-subtitle">重庆市经济和信息化委员会</Typography.Text>
      </div>
      <Card className="login-card" title="用户登录">
        {state.status === 'signed_out' && state.reason === 'session_expired' && (
          <Alert type="warning" showIcon title="登录已超时，请重新登录" style={{ marginBottom: 16 }} data-testid="session-expired" />
        )}
        <Form<Credentials> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登 录
          </Button>
        </Form>
        {demo && demo.accounts.length > 0 && (
          <Alert
            className="login-demo"
            type="info"
            title={`演示环境账号（密码：${demo.password ?? '—'}），点击填入`}
            description={
              <List
                size="small"
                dataSource={demo.accounts}
                renderItem={(account) => (
                  <List.Item
                    className="login-demo-account"
                    onClick={() => form.setFieldsValue({ username: account.username, password: demo.password ?? '' })}
                  >
                    <span>
                      <Typography.Text strong>{account.display_name}</Typography.Text>
                      <br />
                      <Typography.Text code>{account.username}</Typography.Text>
                    </span>
                    <Typography.Text type="secondary">{account.description}</Typography.Text>
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Card>
    </div>
  );
}
