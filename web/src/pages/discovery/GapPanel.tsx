import { useState } from 'react';
import type { Profile } from '../../api/types.ts';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { formatNumber, today } from '../../lib/format.ts';
import { STANDARD_NAMES, STANDARD_STATUS, YEAR_FIELDS } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { discoveryApi, type PathStep, type WhatIfResult } from './discoveryApi.ts';

const STANDARD_OPTIONS = Object.entries(STANDARD_NAMES).map(([value, label]) => ({ value, label }));
const KIND_LABELS: Record<PathStep['kind'], string> = { increase: '提高', decrease: '降低', set: '改为', add_items: '新增', wait: '等待' };

function StatusTag({ status, testId }: { status: keyof typeof STANDARD_STATUS; testId?: string }) {
  return <Tag color={STANDARD_STATUS[status].color} data-testid={testId}>{STANDARD_STATUS[status].label}</Tag>;
}

function describeStep(step: PathStep): string {
  if (step.kind === 'wait') return `预计 ${step.reached_on} 满足（${step.delta} 个月后）`;
  if (step.kind === 'add_items') return `新增 ${step.delta} 项`;
  if (step.kind === 'set') return `由“${step.from === false ? '否' : String(step.from)}”改为“${step.to === true ? '是' : String(step.to)}”`;
  const unit = step.unit ? ` ${step.unit}` : '';
  return `${KIND_LABELS[step.kind]} ${formatNumber(Math.abs(step.delta ?? 0))}${unit}（${formatNumber(step.from as number)} → ${formatNumber(step.to as number)}${unit}，相对变动 ${formatNumber(step.effort * 100)}%）`;
}

/** 差距分析 on the portrait: the target tier's blocking criteria, the least-effort path to pass, and a what-if drawer. */
export function GapPanel({ creditCode, profile }: { creditCode: string; profile: Pick<Profile, 'years'> }) {
  const [params] = useSearchParams();
  const [standard, setStandard] = useState<string | undefined>(params.get('standard') ?? undefined);
  const [asOf] = useState(today());
  const [open, setOpen] = useState(false);
  const path = useApi(() => discoveryApi.promotionPath(creditCode, { standard, as_of: asOf }), [creditCode, standard, asOf]);
  const data = path.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="gap-panel">
      <Space wrap>
        <span>目标标准</span>
        <Select style={{ width: 240 }} value={data?.standard ?? standard} onChange={setStandard} options={STANDARD_OPTIONS} />
        {data && (
          <>
            <span>当前</span>
            <StatusTag status={data.current_status} testId="gap-current-status" />
            <span>按路径调整后</span>
            <StatusTag status={data.outcome_status} />
            {data.passes_on && <Typography.Text type="secondary">预计 {data.passes_on} 起满足</Typography.Text>}
          </>
        )}
        <Button type="primary" onClick={() => setOpen(true)} data-testid="open-what-if">模拟测算</Button>
      </Space>
      <Card size="small" title="最小达标路径（相对变动最小）" loading={path.loading}>
        {data && data.steps.length === 0 && data.blocked.length === 0 && <Empty description={data.current_status === 'qualified' ? '已符合该标准' : '没有需要调整的经营数据'} />}
        {data && data.steps.length > 0 && (
          <Table<PathStep>
            size="small"
            rowKey={(row) => `${row.path}-${row.criterion_id}`}
            pagination={false}
            dataSource={data.steps}
            columns={[
              { title: '指标', render: (_, row) => `${row.criterion_id} ${row.criterion_name}` },
              { title: '需调整的数据', dataIndex: 'label' },
              { title: '调整', render: (_, row) => describeStep(row) },
            ]}
          />
        )}
        {data && data.blocked.length > 0 && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message="无法通过调整经营数据满足" description={data.blocked.map((b) => `${b.id} ${b.name}：${b.reason}`).join('；')} />
        )}
        {data && data.missing.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message="需先补充数据" description={data.missing.map((m) => `${m.id} ${m.name}`).join('；')} />}
        {data && data.manual.length > 0 && <Alert style={{ marginTop: 12 }} type="info" showIcon message="需专家评审" description={data.manual.map((m) => `${m.id} ${m.name}`).join('；')} />}
      </Card>
      <WhatIfDrawer open={open} onClose={() => setOpen(false)} creditCode={creditCode} asOf={asOf} profile={profile} suggested={data?.steps ?? []} focus={data?.standard ?? standard ?? null} />
    </Space>
  );
}

