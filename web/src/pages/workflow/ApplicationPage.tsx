import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { ASSESSMENT_LABELS, CITY_ROLE_IDS, mayActOn, STATE_COLORS, useGrants, wf } from './workflowApi.ts';

interface Flag { code: string; severity: 'high' | 'medium'; message: string; path?: string }
interface Criterion { id: string; name: string; status: string; value: unknown; threshold: unknown; quality: string }
interface Detail {
  id: number;
  state: string;
  state_label: string;
  version: number;
  credit_code: string;
  district_code: string;
  enterprise_name: string;
  standard_name: string;
  batch: { id: number; title: string; window_end: string };
  editable: boolean;
  actions: { transition: string; label: string; reason_required: boolean }[];
  application_ban: { until: string; reason: string | null } | null;
  profile_is_snapshot: boolean;
  self_assessment: { version: string; status: string; score: number | null; criteria: Criterion[] } | null;
  flags: Flag[];
  required_evidence: { type: string; label: string; present: boolean }[];
  evidence: { id: number; type_label: string; file_name: string; size_bytes: number; sha256: string; uploaded_at: string }[];
  events: { id: number; label: string; to_label: string; actor: string; reason: string | null; at: string }[];
  review: { reviews: { expert_name: string; score: number | null; recommend: boolean | null; opinion: string | null }[]; aggregate: { count: number; mean: number | null; method: string } | null };
  can_score: boolean;
  spot_checks: { id: number; checked_on: string; inspectors: string; findings: string; consistent: boolean }[];
  objections: { id: number; received_on: string; objector: string; content: string; status: string; response: string | null }[];
  recognition: { certificate_no: string; issue_date: string; expiry_date: string; status: string } | null;
}

const EVIDENCE_TYPES = [
  { value: 'audit_report', label: '审计报告' },
  { value: 'ip_certificate', label: '知识产权证书' },
  { value: 'qualification_certificate', label: '已获称号证书' },
  { value: 'tax_certificate', label: '纳税证明' },
  { value: 'other', label: '其他材料' },
];
const CRITERION_STATUS: Record<string, string> = { met: '达标', unmet: '未达标', unknown: '数据不足', manual: '待人工判断', not_applicable: '不适用' };

