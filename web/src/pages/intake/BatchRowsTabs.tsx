import { useState } from 'react';
import { Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { intakeApi, type BatchCounts, type BatchRow, type RowOutcome, type RowProblem } from './intakeApi.ts';

const PAGE_SIZE = 50;

/** One problem of a rejected row per line: a row with three errors shows three lines, all reported at once. */
interface ProblemLine extends RowProblem {
  key: string;
  credit_code: string | null;
}

function WarningTags({ problems }: { problems: RowProblem[] }) {
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  if (warnings.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {warnings.map((warning) => (
        <Typography.Text key={`${warning.column}-${warning.code}`} type="warning">
          {warning.column}：{warning.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const placeColumns: TableColumnsType<BatchRow> = [
  { title: '工作表', dataIndex: 'sheet', key: 'sheet', width: 140 },
  { title: '行', dataIndex: 'row', key: 'row', width: 70, align: 'right' },
  { title: '统一社会信用代码', dataIndex: 'credit_code', key: 'credit_code', width: 190, render: (code: string | null) => code ?? '—' },
];

const warningColumn: TableColumnsType<BatchRow>[number] = { title: '提醒（仍会导入）', dataIndex: 'problems', key: 'warnings', render: (problems: RowProblem[]) => <WarningTags problems={problems} /> };

const rowColumns: Record<Exclude<RowOutcome, 'rejected'>, TableColumnsType<BatchRow>> = {
  new: [...placeColumns, warningColumn],
  unchanged: [...placeColumns, warningColumn],
  updated: [
    ...placeColumns,
    {
      title: '变更（原值 → 新值）',
      dataIndex: 'changes',
      key: 'changes',
      render: (changes: BatchRow['changes']) => (
        <Space orientation="vertical" size={2}>
          {changes.map((change) => (
            <span key={change.column} data-testid="row-change">
              {change.column}：<Typography.Text delete type="secondary">{displayValue(change.old)}</Typography.Text> → <Typography.Text strong>{displayValue(change.new)}</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
    warningColumn,
  ],
};

const problemColumns: TableColumnsType<ProblemLine> = [
  { title: '工作表', dataIndex: 'sheet', key: 'sheet', width: 140 },
  { title: '行', dataIndex: 'row', key: 'row', width: 70, align: 'right' },
  { title: '列', dataIndex: 'column', key: 'column', width: 170 },
  {
    title: '错误代码',
    dataIndex: 'code',
    key: 'code',
    width: 230,
    render: (code: string, line) => (
      <Space size={4}>
        <Tag color={line.severity === 'error' ? 'red' : 'orange'}>{line.severity === 'error' ? '错误' : '提醒'}</Tag>
        <Typography.Text code>{code}</Typography.Text>
      </Space>
    ),
  },
  { title: '原因', dataIndex: 'message', key: 'message' },
];

/** A page of one outcome's rows, fetched when its tab is first shown and on every page turn. */
function useRowsPage(batchId: number, outcome: RowOutcome, page: number) {
  const { data, loading } = useApi(() => intakeApi.rows(batchId, outcome, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [batchId, outcome, page]);
  return { rows: data ?? [], loading };
}

function OutcomeTable({ batchId, outcome, total }: { batchId: number; outcome: Exclude<RowOutcome, 'rejected'>; total: number }) {
  const [page, setPage] = useState(1);
  const { rows, loading } = useRowsPage(batchId, outcome, page);
  return (
    <Table<BatchRow>
      rowKey={(row) => `${row.sheet}-${row.row}`}
      size="small"
      columns={rowColumns[outcome]}
      dataSource={rows}
      loading={loading}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (count) => `共 ${formatNumber(count)} 行` }}
      locale={{ emptyText: '没有这类行' }}
    />
  );
}

function RejectedTable({ batchId, total }: { batchId: number; total: number }) {
  const [page, setPage] = useState(1);
  const { rows, loading } = useRowsPage(batchId, 'rejected', page);
  const lines: ProblemLine[] = rows.flatMap((row) =>
    row.problems.map((problem, index) => ({ ...problem, key: `${row.sheet}-${row.row}-${index}`, credit_code: row.credit_code })),
  );
  return (
    <Table<ProblemLine>
      rowKey="key"
      size="small"
      columns={problemColumns}
      dataSource={lines}
      loading={loading}
      // Pages hold rows of the file, each with all its problems.
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: () => `共 ${formatNumber(total)} 行被拒绝` }}
      locale={{ emptyText: '没有被拒绝的行' }}
    />
  );
}

/** The dry run's rows by outcome; rejected rows first, because those are what the officer must look at. */
export function BatchRowsTabs({ batchId, counts }: { batchId: number; counts: BatchCounts }) {
  const label = (text: string, count: number) => `${text}（${formatNumber(count)}）`;
  return (
    <Tabs
      defaultActiveKey={counts.rejected > 0 ? 'rejected' : counts.updated > 0 ? 'updated' : 'new'}
      destroyOnHidden
      items={[
        { key: 'rejected', label: label('拒绝', counts.rejected), children: <RejectedTable batchId={batchId} total={counts.rejected} /> },
        { key: 'updated', label: label('更新', counts.updated), children: <OutcomeTable batchId={batchId} outcome="updated" total={counts.updated} /> },
        { key: 'new', label: label('新增', counts.new), children: <OutcomeTable batchId={batchId} outcome="new" total={counts.new} /> },
        { key: 'unchanged', label: label('未变', counts.unchanged), children: <OutcomeTable batchId={batchId} outcome="unchanged" total={counts.unchanged} /> },
      ]}
    />
  );
}
