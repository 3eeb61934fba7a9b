import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../auth/AuthContext.tsx';
import { today } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { hasRole, STATE_COLORS, wf, type ApplicationSummary, type Batch } from './workflowApi.ts';

interface BatchDetail extends Batch {
  publicity_end_if_started_today: string;
  open_objections: number;
  panel: { id: number; name: string; district_code: string; specialty: string | null }[];
  final_list: { certificate_no: string; enterprise_name: string; credit_code: string; issue_date: string; expiry_date: string; status: string }[];
}

export default function BatchPage() {
  const id = Number(useParams().id);
  const { state } = useAuth();
  const isCity = hasRole(state.status === 'signed_in' ? state.me.roles : [], 'city_admin', 'city_officer');
  const { message } = App.useApp();
  const batch = useApi(() => wf.get<BatchDetail>(`/api/workflow/batches/${id}`), [id]);
  const applications = useApi(() => wf.get<{ items: ApplicationSummary[] }>(`/api/workflow/applications?batch_id=${id}`), [id]);
  const [panelSize, setPanelSize] = useState(5);
  const [perApplication, setPerApplication] = useState(3);
  const [publicityStart, setPublicityStart] = useState(today());

  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error((error as Error).message);
    }
    batch.reload();
    applications.reload();
  }

  const b = batch.data;
  if (!b) return <Card loading={batch.loading} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={b.title} extra={<Tag>{b.phase_label}</Tag>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="规则版本">{b.rule_version}</Descriptions.Item>
          <Descriptions.Item label="申报时间">{b.window_start} 至 {b.window_end}</Descriptions.Item>
          <Descriptions.Item label="有效期">{b.validity_years} 年</Descriptions.Item>
          <Descriptions.Item label="区县初审截止">{b.district_review_deadline}</Descriptions.Item>
          <Descriptions.Item label="市级评审截止">{b.city_review_deadline}</Descriptions.Item>
          <Descriptions.Item label="公示期">{b.publicity_start ? `${b.publicity_start} 至 ${b.publicity_end}` : `${b.publicity_working_days} 个工作日（未开始）`}</Descriptions.Item>
        </Descriptions>
        {isCity && (
          <Space direction="vertical" style={{ marginTop: 12 }}>
            <Space wrap>
              <span>专家组人数</span>
              <InputNumber min={1} max={200} value={panelSize} onChange={(v) => setPanelSize(v ?? 1)} data-testid="panel-size" />
              <Button disabled={b.panel.length > 0} onClick={() => void run(() => wf.post(`/api/workflow/batches/${id}/panel`, { size: panelSize }), '已随机抽取专家组')}>随机抽取专家组</Button>
              <span>每份申报专家数</span>
              <InputNumber min={1} max={15} value={perApplication} onChange={(v) => setPerApplication(v ?? 1)} data-testid="per-application" />
              <Button onClick={() => void run(() => wf.post(`/api/workflow/batches/${id}/assignments`, { per_application: perApplication }), '已随机分配评审专家')}>随机分配专家</Button>
            </Space>
            <Space wrap>
              <span>公示开始日期</span>
              <Input value={publicityStart} onChange={(e) => setPublicityStart(e.target.value)} style={{ width: 130 }} data-testid="publicity-start" />
              <Button disabled={!!b.publicity_start} onClick={() => void run(() => wf.post(`/api/workflow/batches/${id}/publicity`, { start_date: publicityStart }), '已开始公示')}>开始公示</Button>
              <Button type="primary" disabled={!b.publicity_end || !!b.final_published_on} onClick={() => void run(() => wf.post(`/api/workflow/batches/${id}/final-list`), '已发布认定名单')}>发布认定名单</Button>
              {b.final_published_on && <a href={`/api/workflow/batches/${id}/final-list.xlsx`}>导出认定名单（Excel）</a>}
            </Space>
            <Typography.Text type="secondary">公示期按周一至周五计算，未扣除法定节假日；今天开始则至 {b.publicity_end_if_started_today} 结束。{b.open_objections ? `尚有 ${b.open_objections} 件异议未处理。` : ''}</Typography.Text>
          </Space>
        )}
      </Card>
      {isCity && b.panel.length > 0 && (
        <Card title="评审专家组（随机抽取）">
          <Space wrap>{b.panel.map((e) => <Tag key={e.id}>{e.name}（{e.district_code}）</Tag>)}</Space>
        </Card>
      )}
      <Card title="本批次申报">
        <Table<ApplicationSummary> rowKey="id" size="small" pagination={false} dataSource={applications.data?.items ?? []} columns={[
          { title: '企业', dataIndex: 'enterprise_name', render: (name: string, a) => <Link to={`/recognition/applications/${a.id}`}>{name}</Link> },
          { title: '区县', dataIndex: 'district_code' },
          { title: '状态', dataIndex: 'state_label', render: (label: string, a) => <Tag color={STATE_COLORS[a.state]}>{label}</Tag> },
          { title: '专家评分', dataIndex: 'review_progress', render: (p: ApplicationSummary['review_progress']) => (p ? `${p.scored}/${p.assigned}` : '—') },
        ]} />
      </Card>
      {b.final_list.length > 0 && (
        <Card title="认定名单">
          <Table rowKey="certificate_no" size="small" pagination={false} dataSource={b.final_list} columns={[
            { title: '证书编号', dataIndex: 'certificate_no' },
            { title: '企业', dataIndex: 'enterprise_name' },
            { title: '统一社会信用代码', dataIndex: 'credit_code' },
            { title: '认定日期', dataIndex: 'issue_date' },
            { title: '有效期至', dataIndex: 'expiry_date' },
          ]} />
        </Card>
      )}
    </Space>
  );
}
