import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useDistrictNames } from '../../auth/grants.ts';
import { EnterprisePicker } from '../../components/EnterprisePicker.tsx';
import { useApi } from '../../lib/useApi.ts';
import { CREDIT_CODE_PATTERN, hasRole, useGrants, wf } from './workflowApi.ts';

interface Expert { id: number; username: string; name: string; district_code: string; specialty: string | null; active: boolean; conflicts: string[] }
interface ExpertValues { username: string; name: string; district_code: string; specialty?: string; active: boolean; conflicts: { credit_code: string; reason: string }[] }

/** 专家库: the city keeps the pool (GET/POST /api/workflow/experts); an expert declares their own conflicts of interest. */
export default function ExpertsPage() {
  const grants = useGrants();
  const isCity = hasRole(grants, 'city_admin', 'city_officer');
  const isExpert = hasRole(grants, 'expert');
  return (
    <>
      {isExpert && <OwnConflicts />}
      {isCity && <ExpertPool />}
    </>
  );
}

function ExpertPool() {
  const { message } = App.useApp();
  const experts = useApi(() => wf.get<{ items: Expert[] }>('/api/workflow/experts'), []);
  const districtNames = useDistrictNames();
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<ExpertValues>();

  function open(expert: Expert | 'new') {
    form.resetFields();
    if (expert !== 'new') form.setFieldsValue({ username: expert.username, name: expert.name, district_code: expert.district_code, specialty: expert.specialty ?? undefined, active: expert.active, conflicts: [] });
    setEditing(expert);
  }

  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setSaving(true);
    try {
      await wf.post('/api/workflow/experts', { ...values, specialty: values.specialty?.trim() || null, conflicts: values.conflicts ?? [] });
      message.success(editing === 'new' ? `已将“${values.name}”加入专家库` : `已更新“${values.name}”`);
      setEditing(null);
      experts.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const districtOptions = [...districtNames].map(([code, name]) => ({ value: code, label: `${name}（${code}）` }));
  return (
    <Card title="评审专家库" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>新增专家</Button>}>
      <Typography.Paragraph type="secondary">
        市级评审时从在库且启用的专家中随机抽取专家组，并为每份申报随机分配专家：自动回避与申报企业同一区县的专家，以及与申报企业存在利益关系的专家。
      </Typography.Paragraph>
      <Table<Expert>
        rowKey="id"
        size="small"
        loading={experts.loading}
        dataSource={experts.data?.items ?? []}
        locale={{ emptyText: '专家库暂无专家' }}
        data-testid="experts"
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '登录账号', dataIndex: 'username' },
          { title: '所在区县', dataIndex: 'district_code', render: (code: string) => districtNames.get(code) ?? code },
          { title: '专业领域', dataIndex: 'specialty', render: (s: string | null) => s ?? '—' },
          { title: '状态', dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '回避企业（利益关系）', dataIndex: 'conflicts', render: (codes: string[]) => (codes.length ? codes.map((code) => <Tag key={code}>{code}</Tag>) : '—') },
          { title: '操作', key: 'edit', render: (_: unknown, expert) => <Button type="link" size="small" onClick={() => open(expert)}>编辑</Button> },
        ]}
      />
      <Modal
        title={editing === 'new' ? '新增专家' : '编辑专家'}
        open={editing !== null}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        width={720}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ active: true, conflicts: [] }}>
          <Form.Item
            name="username"
            label="登录账号"
            extra="专家登录本平台所用的用户名（在“用户管理”中授予“评审专家”角色）；同一账号再次保存即为更新"
            rules={[{ required: true, message: '请填写登录账号' }, { max: 40, message: '不超过 40 个字符' }]}
          >
            <Input disabled={editing !== 'new'} data-testid="expert-username" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }, { max: 60, message: '不超过 60 个字' }]}>
            <Input data-testid="expert-name" />
          </Form.Item>
          <Form.Item name="district_code" label="所在区县（工作单位所在地，评审时回避本区县企业）" rules={[{ required: true, message: '请选择所在区县' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={districtOptions} placeholder="请选择区县" data-testid="expert-district" />
          </Form.Item>
          <Form.Item name="specialty" label="专业领域" rules={[{ max: 100, message: '不超过 100 个字' }]}>
            <Input placeholder="如：智能制造、新材料、财务审计" data-testid="expert-specialty" />
          </Form.Item>
          <Form.Item name="active" label="启用（可被抽取）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Typography.Text strong>登记利益关系（评审时回避以下企业）</Typography.Text>
          {editing !== 'new' && editing && editing.conflicts.length > 0 && (
            <Typography.Paragraph type="secondary">已登记：{editing.conflicts.join('、')}（此处新增的将一并保存）</Typography.Paragraph>
          )}
          <Form.List name="conflicts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[field.name, 'credit_code']} rules={[{ required: true, message: '请选择企业' }]} style={{ width: 380, marginBottom: 8 }}>
                      <EnterprisePicker onChange={(code) => form.setFieldValue(['conflicts', field.name, 'credit_code'], code)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'reason']} rules={[{ required: true, message: '请填写利益关系' }, { max: 200, message: '不超过 200 个字' }]} style={{ width: 220, marginBottom: 8 }}>
                      <Input placeholder="任职、持股、亲属、咨询服务等" />
                    </Form.Item>
                    <MinusCircleOutlined style={{ marginTop: 14 }} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>添加回避企业</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

/** An expert's own declaration: the enterprise is excluded from their later assignments. */
function OwnConflicts() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ credit_code: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [declared, setDeclared] = useState<{ credit_code: string; reason: string }[]>([]);

  async function declare() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const body = { credit_code: values.credit_code.trim().toUpperCase(), reason: values.reason };
    setSaving(true);
    try {
      await wf.post('/api/workflow/experts/me/conflicts', body);
      message.success('已申报利益关系，今后的评审分配将回避该企业');
      setDeclared((list) => [...list.filter((d) => d.credit_code !== body.credit_code), body]);
      form.resetFields();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="申报利益关系（回避）" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        与申报企业存在任职、持股、亲属关系，或近三年为其提供咨询服务的，应主动申报；申报后不再向您分配该企业的评审。已分配的评审请同时联系市经济信息委重新分配。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={() => void declare()}>
        <Form.Item
          name="credit_code"
          label="企业统一社会信用代码"
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            { transform: (v: string) => v?.trim().toUpperCase(), pattern: CREDIT_CODE_PATTERN, message: '应为 18 位统一社会信用代码' },
          ]}
        >
          <Input style={{ width: 220 }} data-testid="conflict-credit-code" />
        </Form.Item>
        <Form.Item name="reason" label="利益关系说明" rules={[{ required: true, message: '请填写利益关系说明' }, { max: 200, message: '不超过 200 个字' }]}>
          <Input style={{ width: 320 }} placeholder="任职、持股、亲属、近三年咨询服务等" data-testid="conflict-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>申报</Button>
      </Form>
      {declared.length > 0 && (
        <Table size="small" rowKey="credit_code" style={{ marginTop: 16 }} pagination={false} dataSource={declared} columns={[
          { title: '本次已申报的企业', dataIndex: 'credit_code' },
          { title: '利益关系', dataIndex: 'reason' },
        ]} />
      )}
    </Card>
  );
}
