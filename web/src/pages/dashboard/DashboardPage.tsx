import { Card, Col, Empty, Row, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { EChartsOption } from 'echarts';
import { api } from '../../api/client.ts';
import type { RegistryStats } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useDistrictNames } from '../../auth/grants.ts';
import { EChart, echarts } from '../../components/EChart.tsx';
import { SIZE_CLASS_LABELS, SIZE_CLASS_ORDER, STANDARD_NAMES } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';

const MAP_NAME = 'chongqing';
const HEADLINE_TITLES = ['little_giant', 'specialized_sme', 'innovative_sme', 'high_tech'];
const MAP_HEIGHT = 520;

async function loadMap(): Promise<boolean> {
  if (!echarts.getMap(MAP_NAME)) {
    const geojson = await api.geojson();
    echarts.registerMap(MAP_NAME, geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
  }
  return true;
}

/** The districts a district officer works for ("渝北区"), or null for a user who sees the whole city. */
function useOwnDistricts(): string | null {
  const { state } = useAuth();
  const names = useDistrictNames();
  if (state.status !== 'signed_in' || state.me.scope.all) return null;
  const codes = state.me.roles.flatMap((grant) => (grant.role === 'district_officer' && grant.district_code ? [grant.district_code] : []));
  return codes.length ? codes.map((code) => names.get(code) ?? code).join('、') : null;
}

/** The registry in the user's scope, from one counting request: the city for city officers, the own district for a district officer. */
export default function DashboardPage() {
  const stats = useApi(api.registryStats, []);
  const map = useApi(loadMap, []);
  const ownDistricts = useOwnDistricts();
  const data = stats.data;
  const ranked = [...(data?.by_district ?? [])].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const showRanking = ranked.length > 1;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small" title={ownDistricts ? `企业总览 · ${ownDistricts}` : '企业总览'}>
          <Spin spinning={stats.loading}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}>
                <Statistic title="企业总数（家）" value={data?.total ?? '—'} groupSeparator="," />
              </Col>
              {SIZE_CLASS_ORDER.map((size) => (
                <Col xs={12} md={8} xl={4} key={size}>
                  <Statistic title={`${SIZE_CLASS_LABELS[size]}企业（家）`} value={data ? (data.by_size[size] ?? 0) : '—'} groupSeparator="," />
                </Col>
              ))}
              <Col xs={12} md={8} xl={4}>
                <Tooltip title="缺少划型所需数据（营业收入、从业人员等），暂无法判定规模">
                  <Statistic title="规模未知（家）" value={data ? (data.by_size.unknown ?? 0) : '—'} groupSeparator="," />
                </Tooltip>
              </Col>
              {HEADLINE_TITLES.map((title) => (
                <Col xs={12} md={8} xl={6} key={title}>
                  <Link to={`/enterprises?title=${title}`}>
                    <Statistic title={`${STANDARD_NAMES[title]}（家）`} value={data ? (data.by_title[title] ?? 0) : '—'} groupSeparator="," />
                  </Link>
                </Col>
              ))}
            </Row>
          </Spin>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={ownDistricts ? `${ownDistricts}在全市的位置` : '企业区县分布'}>
          {map.data && data ? (
            <EChart height={MAP_HEIGHT} option={mapOption(data)} />
          ) : map.error ? (
            <Empty description="地图数据加载失败" />
          ) : (
            <Spin style={{ display: 'block', margin: '200px auto' }} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        {showRanking ? (
          <Card size="small" title="区县企业数排名">
            <Table
              size="small"
              rowKey="code"
              loading={stats.loading}
              pagination={{ pageSize: 12, size: 'small', hideOnSinglePage: true }}
              dataSource={ranked}
              columns={[
                { title: '排名', key: 'rank', width: 60, render: (_, __, index) => index + 1 },
                {
                  title: '区县',
                  key: 'name',
                  render: (_, row) => <Link to={`/enterprises?district=${row.code}`}>{row.name}</Link>,
                },
                {
                  title: '企业数（家）',
                  dataIndex: 'count',
                  align: 'right',
                  render: (count: number) => count.toLocaleString('zh-CN'),
                },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              两江新区、重庆高新区、万盛经开区为功能区，地图按行政区划显示。
            </Typography.Text>
          </Card>
        ) : (
          <TitleCountsCard stats={data} loading={stats.loading} height={MAP_HEIGHT} />
        )}
      </Col>
      {showRanking && (
        <Col xs={24}>
          <TitleCountsCard stats={data} loading={stats.loading} height={320} />
        </Col>
      )}
    </Row>
  );
}

/** Enterprises holding each title today, in the order of the ladder. */
function TitleCountsCard({ stats, loading, height }: { stats: RegistryStats | undefined; loading: boolean; height: number }) {
  const titles = Object.keys(STANDARD_NAMES);
  return (
    <Card size="small" title="有效称号企业数">
      {stats ? (
        <EChart
          height={height}
          option={{
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1, name: '家' },
            yAxis: { type: 'category', inverse: true, data: titles.map((title) => STANDARD_NAMES[title]) },
            series: [
              {
                type: 'bar',
                name: '企业数',
                barMaxWidth: 18,
                itemStyle: { color: '#1f4e9c' },
                label: { show: true, position: 'right' },
                data: titles.map((title) => stats.by_title[title] ?? 0),
              },
            ],
          }}
        />
      ) : (
        <Spin spinning={loading} style={{ display: 'block', margin: '80px auto' }} />
      )}
    </Card>
  );
}

function mapOption(data: RegistryStats): EChartsOption {
  const administrative = data.by_district.filter((district) => /^\d{6}$/.test(district.code));
  const max = Math.max(1, ...administrative.map((district) => district.count));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const { name, value } = params as { name: string; value: unknown };
        const count = typeof value === 'number' && !Number.isNaN(value) ? `${value.toLocaleString('zh-CN')} 家` : '不在管辖范围';
        return `${name}<br/>企业数：${count}`;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 16,
      bottom: 16,
      text: ['多', '少'],
      calculable: true,
      inRange: { color: ['#e6efff', '#7fa8e8', '#1f4e9c'] },
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        roam: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        label: { show: false },
        itemStyle: { areaColor: '#f5f5f5', borderColor: '#bfbfbf' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f5a623' } },
        data: administrative.map((district) => ({ name: district.name, value: district.count })),
      },
    ],
  };
}
