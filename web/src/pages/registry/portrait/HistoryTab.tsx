import { Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api } from '../../../api/client.ts';
import { actorLabel } from '../../../components/ProvenanceTip.tsx';
import type { HistoryEntry } from '../../../api/types.ts';
import { entityFieldLabel, entityLabel } from '../../../lib/fields.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';

interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The keys a revision changed; lists and scalars count as one change. */
function changesOf(entry: HistoryEntry): FieldChange[] {
  const { before, after } = entry;
  if (isRecord(before) || isRecord(after)) {
    const previous = isRecord(before) ? before : {};
    const next = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
    return keys
      .filter((key) => !sameValue(previous[key], next[key]))
      .map((key) => ({ key, before: previous[key], after: next[key] }));
  }
  return [{ key: '', before, after }];
}

function displayValue(value: unknown) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return `${value.length} 项`;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return String(value);
}

export function HistoryTab({ creditCode, version }: { creditCode: string; version: number }) {
  const history = useApi(() => api.history(creditCode), [creditCode, version]);
  if (history.loading && !history.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const items = history.data?.items ?? [];
  if (!items.length) return <Empty description="暂无变更记录" />;

  const columns: TableProps<HistoryEntry>['columns'] = [
    {
      title: '时间',
      key: 'at',
      width: 150,
      render: (_, entry) => formatDateTime(entry.change_set.at),
    },
    { title: '数据项', dataIndex: 'entity', width: 130, render: (entity: string) => entityLabel(entity) },
    {
      title: '变更内容（原值 → 新值）',
      key: 'changes',
      render: (_, entry) => {
        const changes = changesOf(entry);
        if (entry.before === null || entry.before === undefined) {
          return (
            <Space size={4} wrap>
              <Tag color="green">新增</Tag>
              {changes.length > 1 ? `${changes.length} 项数据` : displayValue(entry.after)}
            </Space>
          );
        }
        return (
          <Space orientation="vertical" size={2}>
            {changes.map((change) => (
              <span key={change.key}>
                {change.key && <Typography.Text strong>{entityFieldLabel(entry.entity, change.key)}：</Typography.Text>}
                <Typography.Text delete type="secondary">
                  {displayValue(change.before)}
                </Typography.Text>
                {' → '}
                <Typography.Text>{displayValue(change.after)}</Typography.Text>
              </span>
            ))}
          </Space>
        );
      },
    },
    {
      title: '来源',
      key: 'source',
      width: 200,
      render: (_, entry) => (
        <Space orientation="vertical" size={0}>
          <Tag color="blue">{entry.change_set.source_label || entry.change_set.source}</Tag>
          {entry.change_set.source_ref && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {entry.change_set.source_ref}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '操作人', key: 'actor', width: 120, render: (_, entry) => actorLabel(entry.change_set.actor) },
  ];

  return (
    <Table<HistoryEntry>
      rowKey={(entry) => String(entry.id)}
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}
