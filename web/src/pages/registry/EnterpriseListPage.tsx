import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { EnterpriseListItem, EnterpriseQuery, EnterpriseSort, SizeClass } from '../../api/types.ts';
import { Figure, Unknown } from '../../components/Figure.tsx';
import { IndustrySelect } from '../../components/IndustrySelect.tsx';
import { SIZE_CLASS_LABELS, SIZE_CLASS_ORDER, STANDARD_NAMES, TITLE_COLORS, titleName } from '../../lib/labels.ts';
import { formatNumber } from '../../lib/format.ts';
import { loadChains, loadDistricts } from '../../lib/reference.ts';
import { useApi } from '../../lib/useApi.ts';
import { enterprisesExportUrl, PROFILES_EXPORT_URL } from '../intake/intakeApi.ts';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['district', 'industry', 'chain', 'size_class', 'title', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const SORTABLE: EnterpriseSort[] = ['name', 'credit_code', 'operating_revenue'];

function queryFromParams(params: URLSearchParams): EnterpriseQuery {
  const query: EnterpriseQuery = { limit: PAGE_SIZE };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (query as Record<string, string>)[key] = value;
  }
  const sort = params.get('sort') as EnterpriseSort | null;
  if (sort && SORTABLE.includes(sort)) {
    query.sort = sort;
    query.order = params.get('order') === 'desc' ? 'desc' : 'asc';
  }
  return query;
}

