import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Collapse, DatePicker, Empty, Form, Radio, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import type { CriterionResult, DataGap, Evaluation, Portrait, StandardCatalogueEntry } from '../../../api/types.ts';
import { Unknown } from '../../../components/Figure.tsx';
import { pathLabel } from '../../../lib/fields.ts';
import { formatNumber, formatRuleValue } from '../../../lib/format.ts';
import {
  APPLICATION_LABELS,
  CRITERION_STATUS,
  QUALITY_LABELS,
  SIZE_CLASS_LABELS,
  STANDARD_NAMES,
  STANDARD_STATUS,
} from '../../../lib/labels.ts';
import { loadStandardsCatalogue } from '../../../lib/reference.ts';
import type { EvaluationRequest } from '../PortraitPage.tsx';

const STANDARD_ORDER = Object.keys(STANDARD_NAMES);

interface CriterionRow extends CriterionResult {
  /** Rows a group label spans: >0 on a group's first member, 0 on the others, 1 outside groups. */
  groupSpan: number;
  groupIndex: number | null;
}

/** Keeps criteria in the engine's order but pulls the members of an any_of group together. */
function groupCriteria(criteria: CriterionResult[]): CriterionRow[] {
  const rows: CriterionRow[] = [];
  const placed = new Set<string>();
  let groupIndex = 0;
  for (const criterion of criteria) {
    if (!criterion.any_of) {
      rows.push({ ...criterion, groupSpan: 1, groupIndex: null });
      continue;
    }
    if (placed.has(criterion.any_of)) continue;
    placed.add(criterion.any_of);
    const members = criteria.filter((c) => c.any_of === criterion.any_of);
    groupIndex += 1;
    members.forEach((member, index) =>
      rows.push({ ...member, groupSpan: index === 0 ? members.length : 0, groupIndex }),
    );
  }
  return rows;
}

const SIZE_CLASS_TEXT: Record<string, string> = SIZE_CLASS_LABELS;

/** Values as the engine reports them; size classes (G-02) read as 小型 rather than small. */
function displayValue(value: unknown) {
  if (value === null || value === undefined) return <Unknown />;
  if (typeof value === 'string' && SIZE_CLASS_TEXT[value]) return SIZE_CLASS_TEXT[value];
  if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string' && SIZE_CLASS_TEXT[v])) {
    return value.map((v) => SIZE_CLASS_TEXT[v as string]).join('、');
  }
  return formatRuleValue(value);
}

function missingLabel(entry: string | DataGap, gaps: DataGap[]): string {
  if (typeof entry !== 'string') return entry.label;
  return gaps.find((gap) => gap.path === entry)?.label ?? pathLabel(entry);
}

