import { Card, Col, Empty, Row, Spin } from 'antd';
import type { EChartsOption } from 'echarts';
import type { Evaluation, Portrait } from '../../../api/types.ts';
import { EChart } from '../../../components/EChart.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { STANDARD_NAMES } from '../../../lib/labels.ts';
import { fiscalYears, rdIntensity, yearValue } from './years.ts';

const TREND_YEARS = 4;
const PALETTE = ['#1f4e9c', '#52a1e5', '#f5a623', '#3bb273'];

function valueFormatter(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : '数据缺失';
}

function trendOption(
  years: string[],
  series: { name: string; data: (number | null)[]; type: 'bar' | 'line'; yAxisIndex?: number }[],
  axes: string[],
): EChartsOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter },
    legend: { top: 0 },
    grid: { left: 56, right: axes.length > 1 ? 56 : 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: axes.map((name, index) => ({
      type: 'value',
      name,
      position: index === 0 ? 'left' : 'right',
      splitLine: { show: index === 0 },
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    })),
    series: series.map((s) => ({
      ...s,
      connectNulls: false,
      barMaxWidth: 28,
      smooth: s.type === 'line',
      label: s.type === 'line' && s.yAxisIndex === 1 ? { show: true, formatter: '{c}%' } : undefined,
    })),
  };
}

export function OverviewTab({
  portrait,
  evaluation,
  evaluationLoading,
}: {
  portrait: Portrait;
  evaluation: Evaluation | undefined;
  evaluationLoading: boolean;
}) {
  const { profile } = portrait;
  const years = fiscalYears(profile).slice(-TREND_YEARS);
  const series = (key: string) => years.map((year) => yearValue(profile, year, key));

  if (!years.length) return <Empty description="暂无年度经营数据" />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title="营业收入与主营业务收入（万元）">
          <EChart
            option={trendOption(
              years,
              [
                { name: '营业收入', type: 'bar', data: series('operating_revenue') },
                { name: '主营业务收入', type: 'bar', data: series('main_business_revenue') },
              ],
              ['万元'],
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="研发费用（万元）与研发强度（%）">
          <EChart
            option={trendOption(
              years,
              [
                { name: '研发费用', type: 'bar', data: series('rd_expense') },
                {
                  name: '研发强度',
                  type: 'line',
                  yAxisIndex: 1,
                  data: years.map((year) => {
                    const intensity = rdIntensity(profile, year);
                    return intensity === null ? null : Number(intensity.toFixed(2));
                  }),
                },
              ],
              ['万元', '%'],
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="从业人员与研发人员（人）">
          <EChart
            option={trendOption(
              years,
              [
                { name: '期末从业人员', type: 'bar', data: series('employees_period_end') },
                { name: '研发人员', type: 'line', data: series('rd_staff') },
              ],
              ['人'],
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="各梯度标准指标达标率（%）" data-testid="evaluation-radar">
          <EvaluationRadar evaluation={evaluation} loading={evaluationLoading} />
        </Card>
      </Col>
    </Row>
  );
}

/** Share of each standard's criteria that are met, over the criteria that apply. */
function EvaluationRadar({ evaluation, loading }: { evaluation: Evaluation | undefined; loading: boolean }) {
  if (!evaluation) {
    return loading ? (
      <Spin style={{ display: 'block', margin: '100px auto' }} />
    ) : (
      <Empty description="评价结果暂不可用" style={{ height: 248, paddingTop: 64 }} />
    );
  }
  const dimensions = Object.entries(evaluation.result.standards)
    .map(([id, result]) => {
      const applicable = result.criteria.filter((c) => c.status !== 'not_applicable');
      const met = applicable.filter((c) => c.status === 'met').length;
      return { id, share: applicable.length ? Math.round((met / applicable.length) * 100) : 0 };
    })
    .filter((d) => STANDARD_NAMES[d.id]);
  if (dimensions.length < 3) return <Empty description="评价维度不足，无法绘制雷达图" />;

  const option: EChartsOption = {
    color: PALETTE,
    tooltip: {},
    radar: {
      radius: '62%',
      center: ['50%', '54%'],
      indicator: dimensions.map((d) => ({ name: STANDARD_NAMES[d.id], max: 100 })),
      axisName: { color: '#595959', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        name: '指标达标率',
        areaStyle: { opacity: 0.2 },
        data: [{ value: dimensions.map((d) => d.share), name: `达标率（${evaluation.as_of}）` }],
      },
    ],
  };
  return <EChart option={option} />;
}
