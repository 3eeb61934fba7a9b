import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { titleName } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { ChangeReportModal } from './ChangeReportModal.tsx';
import { RevokeModal, type RevokeTarget } from './RevokeModal.tsx';
import { ASSESSMENT_LABELS, hasRole, ownEnterprises, useGrants, wf } from './workflowApi.ts';

export interface Recognition { id: number; application_id: number; enterprise_name: string; credit_code: string; district_code: string; standard: string; standard_name: string; certificate_no: string; issue_date: string; expiry_date: string; status: string }
export interface Overview {
  today: string;
  annual_updates: (Recognition & { year: number; deadline: string; status: string; status_label: string; confirmed_at: string | null })[];
  re_reviews_due: (Recognition & { days_left: number; warning_status: string | null; failing_criteria: string[] })[];
  expired: Recognition[];
  change_reports: { id: number; credit_code: string; enterprise_name: string; change_type_label: string; change_date: string; reported_on: string; late: boolean; description: string }[];
  revocations: { id: number; credit_code: string; enterprise_name: string; reason_label: string; reason: string; decided_on: string; ban_until: string | null; titles_ended: string[] }[];
}

const base = [
  { title: '企业', dataIndex: 'enterprise_name', render: (name: string, r: Recognition) => <Link to={`/enterprises/${r.credit_code}`}>{name}</Link> },
  { title: '称号', dataIndex: 'standard_name' },
  { title: '证书编号', dataIndex: 'certificate_no' },
  { title: '有效期至', dataIndex: 'expiry_date' },
];

const thisYear = new Date().getFullYear();
const YEAR_OPTIONS = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((year) => ({ value: year, label: `${year}年度` }));

export default function DynamicPage() {
  const grants = useGrants();
  const isCity = hasRole(grants, 'city_admin', 'city_officer');
  const isStaff = isCity || hasRole(grants, 'district_officer');
  const own = ownEnterprises(grants);
  return (
    <>
      {own.length > 0 && <OwnEnterpriseSection own={own} />}
      {isStaff && <OfficerSection isCity={isCity} />}
    </>
  );
}

/** Officers (city and district): the overview in their scope; 重大变化 for both, 撤销认定 for the city only (the server's policies). */
function OfficerSection({ isCity }: { isCity: boolean }) {
  const [year, setYear] = useState(thisYear);
  const overview = useApi(() => wf.get<Overview>(`/api/workflow/dynamic?year=${year}`), [year]);
  const [reporting, setReporting] = useState(false);
  const [revoking, setRevoking] = useState<RevokeTarget | null>(null);
  const o = overview.data;
  const revokeColumn = isCity
    ? [{ title: '操作', key: 'revoke', width: 90, render: (_: unknown, r: Recognition) => <Button type="link" danger size="small" onClick={() => setRevoking({ credit_code: r.credit_code, recognition_id: r.id })}>撤销认定</Button> }]
    : [];
  return (
    <>
      <Card
        title="动态管理"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Button onClick={() => setReporting(true)}>登记重大变化</Button>
            {isCity && <Button danger type="primary" onClick={() => setRevoking({})}>撤销认定</Button>}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          已认定企业须在每年 5 月 31 日前完成年度数据更新（由企业在“本企业”中确认）；发生重大变化应在 3 个月内报告；
          数据造假的撤销该企业全部梯度称号，且自撤销决定之日起 3 年内不得申报。
        </Typography.Text>
      </Card>
      <Card
        title="年度数据更新（每年 5 月 31 日前）"
        loading={overview.loading && !o}
        style={{ marginBottom: 16 }}
        extra={<Select value={year} onChange={setYear} options={YEAR_OPTIONS} style={{ width: 120 }} data-testid="annual-year" />}
      >
        <Table rowKey="id" size="small" dataSource={o?.annual_updates ?? []} locale={{ emptyText: `暂无须在${year}年更新数据的认定` }} columns={[
          ...base,
          { title: '状态', dataIndex: 'status_label', render: (label: string, r: Overview['annual_updates'][number]) => <Tag color={r.status === 'done' ? 'green' : r.status === 'overdue' ? 'red' : 'orange'}>{label}</Tag> },
          { title: '企业确认时间', dataIndex: 'confirmed_at', render: formatDateTime },
          ...revokeColumn,
        ]} />
      </Card>
      <Card title="复核预警（半年内到期）" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.re_reviews_due ?? []} locale={{ emptyText: '暂无半年内到期的认定' }} columns={[
          ...base,
          { title: '剩余天数', dataIndex: 'days_left' },
          { title: '按复核标准预评', dataIndex: 'warning_status', render: (s: string | null) => (s ? <Tag color={ASSESSMENT_LABELS[s]?.color}>{ASSESSMENT_LABELS[s]?.label ?? s}</Tag> : '—') },
          { title: '未达标指标', dataIndex: 'failing_criteria', render: (c: string[]) => c.join('；') || '—' },
          ...revokeColumn,
        ]} />
      </Card>
      <Card title="已到期" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" dataSource={o?.expired ?? []} locale={{ emptyText: '暂无已到期的认定' }} columns={base} />
      </Card>
      <Card title="重大变化报告（应于 3 个月内报告）" style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" data-testid="change-reports" dataSource={o?.change_reports ?? []} locale={{ emptyText: '暂无重大变化报告' }} columns={[
          { title: '企业', dataIndex: 'enterprise_name', render: (name: string, r: Overview['change_reports'][number]) => <Link to={`/enterprises/${r.credit_code}`}>{name}</Link> },
          { title: '类型', dataIndex: 'change_type_label' },
          { title: '变化日期', dataIndex: 'change_date' },
          { title: '报告日期', dataIndex: 'reported_on', render: (d: string, r: Overview['change_reports'][number]) => <span>{d} {r.late && <Tag color="red">逾期报告</Tag>}</span> },
          { title: '说明', dataIndex: 'description' },
        ]} />
      </Card>
      <Card title="撤销认定">
        <Table rowKey="id" size="small" data-testid="revocations" dataSource={o?.revocations ?? []} locale={{ emptyText: '暂无撤销记录' }} columns={[
          { title: '企业', dataIndex: 'enterprise_name', render: (name: string, r: Overview['revocations'][number]) => <Link to={`/enterprises/${r.credit_code}`}>{name}</Link> },
          { title: '原因', dataIndex: 'reason_label' },
          { title: '说明', dataIndex: 'reason' },
          { title: '撤销的称号', dataIndex: 'titles_ended', render: (titles: string[]) => (titles?.length ? titles.map((t) => <Tag key={t}>{titleName(t)}</Tag>) : '—') },
          { title: '决定日期', dataIndex: 'decided_on' },
          { title: '禁止申报至', dataIndex: 'ban_until', render: (d: string | null) => (d ? <Tag color="red">{d}</Tag> : '—') },
        ]} />
      </Card>
      <ChangeReportModal open={reporting} onClose={() => setReporting(false)} onDone={overview.reload} />
      {isCity && <RevokeModal target={revoking} overview={o} onClose={() => setRevoking(null)} onDone={overview.reload} />}
    </>
  );
}

