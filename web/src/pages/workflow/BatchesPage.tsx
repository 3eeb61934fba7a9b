import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useApi } from '../../lib/useApi.ts';
import { hasRole, wf, type Batch } from './workflowApi.ts';

const STANDARDS = [
  { value: 'specialized_sme', label: '专精特新中小企业' },
  { value: 'innovative_sme', label: '创新型中小企业' },
  { value: 'cq_single_champion', label: '重庆市级制造业单项冠军' },
  { value: 'cq_gazelle', label: '重庆瞪羚企业' },
  { value: 'cq_unicorn', label: '重庆独角兽企业' },
  { value: 'cq_potential_unicorn', label: '重庆潜在独角兽企业' },
];

export default function BatchesPage() {
  const { state } = useAuth();
  const roles = state.status === 'signed_in' ? state.me.roles : [];
  const isCity = hasRole(roles, 'city_admin', 'city_officer');
  const isEnterprise = hasRole(roles, 'enterprise_user');
  const batches = useApi(() => wf.get<{ items: Batch[] }>('/api/workflow/batches'), []);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  async function apply(batch: Batch) {
    try {
      const { id } = await wf.post<{ id: number }>('/api/workflow/applications', { batch_id: batch.id });
      navigate(`/recognition/applications/${id}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  async function create() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    try {
      await wf.post('/api/workflow/batches', values);
      message.success('已设立申报批次');
      setCreating(false);
      batches.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  return (
    <Card
      title="申报批次"
      extra={isCity && <Button type="primary" onClick={() => setCreating(true)}>设立批次</Button>}
    >
      <Table<Batch>
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '批次', dataIndex: 'title', render: (title: string, batch) => <Link to={`/recognition/batches/${batch.id}`}>{title}</Link> },
          { title: '规则版本', dataIndex: 'rule_version' },
          { title: '申报时间', render: (_, b) => `${b.window_start} 至 ${b.window_end}` },
          { title: '区县初审截止', dataIndex: 'district_review_deadline' },
          { title: '市级评审截止', dataIndex: 'city_review_deadline' },
          { title: '阶段', dataIndex: 'phase_label', render: (label: string, b) => <Tag color={b.accepting ? 'green' : undefined}>{label}</Tag> },
          ...(isEnterprise
            ? [{ title: '操作', key: 'apply', render: (_: unknown, b: Batch) => b.accepting && <Button type="link" onClick={() => void apply(b)}>发起申报</Button> }]
            : []),
        ]}
      />
      <Modal title="设立申报批次" open={creating} onOk={() => void create()} onCancel={() => setCreating(false)} okText="设立" width={640}>
        <Form form={form} layout="vertical" initialValues={{ standard: 'specialized_sme', kind: 'new', year: new Date().getFullYear(), batch_no: 1, rule_version: '2026', publicity_working_days: 5, validity_years: 3, jump_factor: 3 }}>
          <Space wrap>
            <Form.Item name="standard" label="认定标准" rules={[{ required: true }]}><Select options={STANDARDS} style={{ width: 220 }} /></Form.Item>
            <Form.Item name="kind" label="类型"><Select options={[{ value: 'new', label: '新申报' }, { value: 're_review', label: '复核' }]} style={{ width: 120 }} /></Form.Item>
            <Form.Item name="year" label="年度"><InputNumber min={2020} max={2100} /></Form.Item>
            <Form.Item name="batch_no" label="批次号"><InputNumber min={1} max={99} /></Form.Item>
            <Form.Item name="rule_version" label="规则版本"><Input style={{ width: 100 }} /></Form.Item>
          </Space>
          <Space wrap>
            {(['window_start', 'window_end', 'district_review_deadline', 'city_review_deadline'] as const).map((name, i) => (
              <Form.Item key={name} name={name} label={['申报开始', '申报截止', '区县初审截止', '市级评审截止'][i]} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
                <Input placeholder="2026-11-21" style={{ width: 130 }} />
              </Form.Item>
            ))}
          </Space>
          <Space wrap>
            <Form.Item name="publicity_working_days" label="公示期（工作日）"><InputNumber min={1} max={30} /></Form.Item>
            <Form.Item name="validity_years" label="有效期（年）"><InputNumber min={1} max={10} /></Form.Item>
            <Form.Item name="jump_factor" label="同比变动标记阈值（倍）"><InputNumber min={1.1} max={100} step={0.5} /></Form.Item>
          </Space>
          <Typography.Text type="secondary">公示期按周一至周五计算，未扣除法定节假日，跨节假日时请顺延结束日期。</Typography.Text>
        </Form>
      </Modal>
    </Card>
  );
}