export default function EnterpriseListPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const queryKey = JSON.stringify(query);

  const districts = useApi(loadDistricts, []);
  const chains = useApi(loadChains, []);

  const [items, setItems] = useState<EnterpriseListItem[]>([]);
  const [total, setTotal] = useState<number | null>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api.enterprises(query).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setTotal(page.total);
        setNextCursor(page.next_cursor);
        setLoading(false);
      },
      (err: Error) => {
        if (!current) return;
        setLoading(false);
        message.error(err.message);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, attempt]);

  async function loadMore() {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await api.enterprises({ ...query, cursor: nextCursor });
      setItems((shown) => [...shown, ...page.items]);
      setNextCursor(page.next_cursor);
      setTotal(page.total);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  function setFilter(key: FilterKey | 'sort' | 'order', value: string | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }

  const onTableChange: TableProps<EnterpriseListItem>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (single?.order && single.columnKey) {
          next.set('sort', String(single.columnKey));
          next.set('order', single.order === 'descend' ? 'desc' : 'asc');
        } else {
          next.delete('sort');
          next.delete('order');
        }
        return next;
      },
      { replace: true },
    );
  };

  const sortOrderOf = (key: EnterpriseSort) =>
    query.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: TableProps<EnterpriseListItem>['columns'] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: 'left',
      width: 220,
      render: (name: string, row) => <Link to={`/enterprises/${row.credit_code}`}>{name}</Link>,
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'credit_code',
      key: 'credit_code',
      sorter: true,
      sortOrder: sortOrderOf('credit_code'),
      width: 180,
      render: (code: string) => <Typography.Text copyable={{ text: code }}>{code}</Typography.Text>,
    },
    { title: '区县', dataIndex: 'district_name', key: 'district', width: 90, render: textOrUnknown },
    {
      title: '行业',
      dataIndex: 'industry_name',
      key: 'industry',
      width: 140,
      ellipsis: true,
      render: (name: string | null, row) =>
        name ? <Tooltip title={`${row.industry_code} ${name}`}>{name}</Tooltip> : <Unknown />,
    },
    {
      title: '规模',
      dataIndex: 'size_class',
      key: 'size_class',
      width: 64,
      render: (size: SizeClass | null) => (size ? SIZE_CLASS_LABELS[size] : <Unknown />),
    },
    {
      title: '营业收入（万元）',
      dataIndex: 'operating_revenue',
      key: 'operating_revenue',
      sorter: true,
      sortOrder: sortOrderOf('operating_revenue'),
      align: 'right',
      width: 130,
      render: (value: number | null, row) => <YearFigure value={value} year={row.summary_year} />,
    },
    {
      title: '研发费用（万元）',
      dataIndex: 'rd_expense',
      key: 'rd_expense',
      align: 'right',
      width: 120,
      render: (value: number | null, row) => <YearFigure value={value} year={row.summary_year} />,
    },
    {
      title: '从业人员（人）',
      dataIndex: 'employees',
      key: 'employees',
      align: 'right',
      width: 110,
      render: (value: number | null, row) => <YearFigure value={value} year={row.summary_year} />,
    },
    {
      title: '已获称号',
      dataIndex: 'titles',
      key: 'titles',
      width: 180,
      render: (titles: string[]) =>
        titles.length ? (
          <Space size={[0, 4]} wrap>
            {titles.map((title) => (
              <Tag key={title} color={TITLE_COLORS[title] ?? 'default'}>
                {titleName(title)}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  const chainOptions = Object.values(
    (chains.data ?? []).reduce<Record<string, { label: string; options: { value: string; label: string }[] }>>(
      (groups, chain) => {
        groups[chain.sector_id] ??= { label: chain.sector_name, options: [] };
        groups[chain.sector_id].options.push({ value: chain.id, label: chain.name });
        return groups;
      },
      {},
    ),
  );

  return (
    <div className="page-stack">
      <Card title="企业名录" size="small">
        <Form layout="vertical" className="registry-filters">
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="区县">
                <Select
                  data-testid="filter-district"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部区县"
                  options={districtOptions}
                  loading={districts.loading}
                  value={query.district}
                  onChange={(value?: string) => setFilter('district', value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="行业">
                <IndustrySelect value={query.industry} onChange={(value) => setFilter('industry', value)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="产业链">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部产业链"
                  options={chainOptions}
                  loading={chains.loading}
                  value={query.chain}
                  onChange={(value?: string) => setFilter('chain', value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="规模">
                <Select
                  allowClear
                  placeholder="全部规模"
                  options={SIZE_CLASS_ORDER.map((size) => ({ value: size, label: SIZE_CLASS_LABELS[size] }))}
                  value={query.size_class}
                  onChange={(value?: string) => setFilter('size_class', value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="已获称号">
                <Select
                  allowClear
                  placeholder="全部"
                  options={Object.entries(STANDARD_NAMES).map(([id, name]) => ({ value: id, label: name }))}
                  value={query.title}
                  onChange={(value?: string) => setFilter('title', value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={12}>
              <Form.Item label="关键词">
                <Input.Search
                  key={query.q ?? ''}
                  allowClear
                  placeholder="企业名称或统一社会信用代码"
                  defaultValue={query.q}
                  enterButton="查询"
                  onSearch={(value) => setFilter('q', value.trim() || undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6} className="registry-filter-actions">
              <Form.Item label=" ">
                <Space>
                  <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>重置</Button>
                  <Button icon={<ReloadOutlined />} onClick={() => setAttempt((n) => n + 1)}>
                    刷新
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        size="small"
        title={
          <span data-testid="registry-total">
            共 {total === undefined || total === null ? '…' : formatNumber(total)} 家
          </span>
        }
        extra={
          <Space>
            {total !== undefined && total !== null && (
              <Typography.Text type="secondary">
                已显示 {formatNumber(items.length)} 家
              </Typography.Text>
            )}
            <Tooltip title="按当前筛选条件导出全部符合条件的企业（表头含单位）">
              <Button icon={<DownloadOutlined />} href={enterprisesExportUrl({ ...query, limit: undefined })} download>
                导出 Excel
              </Button>
            </Tooltip>
            <Tooltip title="导出您管辖范围内全部企业的画像（接口约定的 JSON）">
              <Button icon={<DownloadOutlined />} href={PROFILES_EXPORT_URL} download>
                导出画像 JSON
              </Button>
            </Tooltip>
          </Space>
        }
      >
        <Table<EnterpriseListItem>
          rowKey="credit_code"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={false}
          onChange={onTableChange}
          scroll={{ x: 1240 }}
          showSorterTooltip={{ title: '点击排序' }}
          locale={{ emptyText: '没有符合条件的企业' }}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {nextCursor ? (
            <Button onClick={loadMore} loading={loading}>
              加载更多
            </Button>
          ) : (
            items.length > 0 && <Typography.Text type="secondary">已全部显示</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}

function textOrUnknown(text: string | null) {
  return text ? text : <Unknown />;
}

function YearFigure({ value, year }: { value: number | null; year: number | null }) {
  if (value === null || value === undefined) return <Unknown />;
  return year ? (
    <Tooltip title={`${year}年度`}>
      <span>
        <Figure value={value} />
      </span>
    </Tooltip>
  ) : (
    <Figure value={value} />
  );
}
