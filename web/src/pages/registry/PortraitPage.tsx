import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import type { ApplicationType, DataGap, Evaluation, Portrait } from '../../api/types.ts';
import { Unknown } from '../../components/Figure.tsx';
import { formatDate, today } from '../../lib/format.ts';
import { SIZE_CLASS_LABELS, TITLE_COLORS, titleName } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { OverviewTab } from './portrait/OverviewTab.tsx';
import { YearsTab } from './portrait/YearsTab.tsx';
import { HonoursTab } from './portrait/HonoursTab.tsx';
import { EvaluationTab } from './portrait/EvaluationTab.tsx';
import { HistoryTab } from './portrait/HistoryTab.tsx';
import { GapPanel } from '../discovery/GapPanel.tsx';
import { qualificationState } from './portrait/qualifications.ts';

const TABS = ['overview', 'years', 'honours', 'evaluation', 'gaps', 'history'] as const;
type TabKey = (typeof TABS)[number];

export interface EvaluationRequest {
  asOf: string;
  application: ApplicationType;
}

export default function PortraitPage() {
  const { creditCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'overview';

  const portrait = useApi(() => api.portrait(creditCode), [creditCode]);
  const [evaluationRequest, setEvaluationRequest] = useState<EvaluationRequest>({ asOf: today(), application: 'new' });
  const evaluation = useApi<Evaluation>(
    () => api.evaluation(creditCode, evaluationRequest.asOf, evaluationRequest.application),
    [creditCode, evaluationRequest.asOf, evaluationRequest.application],
  );

  if (portrait.loading && !portrait.data) return <Spin className="page-loading" size="large" />;
  if (!portrait.data) {
    const notFound = portrait.error instanceof ApiError && portrait.error.status === 404;
    return (
      <Card>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '未找到该企业' : '企业画像加载失败'}
          subTitle={notFound ? `统一社会信用代码 ${creditCode} 不在企业库中。` : portrait.error?.message}
          extra={<Link to="/enterprises">返回企业名录</Link>}
        />
      </Card>
    );
  }

  const data = portrait.data;
  return (
    <div className="page-stack">
      <Breadcrumb
        items={[{ title: <Link to="/enterprises">企业名录</Link> }, { title: '企业画像' }, { title: data.profile.name }]}
      />
      <IdentityCard portrait={data} />
      <GapsAlert gaps={data.gaps} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'overview',
              label: '概览',
              children: <OverviewTab portrait={data} evaluation={evaluation.data} evaluationLoading={evaluation.loading} />,
            },
            { key: 'years', label: '年度数据', children: <YearsTab portrait={data} /> },
            { key: 'honours', label: '知识产权与荣誉', children: <HonoursTab portrait={data} /> },
            {
              key: 'evaluation',
              label: '评价',
              children: (
                <EvaluationTab
                  portrait={data}
                  request={evaluationRequest}
                  onRequestChange={setEvaluationRequest}
                  evaluation={evaluation.data}
                  loading={evaluation.loading}
                  error={evaluation.error}
                />
              ),
            },
            { key: 'gaps', label: '差距分析', children: <GapPanel creditCode={creditCode} profile={data.profile} /> },
            {
              key: 'history',
              label: '变更历史',
              children: <HistoryTab creditCode={creditCode} version={data.meta.version} />,
            },
          ]}
          destroyOnHidden={false}
        />
      </Card>
    </div>
  );
}

/** Gaps grouped into one line per fiscal year (newest first), after the non-yearly keys. */
function groupGaps(gaps: DataGap[]): { title: string; labels: { path: string; text: string }[] }[] {
  const general: { path: string; text: string }[] = [];
  const byYear = new Map<string, { path: string; text: string }[]>();
  for (const gap of gaps) {
    const year = /^years\.(\d{4})/.exec(gap.path)?.[1];
    if (!year) {
      general.push({ path: gap.path, text: gap.label });
      continue;
    }
    const text = gap.path === `years.${year}` ? '全年数据' : gap.label.replace(new RegExp(`^${year}年\\s*`), '');
    byYear.set(year, [...(byYear.get(year) ?? []), { path: gap.path, text }]);
  }
  const years = [...byYear.keys()].sort().reverse();
  return [
    ...(general.length ? [{ title: '基本信息', labels: general }] : []),
    ...years.map((year) => ({ title: `${year}年`, labels: byYear.get(year)! })),
  ];
}

function GapsAlert({ gaps }: { gaps: DataGap[] }) {
  if (!gaps.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="gaps-alert"
      title={`数据缺失（${gaps.length} 项）：以下数据未知，相关评价指标将判为“数据不足”，请补充或核实。`}
      description={
        <div className="gap-groups">
          {groupGaps(gaps).map((group) => (
            <div key={group.title} className="gap-group">
              <Typography.Text strong className="gap-group-title">
                {group.title}：
              </Typography.Text>
              <span>{group.labels.map((label) => label.text).join('、')}</span>
            </div>
          ))}
        </div>
      }
    />
  );
}

function IdentityCard({ portrait }: { portrait: Portrait }) {
  const { profile, meta } = portrait;
  const industryPath = meta.industry_path.length
    ? meta.industry_path.map((level) => level.name).join(' / ')
    : meta.industry_name;
  const validTitles = (profile.qualifications ?? []).filter((q) => qualificationState(q.expiry_date) !== 'expired');

  return (
    <Card size="small">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="portrait-name">
            {profile.name}
          </Typography.Title>
          {validTitles.map((q) => (
            <Tag key={q.title} color={TITLE_COLORS[q.title] ?? 'default'}>
              {titleName(q.title)}
            </Tag>
          ))}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { label: '统一社会信用代码', children: <Typography.Text copyable>{profile.credit_code}</Typography.Text> },
            { label: '区县', children: meta.district_name ?? <Unknown /> },
            {
              label: '行业',
              children: industryPath ? (
                <span>
                  {industryPath}
                  {profile.industry_code && (
                    <Typography.Text type="secondary">（{profile.industry_code}）</Typography.Text>
                  )}
                </span>
              ) : (
                <Unknown />
              ),
            },
            {
              label: '成立日期',
              children: profile.registration_date ? formatDate(profile.registration_date) : <Unknown />,
            },
            { label: '企业规模', children: meta.size_class ? SIZE_CLASS_LABELS[meta.size_class] : <Unknown /> },
            {
              label: '上市状态',
              children:
                profile.is_listed === null || profile.is_listed === undefined ? (
                  <Unknown />
                ) : profile.is_listed ? (
                  <Tag color="blue">已上市</Tag>
                ) : (
                  '未上市'
                ),
            },
            {
              label: '产业链',
              children: meta.chains.length ? (
                <Space size={[0, 4]} wrap>
                  {meta.chains.map((chain) => (
                    <Tag key={chain.id} color="geekblue">
                      {chain.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未纳入重点产业链</Typography.Text>
              ),
            },
            { label: '主导产品', children: profile.main_product?.name ?? <Unknown /> },
            {
              label: '细分市场起始',
              children: profile.segment_start_date ? formatDate(profile.segment_start_date) : <Unknown />,
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          数据版本 v{meta.version} · 更新于 {formatDate(meta.updated_at)}
        </Typography.Text>
      </Space>
    </Card>
  );
}