interface Edit {
  path: string;
  value: number | null;
}

function WhatIfDrawer({ open, onClose, creditCode, asOf, profile, suggested, focus }: {
  open: boolean; onClose: () => void; creditCode: string; asOf: string; profile: Pick<Profile, 'years'>; suggested: PathStep[]; focus: string | null;
}) {
  const { message } = App.useApp();
  const years = Object.keys(profile.years ?? {}).sort().slice(-2);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [result, setResult] = useState<WhatIfResult>();
  const [busy, setBusy] = useState(false);
  const current = (path: string) => {
    const [, year, field] = path.split('.');
    return profile.years?.[year]?.[field] ?? null;
  };
  const run = async (changes: Edit[]) => {
    setBusy(true);
    try {
      setResult(await discoveryApi.whatIf(creditCode, asOf, changes));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const applyPath = () => {
    const next = { ...edits };
    for (const step of suggested) if ((step.kind === 'increase' || step.kind === 'decrease') && /^years\./.test(step.path)) next[step.path] = step.to as number;
    setEdits(next);
  };
  const changes = Object.entries(edits).map(([path, value]) => ({ path, value }));
  const rows = result ? [...result.standards].sort((a, b) => Number(b.standard === focus) - Number(a.standard === focus)) : [];
  return (
    <Drawer title="模拟测算（修改数据后重新评价，不保存）" width={720} open={open} onClose={onClose} data-testid="what-if-drawer">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button onClick={applyPath} disabled={suggested.length === 0} data-testid="apply-path">填入达标路径</Button>
          <Button type="primary" loading={busy} onClick={() => run(changes)} data-testid="run-what-if">重新评价</Button>
          <Button onClick={() => { setEdits({}); setResult(undefined); }}>还原</Button>
        </Space>
        <Descriptions size="small" bordered column={1}>
          {years.flatMap((year) =>
            YEAR_FIELDS.map((field) => {
              const path = `years.${year}.${field.key}`;
              const original = current(path);
              return (
                <Descriptions.Item key={path} label={`${year}年 ${field.label}（${field.unit}）`}>
                  <Space>
                    <span data-testid={`what-if-${path}`}>
                      <InputNumber
                        style={{ width: 180 }}
                        value={path in edits ? edits[path] : original}
                        placeholder="未知"
                        onChange={(value) => setEdits({ ...edits, [path]: value === null ? null : Number(value) })}
                      />
                    </span>
                    {path in edits && <Typography.Text type="warning">原值：{original === null ? '未知' : formatNumber(original)}</Typography.Text>}
                  </Space>
                </Descriptions.Item>
              );
            }),
          )}
        </Descriptions>
        <Input.TextArea readOnly value={changes.map((c) => `${c.path} = ${c.value ?? '未知'}`).join('\n')} placeholder="尚未修改任何数据" autoSize />
        {result && (
          <List
            header="评价结果对比"
            dataSource={rows}
            renderItem={(row) => (
              <List.Item data-testid={`what-if-result-${row.standard}`}>
                <Space>
                  <span style={{ width: 220, display: 'inline-block' }}>{STANDARD_NAMES[row.standard] ?? row.standard}</span>
                  <StatusTag status={row.before.status} />
                  <span>→</span>
                  <StatusTag status={row.after.status} testId={`what-if-after-${row.standard}`} />
                  {row.changed && <Tag color="purple">有变化</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Drawer>
  );
}
