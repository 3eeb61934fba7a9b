import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { useAuth, useNavigation } from '../../auth/AuthContext.tsx';

interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { message } = App.useApp();
  const { state, refresh } = useAuth();
  const { homePath } = useNavigation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const [submitting, setSubmitting] = useState(false);
  const mustChange = state.status === 'signed_in' && state.me.must_change_password;

  async function submit(values: PasswordChange) {
    setSubmitting(true);
    try {
      await api.changePassword(values.current, values.next);
      message.success('密码已修改');
      await refresh();
      navigate(homePath, { replace: true });
    } catch (err) {
      const fieldErrors = fieldErrorsOf(err);
      if (fieldErrors.length) form.setFields(fieldErrors);
      else message.error((err as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {mustChange && (
        <Alert type="warning" showIcon title="首次登录或密码已被重置，请先修改密码后再使用系统。" style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordChange> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label="新密码"
          extra="至少 10 位，包含大写字母、小写字母、数字、特殊字符中的至少三类，且不能包含用户名。"
          rules={[{ required: true, message: '请输入新密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}

const FORM_FIELDS: Record<string, keyof PasswordChange> = { current_password: 'current', new_password: 'next' };

/** The server's reasons (`details: [{ key, message }]`) under the fields they concern. */
function fieldErrorsOf(err: unknown): { name: keyof PasswordChange; errors: string[] }[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  const byField = new Map<keyof PasswordChange, string[]>();
  for (const detail of err.details as { key?: string; message?: string }[]) {
    const field = detail.key ? FORM_FIELDS[detail.key] : undefined;
    if (field && detail.message) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
