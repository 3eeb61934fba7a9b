import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import type { District, UserAccount } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { bindingOf } from '../../auth/grants.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../auth/roles.ts';
import { formatDateTime } from '../../lib/format.ts';
import { loadDistricts } from '../../lib/reference.ts';
import { useApi } from '../../lib/useApi.ts';
import { GrantFields, toGrant, type GrantFormValue } from './GrantFields.tsx';
import { OneTimePasswordModal, type IssuedPassword } from './OneTimePasswordModal.tsx';

interface UserForm {
  username: string;
  display_name: string;
  grants: GrantFormValue[];
}

/** The editor of a user: a new one, or the roles of an existing one. */
type Editing = { kind: 'create' } | { kind: 'roles'; user: UserAccount };

async function loadUsersPage(): Promise<{ users: UserAccount[]; districts: District[] }> {
  const [users, districts] = await Promise.all([api.users(), loadDistricts()]);
  return { users, districts };
}

/** 用户管理 (市级管理员): accounts of the three tiers, their roles and bindings, state, and the one-time passwords. */
export default function UsersPage() {
  const { message } = App.useApp();
  const { state } = useAuth();
  const ownUsername = state.status === 'signed_in' ? state.me.username : undefined;
  const loaded = useApi(loadUsersPage, []);
  const districts = useMemo(() => loaded.data?.districts ?? [], [loaded.data]);
  const districtNames = useMemo(() => new Map(districts.map((district) => [district.code, district.name])), [districts]);
  const [search, setSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role>();
  const [editing, setEditing] = useState<Editing>();
  const [issued, setIssued] = useState<IssuedPassword>();

  const users = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (loaded.data?.users ?? []).filter(
      (user) =>
        (!needle || user.username.toLowerCase().includes(needle) || user.display_name.toLowerCase().includes(needle)) &&
        (!roleFilter || user.grants.some((grant) => grant.role === roleFilter)),
    );
  }, [loaded.data, search, roleFilter]);

  async function setDisabled(user: UserAccount, disabled: boolean) {
    try {
      await api.updateUser(user.id, { disabled });
      message.success(disabled ? `已停用 ${user.username}，其登录会话已失效` : `已启用 ${user.username}`);
      loaded.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  async function resetPassword(user: UserAccount) {
    try {
      const result = await api.resetPassword(user.id);
      setIssued({ username: user.username, password: result.one_time_password, reason: 'reset' });
      loaded.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
          新建用户
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="用户名或姓名"
          aria-label="搜索用户"
          style={{ width: 240 }}
          onSearch={setSearch}
          onChange={(event) => !event.target.value && setSearch('')}
        />
        <Select<Role>
          allowClear
          placeholder="全部角色"
          aria-label="按角色筛选"
          style={{ width: 220 }}
          value={roleFilter}
          onChange={setRoleFilter}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <Typography.Text type="secondary">共 {users.length} 个账号</Typography.Text>
      </Space>
      <Table<UserAccount>
        rowKey="id"
        size="middle"
        loading={loaded.loading}
        dataSource={users}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 200 },
          { title: '姓名 / 单位', dataIndex: 'display_name' },
          {
            title: '角色与管辖范围',
            key: 'grants',
            render: (_, user) => (
              <Space orientation="vertical" size={2}>
                {user.grants.map((grant, index) => {
                  const binding = bindingOf(grant, districtNames);
                  return (
                    <span key={index}>
                      <Tag color={grant.role === 'city_admin' ? 'red' : 'blue'}>{grant.role_label}</Tag>
                      {binding && <Typography.Text type="secondary">{binding}</Typography.Text>}
                    </span>
                  );
                })}
              </Space>
            ),
          },
          { title: '状态', key: 'state', width: 220, render: (_, user) => <UserState user={user} /> },
          { title: '创建时间', dataIndex: 'created_at', width: 150, render: (value: string) => formatDateTime(value) },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_, user) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing({ kind: 'roles', user })}>
                  编辑角色
                </Button>
                <Popconfirm
                  title={`重置 ${user.username} 的密码？`}
                  description="将生成新的一次性密码，该用户现有登录会话失效，下次登录须修改密码。"
                  okText="重置"
                  cancelText="取消"
                  onConfirm={() => resetPassword(user)}
                >
                  <Button type="link" size="small">
                    重置密码
                  </Button>
                </Popconfirm>
                {user.disabled ? (
                  <Button type="link" size="small" onClick={() => setDisabled(user, false)}>
                    启用
                  </Button>
                ) : (
                  <Popconfirm
                    title={`停用 ${user.username}？`}
                    description="停用后该用户不能登录，现有会话立即失效。"
                    okText="停用"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => setDisabled(user, true)}
                    disabled={user.username === ownUsername}
                  >
                    <Tooltip title={user.username === ownUsername ? '不能停用当前登录的账号' : undefined}>
                      <Button type="link" size="small" danger disabled={user.username === ownUsername}>
                        停用
                      </Button>
                    </Tooltip>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserEditor
        editing={editing}
        districts={districts}
        onClose={() => setEditing(undefined)}
        onCreated={(created) => {
          setEditing(undefined);
          setIssued(created);
          loaded.reload();
        }}
        onSaved={() => {
          setEditing(undefined);
          loaded.reload();
        }}
      />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(undefined)} />
    </Card>
  );
}