export default function ApplicationPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const detail = useApi(() => wf.get<Detail>(`/api/workflow/applications/${id}`), [id]);
  const [evidenceType, setEvidenceType] = useState('audit_report');
  const [pending, setPending] = useState<Detail['actions'][number] | null>(null);
  const [reason, setReason] = useState('');
  const [scoreForm] = Form.useForm();
  const [objectionForm] = Form.useForm();
  const [spotCheckForm] = Form.useForm<{ checked_on: Dayjs; inspectors: string; findings: string; consistent: boolean }>();
  const [spotChecking, setSpotChecking] = useState(false);
  const [resolving, setResolving] = useState<{ objection: Detail['objections'][number]; outcome: 'upheld' | 'dismissed' } | null>(null);
  const [resolutionForm] = Form.useForm<{ response: string }>();
  const grants = useGrants();
  const d = detail.data;

  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      detail.reload();
    } catch (error) {
      message.error((error as Error).message);
      detail.reload();
    }
  }

  if (!d) return <Card loading={detail.loading} />;
  const assessment = d.self_assessment;
  // 实地抽查: the city, or the applicant's district, once the application has been submitted (the server's rule).
  const canSpotCheck = d.profile_is_snapshot && mayActOn(grants, ['city_admin', 'city_officer', 'district_officer'], d);
  // 公示异议 are registered and answered by the city only (the objection routes' policy).
  const isCity = mayActOn(grants, CITY_ROLE_IDS, d);

  async function resolveObjection() {
    const values = await resolutionForm.validateFields().catch(() => null);
    if (!values || !resolving) return;
    const { objection, outcome } = resolving;
    setResolving(null);
    await run(() => wf.post(`/api/workflow/objections/${objection.id}/resolution`, { outcome, response: values.response }), outcome === 'upheld' ? '已处理：异议成立，已移出名单' : '已处理：异议不成立');
    resolutionForm.resetFields();
  }

  async function recordSpotCheck() {
    const values = await spotCheckForm.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setSpotChecking(false);
    await run(() => wf.post(`/api/workflow/applications/${id}/spot-checks`, { ...values, checked_on: values.checked_on.format('YYYY-MM-DD') }), '已记录实地抽查');
    spotCheckForm.resetFields();
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<span>{d.enterprise_name} · {d.batch.title}</span>}
        extra={<Tag color={STATE_COLORS[d.state]} data-testid="application-state">{d.state_label}</Tag>}
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="统一社会信用代码">{d.credit_code}</Descriptions.Item>
          <Descriptions.Item label="认定标准">{d.standard_name}</Descriptions.Item>
          <Descriptions.Item label="批次"><Link to={`/recognition/batches/${d.batch.id}`}>{d.batch.title}</Link></Descriptions.Item>
          {d.recognition && <Descriptions.Item label="证书编号">{d.recognition.certificate_no}</Descriptions.Item>}
          {d.recognition && <Descriptions.Item label="有效期">{d.recognition.issue_date} 至 {d.recognition.expiry_date}</Descriptions.Item>}
        </Descriptions>
        {d.application_ban && <Alert type="error" showIcon message={`该企业因${d.application_ban.reason ?? '数据造假'}被禁止申报至 ${d.application_ban.until}`} />}
        <Space style={{ marginTop: 12 }} wrap>
          {d.actions.map((action) => (
            <Button key={action.transition} type={action.reason_required ? 'default' : 'primary'} danger={action.reason_required} onClick={() => { setReason(''); setPending(action); }}>
              {action.label}
            </Button>
          ))}
        </Space>
      </Card>

      <Card title={d.profile_is_snapshot ? '自评结果（提交时冻结）' : '自评预览（按企业库当前数据）'}>
        {assessment ? (
          <>
            <Space style={{ marginBottom: 8 }}>
              <Tag color={ASSESSMENT_LABELS[assessment.status]?.color} data-testid="assessment-status">{ASSESSMENT_LABELS[assessment.status]?.label ?? assessment.status}</Tag>
              <Typography.Text type="secondary">规则版本 {assessment.version}{assessment.score !== null ? `，得分 ${assessment.score}` : ''}</Typography.Text>
            </Space>
            <Table<Criterion>
              size="small"
              rowKey={(c) => `${c.id}-${c.name}`}
              pagination={false}
              dataSource={assessment.criteria}
              columns={[
                { title: '指标', dataIndex: 'id', width: 90 },
                { title: '名称', dataIndex: 'name' },
                { title: '结论', dataIndex: 'status', width: 110, render: (s: string) => <Tag color={s === 'met' ? 'green' : s === 'unmet' ? 'red' : 'orange'}>{CRITERION_STATUS[s] ?? s}</Tag> },
                { title: '依据质量', dataIndex: 'quality', width: 90, render: (q: string) => (q === 'U' ? <Tag color="orange">待核实</Tag> : q) },
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary">暂无自评结果</Typography.Text>
        )}
      </Card>

      {d.flags.length > 0 && (
        <Card title="数据审核标记">
          <List size="small" dataSource={d.flags} renderItem={(f) => <List.Item><Tag color={f.severity === 'high' ? 'red' : 'orange'}>{f.severity === 'high' ? '重点核查' : '提示'}</Tag>{f.message}</List.Item>} />
        </Card>
      )}

      <Card title="证明材料">
        <Space wrap style={{ marginBottom: 8 }}>
          {d.required_evidence.map((r) => <Tag key={r.type} color={r.present ? 'green' : 'red'}>{r.label}{r.present ? '（已上传）' : '（必备，未上传）'}</Tag>)}
        </Space>
        {d.editable && (
          <Space style={{ marginBottom: 12 }}>
            <Select value={evidenceType} onChange={setEvidenceType} options={EVIDENCE_TYPES} style={{ width: 160 }} data-testid="evidence-type" />
            <Upload
              accept="application/pdf,image/png,image/jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                void run(() => wf.upload(`/api/workflow/applications/${id}/evidence?evidence_type=${evidenceType}&file_name=${encodeURIComponent(file.name)}`, file), `已上传 ${file.name}`);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>上传材料（PDF、PNG、JPEG，不超过 10 MB）</Button>
            </Upload>
          </Space>
        )}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.evidence}
          columns={[
            { title: '类型', dataIndex: 'type_label' },
            { title: '文件', dataIndex: 'file_name', render: (name: string, e: Detail['evidence'][number]) => <a href={`/api/workflow/evidence/${e.id}`}>{name}</a> },
            { title: '大小', dataIndex: 'size_bytes', render: (n: number) => `${(n / 1024).toFixed(1)} KB` },
            { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text> },
            { title: '上传时间', dataIndex: 'uploaded_at', render: formatDateTime },
            ...(d.editable ? [{ title: '', key: 'remove', render: (_: unknown, e: Detail['evidence'][number]) => <Button type="link" danger onClick={() => void run(() => wf.remove(`/api/workflow/evidence/${e.id}`), '已删除')}>删除</Button> }] : []),
          ]}
        />
      </Card>

      {(d.review.reviews.length > 0 || d.can_score) && (
        <Card title="专家评审">
          {d.review.aggregate && <Typography.Paragraph>汇总：{d.review.aggregate.count} 份评分，{d.review.aggregate.mean ?? '—'} 分（{d.review.aggregate.method}）</Typography.Paragraph>}
          <Table size="small" rowKey="expert_name" pagination={false} dataSource={d.review.reviews} columns={[
            { title: '专家', dataIndex: 'expert_name' },
            { title: '评分', dataIndex: 'score', render: (s: number | null) => s ?? '未评分' },
            { title: '推荐', dataIndex: 'recommend', render: (r: boolean | null) => (r === null ? '—' : r ? '推荐' : '不推荐') },
            { title: '意见', dataIndex: 'opinion' },
          ]} />
          {d.can_score && (
            <Form form={scoreForm} layout="inline" style={{ marginTop: 12 }} initialValues={{ recommend: true }}
              onFinish={(values) => void run(() => wf.post(`/api/workflow/applications/${id}/scores`, values), '评分已提交')}>
              <Form.Item name="score" label="评分" rules={[{ required: true, message: '请填写评分' }]}><InputNumber min={0} max={100} data-testid="score-input" /></Form.Item>
              <Form.Item name="recommend" label="推荐认定" valuePropName="checked"><Switch /></Form.Item>
              <Form.Item name="opinion" label="评审意见" rules={[{ required: true, message: '请填写评审意见' }]}><Input style={{ width: 320 }} data-testid="opinion-input" /></Form.Item>
              <Button type="primary" htmlType="submit">提交评分</Button>
            </Form>
          )}
        </Card>
      )}

      {(d.objections.length > 0 || (isCity && d.state === 'in_publicity')) && (
        <Card title="公示异议">
          <Table size="small" rowKey="id" pagination={false} dataSource={d.objections} columns={[
            { title: '收到日期', dataIndex: 'received_on' },
            { title: '异议人', dataIndex: 'objector' },
            { title: '内容', dataIndex: 'content' },
            { title: '处理', dataIndex: 'status', render: (s: string, o: Detail['objections'][number]) => (s === 'open' ? <Space><Tag color="orange">待处理</Tag>
              {isCity && <Button size="small" onClick={() => { resolutionForm.resetFields(); setResolving({ objection: o, outcome: 'dismissed' }); }}>不成立</Button>}
              {isCity && <Button size="small" danger onClick={() => { resolutionForm.resetFields(); setResolving({ objection: o, outcome: 'upheld' }); }}>成立</Button>}</Space>
              : `${s === 'upheld' ? '异议成立' : '异议不成立'}：${o.response}`) },
          ]} />
          {isCity && d.state === 'in_publicity' && (
            <Form form={objectionForm} layout="inline" style={{ marginTop: 12 }} onFinish={(values: { received_on: Dayjs; objector: string; content: string }) => void run(() => wf.post(`/api/workflow/applications/${id}/objections`, { ...values, received_on: values.received_on.format('YYYY-MM-DD') }), '已登记异议')}>
              <Form.Item name="received_on" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker format="YYYY-MM-DD" placeholder="收到日期" disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 140 }} /></Form.Item>
              <Form.Item name="objector" rules={[{ required: true, message: '请填写异议人' }]}><Input placeholder="异议人" style={{ width: 140 }} /></Form.Item>
              <Form.Item name="content" rules={[{ required: true, message: '请填写内容' }]}><Input placeholder="异议内容" style={{ width: 280 }} /></Form.Item>
              <Button htmlType="submit">登记异议</Button>
            </Form>
          )}
        </Card>
      )}

      {(d.spot_checks.length > 0 || canSpotCheck) && (
        <Card title="实地抽查" extra={canSpotCheck && <Button onClick={() => setSpotChecking(true)}>记录实地抽查</Button>}>
          <Table size="small" rowKey="id" pagination={false} dataSource={d.spot_checks} locale={{ emptyText: '暂无抽查记录' }} data-testid="spot-checks" columns={[
            { title: '日期', dataIndex: 'checked_on' },
            { title: '人员', dataIndex: 'inspectors' },
            { title: '核查情况', dataIndex: 'findings' },
            { title: '结论', dataIndex: 'consistent', render: (c: boolean) => (c ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>) },
          ]} />
        </Card>
      )}

      <Card title="流转记录">
        <Timeline items={d.events.map((e) => ({ children: <span>{formatDateTime(e.at)} {e.label} → {e.to_label}（{e.actor}）{e.reason ? `：${e.reason}` : ''}</span> }))} />
      </Card>

      <Modal
        title={resolving?.outcome === 'upheld' ? '异议成立' : '异议不成立'}
        open={resolving !== null}
        okText={resolving?.outcome === 'upheld' ? '确认成立并移出名单' : '确认不成立'}
        okButtonProps={{ danger: resolving?.outcome === 'upheld' }}
        cancelText="取消"
        onOk={() => void resolveObjection()}
        onCancel={() => setResolving(null)}
        forceRender
      >
        {resolving?.outcome === 'upheld' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="异议成立将把该申报移出拟认定名单，且不可撤回" />}
        <Form form={resolutionForm} layout="vertical">
          <Form.Item name="response" label="核查结论与答复" rules={[{ required: true, message: '请填写核查结论与答复' }, { max: 4000, message: '不超过 4000 字' }]}>
            <Input.TextArea rows={4} data-testid="objection-response" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title="记录实地抽查" open={spotChecking} okText="保存" cancelText="取消" onOk={() => void recordSpotCheck()} onCancel={() => setSpotChecking(false)} forceRender>
        <Form form={spotCheckForm} layout="vertical" initialValues={{ checked_on: dayjs(), consistent: true }}>
          <Form.Item name="checked_on" label="抽查日期" rules={[{ required: true, message: '请选择抽查日期' }]}>
            <DatePicker format="YYYY-MM-DD" disabledDate={(day) => day.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="inspectors" label="抽查人员" rules={[{ required: true, message: '请填写抽查人员' }, { max: 200, message: '不超过 200 个字' }]}>
            <Input placeholder="姓名及单位，多人以顿号分隔" data-testid="spot-check-inspectors" />
          </Form.Item>
          <Form.Item name="findings" label="核查情况" rules={[{ required: true, message: '请填写核查情况' }, { max: 4000, message: '不超过 4000 字' }]}>
            <Input.TextArea rows={4} placeholder="现场核查的生产经营、研发投入、知识产权等情况" data-testid="spot-check-findings" />
          </Form.Item>
          <Form.Item name="consistent" label="申报材料与实际情况一致" valuePropName="checked">
            <Switch checkedChildren="一致" unCheckedChildren="不一致" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={pending?.label}
        open={pending !== null}
        okText="确定"
        onCancel={() => setPending(null)}
        onOk={() => {
          const action = pending!;
          setPending(null);
          void run(() => wf.post(`/api/workflow/applications/${id}/transitions`, { transition: action.transition, version: d.version, reason: reason || undefined }), `已${action.label}`);
        }}
        okButtonProps={{ disabled: !!pending?.reason_required && !reason.trim() }}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={pending?.reason_required ? '请填写理由（必填）' : '备注（可选）'} data-testid="transition-reason" />
      </Modal>
    </Space>
  );
}
