import type { HTMLAttributes } from 'react';
import { Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Portrait } from '../../../api/types.ts';
import { ProvenanceTip, findProvenance } from '../../../components/ProvenanceTip.tsx';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { YEAR_FIELDS } from '../../../lib/labels.ts';
import { fiscalYears, rdIntensity, yearValue } from './years.ts';

interface FieldRow {
  key: string;
  label: string;
  unit: string;
  derived?: boolean;
}

const ROWS: FieldRow[] = [
  ...YEAR_FIELDS,
  { key: 'rd_intensity', label: '研发费用占营业收入比重', unit: '%', derived: true },
];

/** Fields × fiscal years; an unknown cell is a data gap and is shown as one. */
export function YearsTab({ portrait }: { portrait: Portrait }) {
  const { profile } = portrait;
  const years = fiscalYears(profile);
  if (!years.length) return <Empty description="暂无年度数据（数据缺失）" />;

  const columns: TableProps<FieldRow>['columns'] = [
    {
      title: '指标',
      dataIndex: 'label',
      key: 'label',
      fixed: 'left',
      width: 220,
      render: (label: string, row) => (
        <Space size={4}>
          <span>{label}</span>
          <Typography.Text type="secondary">（{row.unit}）</Typography.Text>
          {row.derived && (
            <Tooltip title="由研发费用 ÷ 营业收入计算得出，不单独存储">
              <Tag>计算值</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...years.map((year) => ({
      title: `${year}年`,
      key: year,
      align: 'right' as const,
      width: 140,
      onCell: (row: FieldRow) => {
        const missing = row.derived ? rdIntensity(profile, year) === null : yearValue(profile, year, row.key) === null;
        return {
          className: missing && !row.derived ? 'year-value gap-cell' : 'year-value',
          'data-testid': `year-cell-${year}-${row.key}`,
        } as HTMLAttributes<HTMLTableCellElement>;
      },
      render: (_: unknown, row: FieldRow) => {
        if (row.derived) {
          const intensity = rdIntensity(profile, year);
          return intensity === null ? <Typography.Text type="secondary">—</Typography.Text> : formatPercent(intensity);
        }
        const value = yearValue(profile, year, row.key);
        if (value === null) {
          return (
            <Tooltip title="数据缺失：该年度此项数据未知，请补充">
              <span>缺失</span>
            </Tooltip>
          );
        }
        return (
          <ProvenanceTip source={findProvenance(portrait, `years.${year}.${row.key}`)}>
            {formatNumber(value)}
          </ProvenanceTip>
        );
      },
    })),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        金额单位：万元。鼠标悬停在数值上可查看数据来源、依据、录入人与时间；橙色单元格为缺失数据。
      </Typography.Text>
      <Table<FieldRow>
        className="year-table"
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={ROWS}
        scroll={{ x: 220 + years.length * 140 }}
      />
    </Space>
  );
}