/** 正常, or every reason the account cannot be used as is: 已停用, 已锁定至 …, 须修改密码. */
function UserState({ user }: { user: UserAccount }) {
  const locked = user.locked_until && dayjs(user.locked_until).isAfter(dayjs()) ? user.locked_until : null;
  if (!user.disabled && !locked && !user.must_change_password) return <Tag color="success">正常</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      {user.disabled && <Tag color="default">已停用</Tag>}
      {locked && <Tag color="error">已锁定至 {dayjs(locked).format('MM-DD HH:mm')}</Tag>}
      {user.must_change_password && <Tag color="warning">须修改密码</Tag>}
    </Space>
  );
}

function UserEditor({
  editing,
  districts,
  onClose,
  onCreated,
  onSaved,
}: {
  editing: Editing | undefined;
  districts: District[];
  onClose: () => void;
  onCreated: (issued: IssuedPassword) => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const creating = editing?.kind === 'create';

  async function save() {
    const values = await form.validateFields();
    const grants = values.grants.map(toGrant);
    setSaving(true);
    try {
      if (editing?.kind === 'roles') {
        await api.updateUser(editing.user.id, { display_name: values.display_name.trim(), grants });
        message.success(`已更新 ${editing.user.username} 的角色，其现有登录会话已失效`);
        onSaved();
      } else {
        const username = values.username.trim();
        const created = await api.createUser({ username, display_name: values.display_name.trim(), grants });
        onCreated({ username, password: created.one_time_password, reason: 'created' });
      }
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const initialValues: Partial<UserForm> =
    editing?.kind === 'roles'
      ? { username: editing.user.username, display_name: editing.user.display_name, grants: editing.user.grants }
      : { grants: [{}] };

  return (
    <Modal
      open={!!editing}
      title={creating ? '新建用户' : `编辑角色：${editing?.kind === 'roles' ? editing.user.username : ''}`}
      width={680}
      okText={creating ? '创建并生成一次性密码' : '保存'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {editing && (
        <Form<UserForm> form={form} layout="vertical" initialValues={initialValues} requiredMark preserve={false}>
          <Form.Item
            name="username"
            label="用户名"
            extra={creating ? '3 至 40 位字母、数字、下划线、点或连字符，创建后不可修改。' : undefined}
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: '用户名为 3 至 40 位字母、数字、下划线、点或连字符' },
            ]}
          >
            <Input disabled={!creating} autoComplete="off" placeholder="如 yubei_zhangwei" />
          </Form.Item>
          <Form.Item name="display_name" label="姓名 / 单位" rules={[{ required: true, whitespace: true, message: '请输入姓名或单位名称' }]}>
            <Input maxLength={60} placeholder="如 渝北区经济信息委 张伟" />
          </Form.Item>
          <Form.Item label="角色与管辖范围" required>
            <GrantFields districts={districts} />
          </Form.Item>
          {!creating && (
            <Typography.Text type="secondary">保存后该用户的现有登录会话将失效，需重新登录后按新角色使用系统。</Typography.Text>
          )}
        </Form>
      )}
    </Modal>
  );
}