interface Todo { items: { kind: string; title: string; detail: string; deadline: string | null }[] }

/** An enterprise user: confirms its annual data update and reports major changes (the server's APPLICANT / DECIDERS policies). */
function OwnEnterpriseSection({ own }: { own: string[] }) {
  const { message } = App.useApp();
  const todo = useApi(() => wf.get<Todo>('/api/workflow/todo'), []);
  const [year, setYear] = useState(thisYear);
  const [creditCode, setCreditCode] = useState(own[0]);
  const [busy, setBusy] = useState(false);
  const [reporting, setReporting] = useState(false);
  const due = todo.data?.items.filter((item) => item.kind === 'annual_update') ?? [];

  async function confirmUpdate() {
    setBusy(true);
    try {
      const result = await wf.post<{ ok: boolean; already: boolean }>('/api/workflow/annual-updates', { year, credit_code: creditCode });
      message.success(result.already ? `${year}年度数据更新此前已确认` : `已确认完成${year}年度数据更新`);
      todo.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Card title="年度数据更新" style={{ marginBottom: 16 }} loading={todo.loading && !todo.data}>
        {due.length > 0 ? (
          due.map((item) => <Alert key={item.title} type="warning" showIcon style={{ marginBottom: 12 }} message={`${item.title}：${item.detail}`} description={item.deadline ? `截止日期 ${item.deadline}` : undefined} />)
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message="暂无待完成的年度数据更新" />
        )}
        <Typography.Paragraph type="secondary">
          已获认定的企业须在每年 5 月 31 日前更新上一年度的营业收入、研发费用、资产总额、负债总额和期末从业人员等数据：
          请先在<Link to={`/enterprises/${creditCode}`}>企业画像</Link>中核对填报，再确认完成。
        </Typography.Paragraph>
        <Space wrap>
          {own.length > 1 && <Select value={creditCode} onChange={setCreditCode} options={own.map((code) => ({ value: code, label: code }))} style={{ width: 240 }} />}
          <Select value={year} onChange={setYear} options={YEAR_OPTIONS.slice(1)} style={{ width: 120 }} />
          <Button type="primary" loading={busy} onClick={() => void confirmUpdate()}>确认已完成年度数据更新</Button>
        </Space>
      </Card>
      <Card title="重大变化报告" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="报告期限">企业名称变更、兼并重组、改制或股权重大变化、迁出本市等重大变化，应在变化发生后 3 个月内报告。</Descriptions.Item>
        </Descriptions>
        <Button onClick={() => setReporting(true)}>报告重大变化</Button>
      </Card>
      <ChangeReportModal open={reporting} ownEnterprises={own} onClose={() => setReporting(false)} onDone={() => undefined} />
    </>
  );
}