export function EvaluationTab({
  portrait,
  request,
  onRequestChange,
  evaluation,
  loading,
  error,
}: {
  portrait: Portrait;
  request: EvaluationRequest;
  onRequestChange: (request: EvaluationRequest) => void;
  evaluation: Evaluation | undefined;
  loading: boolean;
  error: Error | undefined;
}) {
  const [catalogue, setCatalogue] = useState<StandardCatalogueEntry[]>([]);
  const [openPanels, setOpenPanels] = useState<string[]>([]);
  useEffect(() => {
    // Criterion names are a convenience here: without the catalogue the ids still identify them.
    loadStandardsCatalogue().then(setCatalogue, () => setCatalogue([]));
  }, []);

  function criterionName(standardId: string, version: string, criterion: CriterionResult): string {
    if (criterion.name) return criterion.name;
    const entry = catalogue.find((s) => s.id === standardId);
    const versions = entry?.versions ?? [];
    const named = [versions.find((v) => v.version === version), ...versions]
      .flatMap((v) => v?.criteria ?? [])
      .find((c) => c.id === criterion.id);
    return named?.name ?? '—';
  }

  const standards = evaluation
    ? Object.entries(evaluation.result.standards).sort(
        ([a], [b]) => orderOf(a) - orderOf(b),
      )
    : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label="评价基准日">
          <DatePicker
            allowClear={false}
            value={dayjs(request.asOf)}
            onChange={(date) => date && onRequestChange({ ...request, asOf: date.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        <Form.Item label="申报类型">
          <Radio.Group
            optionType="button"
            value={request.application}
            onChange={(event) => onRequestChange({ ...request, application: event.target.value })}
            options={(['new', 're_review'] as const).map((value) => ({ value, label: APPLICATION_LABELS[value] }))}
          />
        </Form.Item>
        {evaluation && (
          <Form.Item>
            <Space>
              <Button size="small" onClick={() => setOpenPanels(standards.map(([id]) => id))}>
                全部展开
              </Button>
              <Button size="small" onClick={() => setOpenPanels([])}>
                全部收起
              </Button>
            </Space>
          </Form.Item>
        )}
        {evaluation && (
          <Form.Item>
            <Space size={4} wrap>
              {Object.entries(STANDARD_STATUS).map(([status, tag]) => {
                const count = standards.filter(([, result]) => result.status === status).length;
                return count ? (
                  <Tag key={status} color={tag.color}>
                    {tag.label} {count}
                  </Tag>
                ) : null;
              })}
            </Space>
          </Form.Item>
        )}
      </Form>
      {loading && !evaluation && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {!loading && error && !evaluation && (
        <Alert type="error" showIcon title="评价结果暂不可用" description={error.message} />
      )}
      {evaluation && standards.length === 0 && <Empty description="没有适用的认定标准" />}
      {evaluation && standards.length > 0 && (
        <Spin spinning={loading}>
          <Collapse
            activeKey={openPanels}
            onChange={(keys) => setOpenPanels(keys as string[])}
            items={standards.map(([id, result]) => {
              const status = STANDARD_STATUS[result.status] ?? { label: result.status, color: 'default' };
              const rows = groupCriteria(result.criteria);
              return {
                key: id,
                label: (
                  <Space wrap data-testid={`standard-${id}`}>
                    <Typography.Text strong>{STANDARD_NAMES[id] ?? id}</Typography.Text>
                    <Tag>规则版本 {result.version}</Tag>
                    <Tag color={status.color} data-testid={`standard-status-${id}`}>
                      {status.label}
                    </Tag>
                    {result.score !== null && result.score !== undefined && (
                      <Typography.Text type="secondary">得分 {formatNumber(result.score)}</Typography.Text>
                    )}
                    <CriteriaSummary criteria={result.criteria} />
                  </Space>
                ),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <CriteriaTable
                      rows={rows}
                      nameOf={(criterion) => criterionName(id, result.version, criterion)}
                    />
                    {result.missing.length > 0 && (
                      <Alert
                        type="warning"
                        showIcon
                        title={`缺少以下数据：${result.missing.map((m) => missingLabel(m, portrait.gaps)).join('、')}`}
                      />
                    )}
                  </Space>
                ),
              };
            })}
          />
        </Spin>
      )}
    </Space>
  );
}

/** "达标 5 · 未达标 1 · 数据不足 2": the panel's content at a glance while it is folded. */
function CriteriaSummary({ criteria }: { criteria: CriterionResult[] }) {
  const parts = (Object.keys(CRITERION_STATUS) as CriterionResult['status'][])
    .map((status) => ({ status, count: criteria.filter((c) => c.status === status).length }))
    .filter((part) => part.count > 0 && part.status !== 'not_applicable')
    .map((part) => `${CRITERION_STATUS[part.status].label} ${part.count}`);
  return parts.length ? <Typography.Text type="secondary">指标：{parts.join(' · ')}</Typography.Text> : null;
}

function orderOf(id: string): number {
  const index = STANDARD_ORDER.indexOf(id);
  return index < 0 ? STANDARD_ORDER.length : index;
}

function CriteriaTable({ rows, nameOf }: { rows: CriterionRow[]; nameOf: (criterion: CriterionResult) => string }) {
  const hasGroups = rows.some((row) => row.groupIndex !== null);
  const hasPoints = rows.some((row) => row.points !== null && row.points !== undefined);
  const columns: TableProps<CriterionRow>['columns'] = [
    ...(hasGroups
      ? [
          {
            title: '组合',
            key: 'any_of',
            width: 90,
            onCell: (row: CriterionRow) => ({ rowSpan: row.groupSpan }),
            render: (_: unknown, row: CriterionRow) =>
              row.groupIndex !== null ? (
                <Tooltip title="同组指标满足其一即可">
                  <Tag color="geekblue">任选其一</Tag>
                </Tooltip>
              ) : null,
          },
        ]
      : []),
    { title: '编号', dataIndex: 'id', width: 130, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
    {
      title: '指标',
      key: 'name',
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{nameOf(row)}</span>
          {(row.quality === 'S' || row.quality === 'U') && (
            <Tooltip title={QUALITY_LABELS[row.quality].hint}>
              <Tag color="orange">待核实</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: CriterionRow['status']) => {
        const tag = CRITERION_STATUS[status] ?? { label: status, color: 'default' };
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    { title: '取值', key: 'value', align: 'right', width: 110, render: (_, row) => displayValue(row.value) },
    { title: '门槛', key: 'threshold', align: 'right', width: 110, render: (_, row) => displayValue(row.threshold) },
    {
      title: '差距',
      dataIndex: 'gap',
      align: 'right',
      width: 100,
      render: (gap: number | null | undefined) =>
        gap === null || gap === undefined ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text type="danger">{formatNumber(gap)}</Typography.Text>
        ),
    },
    { title: '单位', dataIndex: 'unit', width: 70, render: (unit: string | null) => unit || '—' },
    ...(hasPoints
      ? [
          {
            title: '得分',
            key: 'points',
            width: 80,
            align: 'right' as const,
            render: (_: unknown, row: CriterionRow) =>
              row.points === null || row.points === undefined
                ? '—'
                : `${formatNumber(row.points)}${row.max_points ? ` / ${row.max_points}` : ''}`,
          },
        ]
      : []),
    {
      title: '依据',
      dataIndex: 'source',
      width: 240,
      render: (source: string | null) => source || <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Table<CriterionRow>
      size="small"
      bordered
      rowKey={(row) => `${row.any_of ?? ''}:${row.id}`}
      pagination={false}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1100 }}
      rowClassName={(row) =>
        row.groupIndex === null ? '' : row.groupSpan > 0 ? 'any-of-row any-of-row-first' : 'any-of-row'
      }
      onRow={(row) => ({ 'data-criterion': row.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}
