import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import type { AuditEntry, AuditFilter } from '../../api/types.ts';
import { roleLabelsOf } from '../../auth/roles.ts';
import { AUDIT_ACTION_OPTIONS } from './auditActions.ts';

interface FilterForm {
  period?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  object_id?: string;
}

const OBJECT_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  enterprise: '企业',
  audit_log: '审计日志',
  registry: '企业库',
};

const SUMMARY_STYLE = { margin: 0, maxHeight: 360, overflow: 'auto', fontSize: 12, padding: 12, background: '#fafafa' } as const;

function toFilter(form: FilterForm): AuditFilter {
  const [from, to] = form.period ?? [];
  return {
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
    actor: form.actor?.trim() || undefined,
    action: form.action || undefined,
    object_id: form.object_id?.trim() || undefined,
  };
}

/** Saves a downloaded file under its own name, through a temporary link. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 审计日志 (市级管理员): who did what to which object, when and from where; newest first, 50 at a time. */
export default function AuditLogPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api.audit(filter).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setNextBeforeId(page.next_before_id);
        setLoading(false);
      },
      (err: Error) => {
        if (!current) return;
        setLoading(false);
        message.error(err.message);
      },
    );
    return () => {
      current = false;
    };
  }, [filter, message]);

  async function loadMore() {
    if (nextBeforeId === null) return;
    setLoading(true);
    try {
      const page = await api.audit(filter, nextBeforeId);
      setItems((previous) => [...previous, ...page.items]);
      setNextBeforeId(page.next_before_id);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  async function exportExcel() {
    setExporting(true);
    try {
      const { blob, filename } = await api.auditExport(filter);
      saveFile(blob, filename);
      message.success('已导出，导出操作本身也已记入审计日志');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card title="审计日志">
      <Form<FilterForm> form={form} layout="inline" onFinish={(values) => setFilter(toFilter(values))} style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="period" label="时间">
          <DatePicker.RangePicker allowEmpty={[true, true]} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="用户名" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            options={AUDIT_ACTION_OPTIONS}
            style={{ width: 220 }}
            aria-label="操作类型"
          />
        </Form.Item>
        <Form.Item name="object_id" label="对象">
          <Input allowClear placeholder="用户名或统一社会信用代码" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              重置
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportExcel}>
              导出 Excel
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        expandable={{
          expandedRowRender: (entry) => (
            <pre style={SUMMARY_STYLE} data-testid="audit-summary">
              {JSON.stringify(entry.summary, null, 2)}
            </pre>
          ),
          rowExpandable: (entry) => entry.summary !== null,
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'at',
            width: 170,
            render: (at: string) => <span className="figure">{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span>,
          },
          { title: '操作人', dataIndex: 'actor', width: 160 },
          { title: '角色', dataIndex: 'actor_role', width: 180, render: (roles: string | null) => roleLabelsOf(roles) },
          {
            title: '操作',
            key: 'action',
            width: 130,
            render: (_, entry) => (
              <Tag color={entry.action.endsWith('.failure') ? 'error' : entry.action.startsWith('auth.') ? 'default' : 'blue'}>
                {entry.action_label}
              </Tag>
            ),
          },
          {
            title: '对象',
            key: 'object',
            width: 240,
            render: (_, entry) =>
              entry.object_id ? (
                <span>
                  <Typography.Text type="secondary">{OBJECT_TYPE_LABELS[entry.object_type] ?? entry.object_type}</Typography.Text>{' '}
                  {entry.object_id}
                </span>
              ) : (
                (OBJECT_TYPE_LABELS[entry.object_type] ?? entry.object_type)
              ),
          },
          { title: '客户端地址', dataIndex: 'client_ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          {
            title: '摘要',
            dataIndex: 'summary',
            ellipsis: true,
            render: (summary: unknown) =>
              summary === null ? <Typography.Text type="secondary">—</Typography.Text> : <code>{JSON.stringify(summary)}</code>,
          },
        ]}
        footer={() => (
          <div style={{ textAlign: 'center' }}>
            {nextBeforeId !== null ? (
              <Button onClick={loadMore} loading={loading}>
                加载更多
              </Button>
            ) : (
              <Typography.Text type="secondary">{items.length ? `已全部显示，共 ${items.length} 条` : ''}</Typography.Text>
            )}
          </div>
        )}
      />
    </Card>
  );
}
