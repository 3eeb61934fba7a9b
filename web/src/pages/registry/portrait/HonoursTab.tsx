import type { ReactNode } from 'react';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type {
  EquityFinancing,
  IpItem,
  Portrait,
  Qualification,
  RdInstitution,
  ScienceAward,
  StandardDrafted,
} from '../../../api/types.ts';
import { Figure, Unknown } from '../../../components/Figure.tsx';
import { ProvenanceTip, findProvenance } from '../../../components/ProvenanceTip.tsx';
import { formatDate } from '../../../lib/format.ts';
import {
  ACQUISITION_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  RD_INSTITUTION_LABELS,
  STANDARD_ROLE_LABELS,
  lookup,
  titleName,
} from '../../../lib/labels.ts';
import { QUALIFICATION_STATE_TAGS, qualificationState } from './qualifications.ts';

function yesNo(value: boolean | null | undefined) {
  if (value === null || value === undefined) return <Unknown />;
  return value ? '是' : '否';
}

const date = (value: string | null | undefined) => (value ? formatDate(value) : <Typography.Text type="secondary">—</Typography.Text>);

export function HonoursTab({ portrait }: { portrait: Portrait }) {
  const { profile } = portrait;

  /** A list section: null = unknown (a gap), [] = known none. */
  function section<T extends object>(path: string, title: string, rows: T[] | null | undefined, columns: TableProps<T>['columns']): ReactNode {
    const source = findProvenance(portrait, path);
    return (
      <Card
        size="small"
        title={title}
        data-testid={`honours-${path}`}
        extra={
          source && (
            <ProvenanceTip source={source}>
              <Typography.Text type="secondary">来源：{source.source_label}</Typography.Text>
            </ProvenanceTip>
          )
        }
      >
        {rows === null || rows === undefined ? (
          <Alert type="warning" showIcon title={`数据缺失：尚未提供${title}信息（未知，不视为“无”）`} />
        ) : (
          <Table<T>
            size="small"
            rowKey={(_, index) => String(index)}
            pagination={false}
            columns={columns}
            dataSource={rows}
            locale={{ emptyText: `无${title}` }}
          />
        )}
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {section<Qualification>('qualifications', '资质称号', profile.qualifications, [
        { title: '称号', dataIndex: 'title', render: (title: string) => titleName(title) },
        { title: '级别', dataIndex: 'level', render: (level: string | null) => lookup(LEVEL_LABELS, level) },
        { title: '认定日期', dataIndex: 'issue_date', render: date },
        { title: '有效期至', dataIndex: 'expiry_date', render: date },
        {
          title: '状态',
          key: 'state',
          render: (_, row) => {
            const state = QUALIFICATION_STATE_TAGS[qualificationState(row.expiry_date)];
            return <Tag color={state.color}>{state.label}</Tag>;
          },
        },
      ])}
      {section<IpItem>('ip_items', '知识产权', profile.ip_items, [
        { title: '类型', dataIndex: 'type', render: (type: string | null) => lookup(IP_TYPE_LABELS, type) },
        { title: '类别', dataIndex: 'class', render: (cls: string | null) => (cls ? `${cls}类` : '—') },
        { title: '授权日期', dataIndex: 'grant_date', render: date },
        { title: '有效期至', dataIndex: 'valid_until', render: date },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: string | null) =>
            status === 'valid' ? <Tag color="green">有效</Tag> : status ? <Tag>{status === 'invalid' ? '失效' : status}</Tag> : <Unknown />,
        },
        { title: '取得方式', dataIndex: 'acquisition', render: (a: string | null) => lookup(ACQUISITION_LABELS, a) },
        { title: '权利人排序', dataIndex: 'holder_rank', render: (rank: number | null) => (rank ? `第${rank}` : <Unknown />) },
        { title: '与主导产品相关', dataIndex: 'related_to_main_product', render: yesNo },
        { title: '已实施应用', dataIndex: 'in_use', render: yesNo },
      ])}
      {section<ScienceAward>('science_awards', '科技奖励', profile.science_awards, [
        { title: '奖项', dataIndex: 'name', render: (name: string | null) => name ?? <Unknown /> },
        { title: '级别', dataIndex: 'level', render: (level: string | null) => lookup(LEVEL_LABELS, level) },
        { title: '获奖日期', dataIndex: 'date', render: date },
        { title: '完成单位排名', dataIndex: 'rank', render: (rank: number | null) => (rank ? `第${rank}` : <Unknown />) },
      ])}
      {section<RdInstitution>('rd_institutions', '研发机构', profile.rd_institutions, [
        { title: '类型', dataIndex: 'type', render: (type: string | null) => lookup(RD_INSTITUTION_LABELS, type) },
        { title: '级别', dataIndex: 'level', render: (level: string | null) => lookup(LEVEL_LABELS, level) },
        { title: '共建', dataIndex: 'joint', render: yesNo },
        { title: '认定日期', dataIndex: 'recognized_date', render: date },
        { title: '有效期至', dataIndex: 'valid_until', render: (v: string | null) => (v ? formatDate(v) : '长期') },
      ])}
      {section<StandardDrafted>('standards', '标准制定', profile.standards, [
        { title: '标准', dataIndex: 'name', render: (name: string | null) => name ?? '—' },
        { title: '级别', dataIndex: 'level', render: (level: string | null) => lookup(LEVEL_LABELS, level) },
        { title: '角色', dataIndex: 'role', render: (role: string | null) => lookup(STANDARD_ROLE_LABELS, role) },
        { title: '发布日期', dataIndex: 'date', render: date },
      ])}
      {section<EquityFinancing>('equity_financing', '股权融资', profile.equity_financing, [
        { title: '融资日期', dataIndex: 'date', render: date },
        { title: '金额（万元）', dataIndex: 'amount', align: 'right', render: (v: number | null) => <Figure value={v} /> },
        { title: '投资方', dataIndex: 'investor', render: (v: string | null) => v ?? <Unknown /> },
        { title: '合格投资机构', dataIndex: 'qualified_investor', render: yesNo },
      ])}
    </Space>
  );
}
