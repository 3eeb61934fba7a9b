import { Card, Table, Tag } from 'antd';
import { useApi } from '../../lib/useApi.ts';
import { ASSESSMENT_LABELS, wf } from './workflowApi.ts';

interface Recognition { id: number; enterprise_name: string; credit_code: string; standard_name: string; certificate_no: string; issue_date: string; expiry_date: string; status: string }
interface Overview {
  today: string;
  annual_updates: (Recognition & { year: number; deadline: string; status: string; status_label: string })[];
  re_reviews_due: (Recognition & { days_left: number; warning_status: string | null; failing_criteria: string[] })[];
  expired: Recognition[];
  change_reports: { id: number; enterprise_name: string; change_type_label: string; change_date: string; reported_on: string; late: boolean; description: string }[];
  revocations: { id: number; enterprise_name: string; reason_label: string; reason: string; decided_on: string; ban_until: string | null; titles_ended: string[] }[];
}

const base = [
  { title: '企业', dataIndex: 'enterprise_name' },
  { title: '称号', dataIndex: 'standard_name' },
  { title: '证书编号', dataIndex: 'certificate_no' },
  { title: '有效期至', dataIndex: 'expiry_date' },
];

export default function DynamicPage() {
  const overview = useApi(() => wf.get<Overview>('/api/workflow/dynamic'), []);
  const o = overview.data;
  return (
    <>
      <Card title="年度数据更新（每年 5 月 31 日前）" loading={overview.loading} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.annual_updates ?? []} columns={[...base, { title: '状态', dataIndex: 'status_label', render: (label: string, r: Overview['annual_updates'][number]) => <Tag color={r.status === 'done' ? 'green' : r.status === 'overdue' ? 'red' : 'orange'}>{label}</Tag> }]} />
      </Card>
      <Card title="复核预警（半年内到期）" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.re_reviews_due ?? []} columns={[
          ...base,
          { title: '剩余天数', dataIndex: 'days_left' },
          { title: '按复核标准预评', dataIndex: 'warning_status', render: (s: string | null) => (s ? <Tag color={ASSESSMENT_LABELS[s]?.color}>{ASSESSMENT_LABELS[s]?.label}</Tag> : '—') },
          { title: '未达标指标', dataIndex: 'failing_criteria', render: (c: string[]) => c.join('；') || '—' },
        ]} />
      </Card>
      <Card title="已到期" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.expired ?? []} columns={base} />
      </Card>
      <Card title="重大变化报告（应于 3 个月内报告）" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.change_reports ?? []} columns={[
          { title: '企业', dataIndex: 'enterprise_name' },
          { title: '类型', dataIndex: 'change_type_label' },
          { title: '变化日期', dataIndex: 'change_date' },
          { title: '报告日期', dataIndex: 'reported_on', render: (d: string, r: Overview['change_reports'][number]) => <span>{d} {r.late && <Tag color="red">逾期报告</Tag>}</span> },
          { title: '说明', dataIndex: 'description' },
        ]} />
      </Card>
      <Card title="撤销认定">
        <Table rowKey="id" size="small" dataSource={o?.revocations ?? []} columns={[
          { title: '企业', dataIndex: 'enterprise_name' },
          { title: '原因', dataIndex: 'reason_label' },
          { title: '说明', dataIndex: 'reason' },
          { title: '决定日期', dataIndex: 'decided_on' },
          { title: '禁止申报至', dataIndex: 'ban_until', render: (d: string | null) => d ?? '—' },
        ]} />
      </Card>
    </>
  );
}
