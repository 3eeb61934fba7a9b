import { Card, Col, Empty, Row, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { EChartsOption } from 'echarts';
import { api } from '../../api/client.ts';
import type { District, EnterpriseQuery, SizeClass } from '../../api/types.ts';
import { EChart, echarts } from '../../components/EChart.tsx';
import { SIZE_CLASS_LABELS, SIZE_CLASS_ORDER, STANDARD_NAMES } from '../../lib/labels.ts';
import { loadDistricts } from '../../lib/reference.ts';
import { useApi } from '../../lib/useApi.ts';

const MAP_NAME = 'chongqing';
const HEADLINE_TITLES = ['little_giant', 'specialized_sme', 'innovative_sme', 'high_tech'];
const PARALLEL_REQUESTS = 6;

interface DashboardData {
  total: number;
  bySize: Record<SizeClass, number>;
  byTitle: Record<string, number>;
  byDistrict: { district: District; count: number }[];
}

/** Totals come from the listing's `total`, one small request per figure, a few at a time. */
async function countAll(queries: EnterpriseQuery[]): Promise<number[]> {
  const counts: number[] = new Array(queries.length);
  let next = 0;
  async function worker() {
    while (next < queries.length) {
      const index = next++;
      counts[index] = (await api.enterprises({ ...queries[index], limit: 1, with_total: 'true' })).total ?? 0;
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  return counts;
}

async function loadDashboard(): Promise<DashboardData> {
  const districts = await loadDistricts();
  const queries: EnterpriseQuery[] = [
    {},
    ...SIZE_CLASS_ORDER.map((size_class) => ({ size_class })),
    ...HEADLINE_TITLES.map((title) => ({ title })),
    ...districts.map((district) => ({ district: district.code })),
  ];
  const counts = await countAll(queries);
  const sizeOffset = 1;
  const titleOffset = sizeOffset + SIZE_CLASS_ORDER.length;
  const districtOffset = titleOffset + HEADLINE_TITLES.length;
  return {
    total: counts[0],
    bySize: Object.fromEntries(SIZE_CLASS_ORDER.map((size, i) => [size, counts[sizeOffset + i]])) as Record<SizeClass, number>,
    byTitle: Object.fromEntries(HEADLINE_TITLES.map((title, i) => [title, counts[titleOffset + i]])),
    byDistrict: districts.map((district, i) => ({ district, count: counts[districtOffset + i] })),
  };
}

async function loadMap(): Promise<boolean> {
  if (!echarts.getMap(MAP_NAME)) {
    const geojson = await api.geojson();
    echarts.registerMap(MAP_NAME, geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
  }
  return true;
}

export default function DashboardPage() {
  const stats = useApi(loadDashboard, []);
  const map = useApi(loadMap, []);
  const data = stats.data;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small" title="企业总览">
          <Spin spinning={stats.loading}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}>
                <Statistic title="企业总数（家）" value={data?.total ?? '—'} groupSeparator="," />
              </Col>
              {SIZE_CLASS_ORDER.map((size) => (
                <Col xs={12} md={8} xl={4} key={size}>
                  <Statistic title={`${SIZE_CLASS_LABELS[size]}企业（家）`} value={data?.bySize[size] ?? '—'} groupSeparator="," />
                </Col>
              ))}
              <Col xs={12} md={8} xl={4}>
                <Tooltip title="缺少划型所需数据（营业收入、从业人员等），暂无法判定规模">
                  <Statistic title="规模未知（家）" value={data ? unknownSize(data) : '—'} groupSeparator="," />
                </Tooltip>
              </Col>
              {HEADLINE_TITLES.map((title) => (
                <Col xs={12} md={8} xl={6} key={title}>
                  <Link to={`/enterprises?title=${title}`}>
                    <Statistic title={`${STANDARD_NAMES[title]}（家）`} value={data?.byTitle[title] ?? '—'} groupSeparator="," />
                  </Link>
                </Col>
              ))}
            </Row>
          </Spin>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title="企业区县分布">
          {map.data && data ? (
            <EChart height={520} option={mapOption(data)} />
          ) : map.error ? (
            <Empty description="地图数据加载失败" />
          ) : (
            <Spin style={{ display: 'block', margin: '200px auto' }} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title="区县企业数排名">
          <Table
            size="small"
            rowKey={(row) => row.district.code}
            loading={stats.loading}
            pagination={{ pageSize: 12, size: 'small', hideOnSinglePage: true }}
            dataSource={[...(data?.byDistrict ?? [])].sort((a, b) => b.count - a.count)}
            columns={[
              { title: '排名', key: 'rank', width: 60, render: (_, __, index) => index + 1 },
              {
                title: '区县',
                key: 'name',
                render: (_, row) => (
                  <Link to={`/enterprises?district=${row.district.code}`}>{row.district.name}</Link>
                ),
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
      </Col>
    </Row>
  );
}

function unknownSize(data: DashboardData): number {
  return data.total - SIZE_CLASS_ORDER.reduce((sum, size) => sum + data.bySize[size], 0);
}

function mapOption(data: DashboardData): EChartsOption {
  const administrative = data.byDistrict.filter((d) => /^\d{6}$/.test(d.district.code));
  const max = Math.max(1, ...administrative.map((d) => d.count));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const { name, value } = params as { name: string; value: unknown };
        return `${name}<br/>企业数：${typeof value === 'number' && !Number.isNaN(value) ? value.toLocaleString('zh-CN') : 0} 家`;
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
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f5a623' } },
        data: administrative.map((d) => ({ name: d.district.name, value: d.count })),
      },
    ],
  };
}
