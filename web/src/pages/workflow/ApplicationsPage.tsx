import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { ASSESSMENT_LABELS, STATE_COLORS, wf, type ApplicationSummary } from './workflowApi.ts';

export default function ApplicationsPage() {
  const list = useApi(() => wf.get<{ items: ApplicationSummary[] }>('/api/workflow/applications'), []);
  return (
    <Card title="申报审核">
      <Table<ApplicationSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '企业', dataIndex: 'enterprise_name', render: (name: string, a) => <Link to={`/recognition/applications/${a.id}`}>{name}</Link> },
          { title: '批次', dataIndex: 'batch_title' },
          { title: '状态', dataIndex: 'state_label', render: (label: string, a) => <Tag color={STATE_COLORS[a.state]}>{label}</Tag> },
          { title: '自评', dataIndex: 'assessment_status', render: (s: string | null) => (s ? <Tag color={ASSESSMENT_LABELS[s]?.color}>{ASSESSMENT_LABELS[s]?.label ?? s}</Tag> : '—') },
          { title: '数据审核标记', dataIndex: 'flag_count', render: (n: number) => (n ? <Tag color="red">{n} 项</Tag> : '—') },
          { title: '专家评分', dataIndex: 'review_progress', render: (p: ApplicationSummary['review_progress']) => (p ? `${p.scored}/${p.assigned}` : '—') },
          { title: '更新时间', dataIndex: 'updated_at', render: formatDateTime },
        ]}
      />
    </Card>
  );
}
