import { Alert, Card, Collapse, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Quality, StandardParameter, StandardVersion } from '../../api/types.ts';
import { formatDate, formatRuleValue } from '../../lib/format.ts';
import { QUALITY_LABELS, STANDARD_NAMES } from '../../lib/labels.ts';
import { loadStandardsCatalogue } from '../../lib/reference.ts';
import { useApi } from '../../lib/useApi.ts';

function QualityTag({ quality }: { quality: Quality | null | undefined }) {
  if (!quality || !QUALITY_LABELS[quality]) return <Typography.Text type="secondary">—</Typography.Text>;
  const { label, color, hint } = QUALITY_LABELS[quality];
  return (
    <Tooltip title={hint}>
      <Tag color={color}>{label}</Tag>
    </Tooltip>
  );
}

function parameterValue(value: unknown) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return formatRuleValue(value);
}

/** The catalogue names a parameter `key`; the engine's own records call it `id`. */
function parameterKey(p: StandardParameter): string {
  return p.key ?? p.id ?? '';
}

function period(from: string | null | undefined, to: string | null | undefined): string {
  return `${from ? formatDate(from) : '—'} 至 ${to ? formatDate(to) : '今'}`;
}

const parameterColumns: TableProps<StandardParameter>['columns'] = [
  {
    title: '参数',
    key: 'name',
    width: 240,
    render: (_, p) => (
      <Space size={4}>
        {p.name || <Typography.Text code>{parameterKey(p)}</Typography.Text>}
        {p.note && (
          <Tooltip title={p.note}>
            <Typography.Text type="secondary">[注]</Typography.Text>
          </Tooltip>
        )}
      </Space>
    ),
  },
  { title: '取值', dataIndex: 'value', width: 180, render: parameterValue },
  { title: '单位', dataIndex: 'unit', width: 70, render: (unit: string | null) => unit || '—' },
  { title: '生效期间', key: 'period', width: 200, render: (_, p) => period(p.from, p.to) },
  { title: '依据', dataIndex: 'source', render: (source: string | null) => source || '—' },
  { title: '核实情况', dataIndex: 'quality', width: 150, render: (q: Quality | null) => <QualityTag quality={q} /> },
];

function VersionCard({ version }: { version: StandardVersion }) {
  const criteria = version.criteria ?? [];
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          <span>规则版本 {version.version}</span>
          {version.name && <Typography.Text>{version.name}</Typography.Text>}
          <Typography.Text type="secondary">{period(version.from, version.to)}</Typography.Text>
        </Space>
      }
    >
      {version.documents && version.documents.length > 0 && (
        <Typography.Paragraph>
          <Typography.Text strong>文件依据：</Typography.Text>
          {version.documents.join('；')}
        </Typography.Paragraph>
      )}
      {criteria.length > 0 && (
        <Typography.Paragraph>
          <Typography.Text strong>指标：</Typography.Text>
          {criteria.map((c) => (
            <Tag key={c.id} style={{ marginBottom: 4 }}>
              {c.id} {c.name}
            </Tag>
          ))}
        </Typography.Paragraph>
      )}
      <Table<StandardParameter>
        size="small"
        rowKey={(p) => `${parameterKey(p)}:${p.from ?? ''}`}
        pagination={false}
        columns={parameterColumns}
        scroll={{ x: 1100 }}
        dataSource={version.parameters ?? []}
        locale={{ emptyText: '本版本无可调参数' }}
      />
    </Card>
  );
}

export default function StandardsPage() {
  const catalogue = useApi(loadStandardsCatalogue, []);

  return (
    <Card title="标准与参数">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="各梯度认定标准按官方文本编码为带版本、带生效日期的规则，评价时按评价基准日和申报类型选用版本。"
          description={
            <Space size={4} wrap>
              核实情况：
              <QualityTag quality="R" />
              <QualityTag quality="S" />
              <QualityTag quality="U" />
              标记为 [S]、[U] 的参数在正式使用前须核对原文。
            </Space>
          }
        />
        {catalogue.loading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
        {!catalogue.loading && catalogue.error && (
          <Alert type="error" showIcon title="标准目录加载失败" description={catalogue.error.message} />
        )}
        {catalogue.data && catalogue.data.length === 0 && <Empty description="暂无认定标准" />}
        {catalogue.data && catalogue.data.length > 0 && (
          <Collapse
            items={catalogue.data.map((standard) => ({
              key: standard.id,
              label: (
                <Space>
                  <Typography.Text strong>{standard.name || STANDARD_NAMES[standard.id] || standard.id}</Typography.Text>
                  <Typography.Text type="secondary" code>
                    {standard.id}
                  </Typography.Text>
                  <Tag>{(standard.versions ?? []).length} 个版本</Tag>
                </Space>
              ),
              children: (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  {(standard.versions ?? []).map((version) => (
                    <VersionCard key={version.version} version={version} />
                  ))}
                </Space>
              ),
            }))}
          />
        )}
      </Space>
    </Card>
  );
}
