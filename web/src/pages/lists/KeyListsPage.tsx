import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';
import { STANDARD_NAMES, STANDARD_STATUS } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { discoveryApi, type KeyList, type Member } from '../discovery/discoveryApi.ts';

const KIND_OPTIONS = [
  { value: 'district', label: '区县重点培育清单' },
  { value: 'specialized_pool', label: '专精特新培育库' },
  { value: 'champion_city', label: '市级单项冠军培育清单' },
  { value: 'champion_national', label: '国家级单项冠军培育清单' },
  { value: 'ipo_reserve', label: '拟上市企业储备库' },
  { value: 'demonstration', label: '年度示范企业' },
];
const MOVEMENT: Record<Member['movement'], { label: string; color: string }> = {
  reached: { label: '已达标', color: 'green' },
  lost: { label: '不再达标', color: 'red' },
  closer: { label: '更接近', color: 'cyan' },
  further: { label: '差距扩大', color: 'orange' },
  unchanged: { label: '无变化', color: 'default' },
  unknown: { label: '无评价数据', color: 'default' },
};

/** 重点清单与培育库: lists per district and year, the city's pools, members with reasons and movement since added. */
export default function KeyListsPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [selected, setSelected] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);
  const lists = useApi(() => discoveryApi.keyLists({ year }), [year, reload]);
  const districts = useApi(() => api.districts(), []);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    try {
      const list = await discoveryApi.createKeyList({ ...values, year });
      message.success(`已新建：${list.name}`);
      setCreating(false);
      setSelected(list.id);
      setReload((n) => n + 1);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <div className="page-stack">
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>重点清单与培育库</Typography.Title>
          <InputNumber value={year} min={2020} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" />
          <Button type="primary" onClick={() => setCreating(true)}>新建清单</Button>
        </Space>
      </Card>
      <Table<KeyList>
        rowKey="id"
        size="small"
        loading={lists.loading}
        dataSource={lists.data?.items ?? []}
        pagination={false}
        onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '清单', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind_label' },
          { title: '区县', dataIndex: 'district_name', render: (v: string | null) => v ?? '全市' },
          { title: '培育目标', dataIndex: 'standard', render: (id: string) => STANDARD_NAMES[id] ?? id },
          { title: '成员', render: (_, row) => (row.capacity ? `${row.members} / 计划 ${row.capacity}` : row.members) },
          { title: '创建人', dataIndex: 'created_by' },
        ]}
      />
      {selected && <ListMembers id={selected} onChanged={() => setReload((n) => n + 1)} />}
      <Modal title="新建清单" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="新建" cancelText="取消">
        <Form form={form} layout="vertical" initialValues={{ kind: 'district' }}>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('kind') === 'district' && (
                <Form.Item name="district_code" label="区县">
                  <Select allowClear placeholder="默认本人所在区县" options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="name" label="名称（可不填，按类型和年度生成）">
            <Input maxLength={80} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function StatusTag({ status }: { status: keyof typeof STANDARD_STATUS | null }) {
  if (!status) return <Typography.Text type="secondary">无评价数据</Typography.Text>;
  return <Tag color={STANDARD_STATUS[status].color}>{STANDARD_STATUS[status].label}</Tag>;
}

function ListMembers({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const [history, setHistory] = useState(false);
  const [reload, setReload] = useState(0);
  const [adding, setAdding] = useState(false);
  const detail = useApi(() => discoveryApi.keyList(id, history), [id, history, reload]);
  const [form] = Form.useForm();
  const list = detail.data;

  const add = async () => {
    const values = await form.validateFields();
    try {
      await discoveryApi.addMember(id, values.credit_code.trim(), values.reason);
      message.success('已加入清单');
      setAdding(false);
      form.resetFields();
      setReload((n) => n + 1);
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const remove = (member: Member) => {
    let reason = '';
    modal.confirm({
      title: `将“${member.name}”移出清单`,
      content: <Input.TextArea placeholder="移出理由（必填）" onChange={(e) => (reason = e.target.value)} />,
      okText: '移出',
      cancelText: '取消',
      onOk: async () => {
        await discoveryApi.removeMember(id, member.credit_code, reason);
        setReload((n) => n + 1);
        onChanged();
      },
    });
  };

  return (
    <Card
      size="small"
      title={list ? `${list.name}（培育目标：${STANDARD_NAMES[list.standard] ?? list.standard}${list.run ? `，对照 ${list.run.as_of} 评价` : ''}）` : '清单成员'}
      extra={
        <Space>
          <span>显示已移出</span>
          <Switch checked={history} onChange={setHistory} />
          <Button onClick={() => setAdding(true)}>加入企业</Button>
          <Button href={`/api/key-lists/${id}/export`}>导出 Excel</Button>
        </Space>
      }
    >
      <Table<Member>
        rowKey={(row) => `${row.credit_code}-${row.added_at}`}
        size="small"
        loading={detail.loading}
        dataSource={list?.items ?? []}
        columns={[
          { title: '企业', dataIndex: 'name', render: (name: string, row) => <Link to={`/enterprises/${row.credit_code}?tab=gaps`}>{name}</Link> },
          { title: '区县', dataIndex: 'district_name', render: (v: string | null) => v ?? '—' },
          { title: '加入', render: (_, row) => `${formatDate(row.added_at)} ${row.added_by}：${row.add_reason}` },
          { title: '加入时', dataIndex: 'added_status', render: (v: Member['added_status'], row) => <Space><StatusTag status={v} />{row.added_unmet !== null && `差 ${row.added_unmet} 项`}</Space> },
          { title: '最新', dataIndex: 'current_status', render: (v: Member['current_status'], row) => <Space><StatusTag status={v} />{row.current_unmet !== null && `差 ${row.current_unmet} 项`}</Space> },
          { title: '变化', dataIndex: 'movement', render: (v: Member['movement']) => <Tag color={MOVEMENT[v].color}>{MOVEMENT[v].label}</Tag> },
          {
            title: '操作',
            render: (_, row) => (row.removed_at ? `${formatDate(row.removed_at)} 移出：${row.remove_reason}` : <Button size="small" danger onClick={() => remove(row)}>移出</Button>),
          },
        ]}
      />
      <Modal title="加入企业" open={adding} onOk={add} onCancel={() => setAdding(false)} okText="加入" cancelText="取消">
        <Form form={form} layout="vertical">
          <Form.Item name="credit_code" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="reason" label="加入理由" rules={[{ required: true, min: 2, message: '请填写加入理由' }]}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
