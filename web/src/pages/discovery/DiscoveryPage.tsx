import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, DatePicker, Empty, Progress, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { EChart } from '../../components/EChart.tsx';
import { formatDateTime, formatNumber, today } from '../../lib/format.ts';
import { SIZE_CLASS_LABELS, STANDARD_NAMES, STANDARD_STATUS } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { api } from '../../api/client.ts';
import { AddToList } from './AddToList.tsx';
import { discoveryApi, gapText, type Candidate, type RunView } from './discoveryApi.ts';

const RUN_STATUS: Record<RunView['status'], { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '运行中', color: 'processing' },
  completed: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
};
const TRIGGER_LABELS = { page: '页面发起', cli: '命令行', schedule: '定时任务' } as const;
const STANDARD_OPTIONS = Object.entries(STANDARD_NAMES).map(([value, label]) => ({ value, label }));

function StatusTag({ status }: { status: keyof typeof STANDARD_STATUS }) {
  return <Tag color={STANDARD_STATUS[status].color}>{STANDARD_STATUS[status].label}</Tag>;
}

/** 主动发现: the cultivation funnel, candidates closest to each tier, changes since the last run, re-review warnings and run history. */
export default function DiscoveryPage() {
  const { message } = App.useApp();
  const [district, setDistrict] = useState<string>();
  const [chain, setChain] = useState<string>();
  const [standard, setStandard] = useState('specialized_sme');
  const [asOf, setAsOf] = useState(today());
  const [refresh, setRefresh] = useState(0);
  const runs = useApi(() => discoveryApi.runs(), [refresh]);
  const districts = useApi(() => api.districts(), []);
  const chains = useApi(() => api.chains(), []);
  const latest = runs.data?.items.find((run) => run.status === 'completed');
  const active = runs.data?.items.find((run) => run.status === 'running' || run.status === 'queued');

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setRefresh((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  }, [active, runs.data]);

  const filters = { district, chain };
  const start = async () => {
    try {
      await discoveryApi.startRun(asOf, 'new');
      message.success('已发起全库评价，正在后台运行');
      setRefresh((n) => n + 1);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <div className="page-stack">
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>主动发现</Typography.Title>
          <Select allowClear placeholder="全部区县" style={{ width: 160 }} value={district} onChange={setDistrict} options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} data-testid="filter-district" />
          <Select allowClear placeholder="全部产业链" style={{ width: 200 }} value={chain} onChange={setChain} options={(chains.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <DatePicker value={dayjs(asOf)} onChange={(value) => value && setAsOf(value.format('YYYY-MM-DD'))} allowClear={false} />
          <Button type="primary" onClick={start} disabled={Boolean(active)} data-testid="start-run">发起全库评价</Button>
          {latest ? <Typography.Text type="secondary" data-testid="latest-run">最新完成批次 #{latest.id}，基准日 {latest.as_of}</Typography.Text> : <Typography.Text type="secondary">尚无已完成的评价批次</Typography.Text>}
        </Space>
        {active && <RunProgress run={active} />}
      </Card>
      <Tabs
        items={[
          { key: 'candidates', label: '候选企业', children: latest ? <Candidates key={`${latest.id}-${refresh > 0}`} standard={standard} setStandard={setStandard} filters={filters} runId={latest.id} /> : <Empty description="请先发起一次全库评价" /> },
          { key: 'funnel', label: '梯度漏斗', children: latest ? <Funnel filters={filters} runId={latest.id} /> : <Empty /> },
          { key: 'diff', label: '与上次相比', children: latest ? <Diff filters={filters} runId={latest.id} /> : <Empty /> },
          { key: 'warnings', label: '复核预警', children: latest ? <Warnings filters={filters} runId={latest.id} /> : <Empty /> },
          { key: 'runs', label: '评价批次', children: <RunHistory runs={runs.data?.items ?? []} /> },
        ]}
      />
    </div>
  );
}

function RunProgress({ run }: { run: RunView }) {
  return (
    <div style={{ marginTop: 12 }} data-testid="run-progress">
      <Progress percent={run.percent ?? 0} status="active" />
      <Typography.Text type="secondary">
        批次 #{run.id}：已评价 {formatNumber(run.processed)}{run.total !== null ? ` / ${formatNumber(run.total)}` : ''} 家
        {run.rate_per_second !== null ? `，每秒 ${formatNumber(run.rate_per_second)} 家` : ''}
        {run.seconds_left !== null ? `，预计剩余 ${run.seconds_left} 秒` : ''}
      </Typography.Text>
    </div>
  );
}

function exportLink(path: string, values: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  return `${path}?${params.toString()}`;
}

function Candidates({ standard, setStandard, filters, runId }: { standard: string; setStandard: (s: string) => void; filters: { district?: string; chain?: string }; runId: number }) {
  const [page, setPage] = useState(1);
  const [maxUnmet, setMaxUnmet] = useState(3);
  const query = { standard, max_unmet: maxUnmet, ...filters, limit: 20, offset: (page - 1) * 20 };
  const result = useApi(() => discoveryApi.candidates(query), [JSON.stringify(query), runId]);
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>目标标准</span>
        <Select style={{ width: 220 }} value={standard} onChange={(value) => { setStandard(value); setPage(1); }} options={STANDARD_OPTIONS} data-testid="candidate-standard" />
        <span>最多未达标</span>
        <Select style={{ width: 100 }} value={maxUnmet} onChange={setMaxUnmet} options={[0, 1, 2, 3, 5, 10].map((n) => ({ value: n, label: `${n} 项` }))} />
        <Button href={exportLink('/api/discovery/candidates/export', { standard, max_unmet: maxUnmet, ...filters })}>导出 Excel</Button>
      </Space>
      <Table<Candidate>
        rowKey="credit_code"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: result.data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${formatNumber(total)} 家（已持有该称号的企业不列入）` }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          { title: '企业', dataIndex: 'name', render: (name: string, row) => <Link to={`/enterprises/${row.credit_code}?tab=gaps&standard=${standard}`} data-testid="candidate-link">{name}</Link> },
          { title: '区县', dataIndex: 'district_name', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '规模', dataIndex: 'size_class', width: 70, render: (v: keyof typeof SIZE_CLASS_LABELS | null) => (v ? SIZE_CLASS_LABELS[v] : '—') },
          { title: '评价结果', dataIndex: 'status', width: 110, render: (v: Candidate['status']) => <StatusTag status={v} /> },
          { title: '未达标（项）', dataIndex: 'unmet_count', width: 100 },
          {
            title: '为何接近',
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                {row.unmet.map((gap) => <span key={gap.id}>{gapText(gap)}</span>)}
                {row.unknown.length > 0 && <Typography.Text type="warning">缺少数据：{row.unknown.map((u) => u.name).join('、')}</Typography.Text>}
                {row.manual.length > 0 && <Typography.Text type="secondary">待专家评审：{row.manual.map((u) => u.name).join('、')}</Typography.Text>}
                {row.unmet.length === 0 && row.unknown.length === 0 && row.manual.length === 0 && <Typography.Text type="success">已符合，尚未获得称号</Typography.Text>}
              </Space>
            ),
          },
          { title: '操作', width: 100, render: (_, row) => <AddToList candidate={row} standard={standard} /> },
        ]}
      />
    </Card>
  );
}

function Funnel({ filters, runId }: { filters: { district?: string; chain?: string }; runId: number }) {
  const result = useApi(() => discoveryApi.funnel(filters), [JSON.stringify(filters), runId]);
  const tiers = result.data?.tiers ?? [];
  const ladder = tiers.filter((tier) => tier.ladder);
  return (
    <Card size="small" loading={result.loading}>
      <Statistic title="参评企业" value={result.data?.enterprises ?? 0} suffix="家" />
      <EChart
        height={360}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: ['持有称号', '符合但未获称号', '仅差 1 项'] },
          xAxis: { type: 'category', data: ladder.map((t) => t.name) },
          yAxis: { type: 'value', name: '企业数（家）' },
          series: [
            { name: '持有称号', type: 'bar', data: ladder.map((t) => t.held) },
            { name: '符合但未获称号', type: 'bar', data: ladder.map((t) => t.qualified_not_held) },
            { name: '仅差 1 项', type: 'bar', data: ladder.map((t) => t.one_short) },
          ],
        }}
      />
      <Table
        rowKey="standard"
        size="small"
        pagination={false}
        dataSource={tiers}
        columns={[
          { title: '标准', dataIndex: 'name' },
          { title: '持有称号', dataIndex: 'held' },
          { title: '符合标准', dataIndex: 'qualified' },
          { title: '符合但未获称号', dataIndex: 'qualified_not_held' },
          { title: '仅差 1 项', dataIndex: 'one_short' },
          { title: '数据不足', dataIndex: 'insufficient_data' },
          { title: '待人工评审', dataIndex: 'manual_review' },
        ]}
      />
    </Card>
  );
}

function Diff({ filters, runId }: { filters: { district?: string; chain?: string }; runId: number }) {
  const [page, setPage] = useState(1);
  const query = { ...filters, limit: 20, offset: (page - 1) * 20 };
  const result = useApi(() => discoveryApi.diff(query), [JSON.stringify(query), runId]);
  const data = result.data;
  if (data && !data.from_run) return <Empty description="只有一次已完成的评价批次，暂无可对比的上一次" />;
  return (
    <Card size="small" loading={result.loading} title={data?.from_run && data.to_run ? `批次 #${data.from_run.id}（${data.from_run.as_of}）→ #${data.to_run.id}（${data.to_run.as_of}）` : undefined} extra={<Button href={exportLink('/api/discovery/diff/export', filters)}>导出 Excel</Button>}>
      <Table
        rowKey="standard"
        size="small"
        pagination={false}
        dataSource={data?.summary ?? []}
        columns={[
          { title: '标准', dataIndex: 'standard', render: (id: string) => STANDARD_NAMES[id] ?? id },
          { title: '新达标', dataIndex: 'newly_qualified' },
          { title: '不再达标', dataIndex: 'no_longer_qualified' },
          { title: '结果变化', dataIndex: 'changed' },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        rowKey={(row) => `${row.credit_code}-${row.standard}`}
        size="small"
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '企业', dataIndex: 'name', render: (name: string, row) => <Link to={`/enterprises/${row.credit_code}`}>{name}</Link> },
          { title: '区县', dataIndex: 'district_name', render: (v: string | null) => v ?? '—' },
          { title: '标准', dataIndex: 'standard', render: (id: string) => STANDARD_NAMES[id] ?? id },
          { title: '上次', dataIndex: 'before', render: (v: Candidate['status'] | null) => (v ? <StatusTag status={v} /> : '（新登记）') },
          { title: '本次', dataIndex: 'after', render: (v: Candidate['status']) => <StatusTag status={v} /> },
        ]}
      />
    </Card>
  );
}

function Warnings({ filters, runId }: { filters: { district?: string; chain?: string }; runId: number }) {
  const [months, setMonths] = useState(6);
  const [page, setPage] = useState(1);
  const query = { ...filters, months, limit: 20, offset: (page - 1) * 20 };
  const result = useApi(() => discoveryApi.warnings(query), [JSON.stringify(query), runId]);
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }}>
        <span>到期（复核）在</span>
        <Select style={{ width: 110 }} value={months} onChange={setMonths} options={[3, 6, 12, 24].map((n) => ({ value: n, label: `${n} 个月内` }))} />
        {result.data && <Typography.Text type="secondary">截至 {result.data.until}</Typography.Text>}
        <Button href={exportLink('/api/discovery/warnings/export', { ...filters, months })}>导出 Excel</Button>
      </Space>
      <Table
        rowKey={(row) => `${row.credit_code}-${row.standard}`}
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: result.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '企业', dataIndex: 'name', render: (name: string, row) => <Link to={`/enterprises/${row.credit_code}?tab=gaps&standard=${row.standard}`}>{name}</Link> },
          { title: '区县', dataIndex: 'district_name', render: (v: string | null) => v ?? '—' },
          { title: '称号', dataIndex: 'standard', render: (id: string) => STANDARD_NAMES[id] ?? id },
          { title: '到期日', dataIndex: 'expiry_date' },
          { title: '按复核口径', dataIndex: 'review_status', render: (v: Candidate['status']) => <StatusTag status={v} /> },
          { title: '不达标指标', dataIndex: 'failing', render: (gaps: Candidate['unmet']) => gaps.map(gapText).join('；') || '—' },
        ]}
      />
    </Card>
  );
}

function RunHistory({ runs }: { runs: RunView[] }) {
  return (
    <Table<RunView>
      rowKey="id"
      size="small"
      dataSource={runs}
      pagination={false}
      columns={[
        { title: '批次', dataIndex: 'id', render: (id: number) => `#${id}` },
        { title: '基准日', dataIndex: 'as_of' },
        { title: '发起', dataIndex: 'trigger', render: (t: RunView['trigger'], row) => `${TRIGGER_LABELS[t]}（${row.requested_by}）` },
        { title: '状态', dataIndex: 'status', render: (s: RunView['status']) => <Tag color={RUN_STATUS[s].color} data-testid="run-status">{RUN_STATUS[s].label}</Tag> },
        { title: '进度', render: (_, row) => <Progress percent={row.percent ?? 0} size="small" status={row.status === 'failed' ? 'exception' : undefined} /> },
        { title: '企业数', dataIndex: 'processed', render: (n: number) => formatNumber(n) },
        { title: '用时（秒）', dataIndex: 'seconds', render: (s: number | null) => (s === null ? '—' : s) },
        { title: '开始时间', dataIndex: 'started_at', render: (v: string | null) => formatDateTime(v) },
        { title: '错误', dataIndex: 'error', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
