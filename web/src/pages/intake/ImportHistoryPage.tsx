import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { errorWorkbookUrl, intakeApi, type BatchStatus, type BatchSummary } from './intakeApi.ts';

const STATUS_TAGS: Record<BatchStatus, { label: string; color: string }> = {
  analysing: { label: '校验中', color: 'processing' },
  previewed: { label: '待提交', color: 'gold' },
  committing: { label: '提交中', color: 'processing' },
  committed: { label: '已导入', color: 'green' },
  undone: { label: '已撤销', color: 'default' },
  failed: { label: '无法导入', color: 'red' },
};

function statusDetail(batch: BatchSummary): string | undefined {
  if (batch.status === 'committed') return `${batch.committed_by ?? ''} 于 ${formatDateTime(batch.committed_at)} 提交`;
  if (batch.status === 'undone') return `${batch.undone_by ?? ''} 于 ${formatDateTime(batch.undone_at)} 撤销`;
  if (batch.status === 'failed') return batch.failure ?? undefined;
  if (batch.status === 'analysing' || batch.status === 'committing') {
    const progress = batch.progress;
    const done = progress && progress.phase !== 'queued' ? `已处理 ${formatNumber(progress.rows)}${progress.total !== null ? ` / ${formatNumber(progress.total)}` : ''}` : '排队等待后台任务';
    return batch.failure ? `${done}；上一次尝试失败：${batch.failure}` : done;
  }
  return undefined;
}

/** 导入记录: every import batch (city officers see all, others their own), with the way back through 撤销. */
export default function ImportHistoryPage() {
  const { message, modal } = App.useApp();
  const history = useApi(intakeApi.history, []);
  const [undoing, setUndoing] = useState<number | null>(null);
  const busy = (history.data ?? []).some((batch) => batch.status === 'analysing' || batch.status === 'committing');

  // Batches that background jobs are checking or committing change on their own: refresh until they are done.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(history.reload, 3000);
    return () => clearInterval(timer);
  }, [busy, history.reload]);

  function confirmUndo(batch: BatchSummary) {
    modal.confirm({
      title: `撤销导入批次 #${batch.id}？`,
      content: `将恢复“${batch.file_name}”导入前的值，并删除该批次新建的企业。如果之后有人修改过其中的值，系统会拒绝撤销并说明是哪一项。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      // The dialog closes at once; the row's button shows the undo running, and a refusal opens its own dialog.
      onOk: () => void undo(batch),
    });
  }

  async function undo(batch: BatchSummary) {
    setUndoing(batch.id);
    try {
      await intakeApi.undo(batch.id);
      message.success(`导入批次 #${batch.id} 已撤销`);
      history.reload();
    } catch (err) {
      modal.error({ title: '撤销被拒绝', content: (err as Error).message, okText: '知道了' });
    } finally {
      setUndoing(null);
    }
  }

  const columns: TableColumnsType<BatchSummary> = [
    { title: '批次', dataIndex: 'id', key: 'id', width: 70, render: (id: number) => `#${id}` },
    { title: '文件', dataIndex: 'file_name', key: 'file_name', ellipsis: true },
    { title: '类型', dataIndex: 'kind_label', key: 'kind', width: 120 },
    { title: '上传人', dataIndex: 'actor', key: 'actor', width: 140 },
    { title: '上传时间', dataIndex: 'created_at', key: 'created_at', width: 150, render: formatDateTime },
    {
      title: '新增 / 更新 / 未变 / 拒绝',
      dataIndex: 'counts',
      key: 'counts',
      width: 190,
      render: (counts: BatchSummary['counts']) =>
        counts ? (
          <span>
            {formatNumber(counts.new)} / {formatNumber(counts.updated)} / {formatNumber(counts.unchanged)} /{' '}
            <Typography.Text type={counts.rejected > 0 ? 'danger' : undefined}>{formatNumber(counts.rejected)}</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: BatchStatus, batch) => (
        <Tooltip title={statusDetail(batch)}>
          <Tag color={STATUS_TAGS[status].color}>{STATUS_TAGS[status].label}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_: unknown, batch) => (
        <Space size={4} wrap>
          <Link to={`/exchange/import?batch=${batch.id}`}>{batch.status === 'previewed' ? '继续提交' : '查看'}</Link>
          {(batch.counts?.rejected ?? 0) > 0 && (
            <Button type="link" size="small" href={errorWorkbookUrl(batch.id)} download>
              错误工作簿
            </Button>
          )}
          {batch.status === 'committed' && (
            <Button type="link" size="small" danger loading={undoing === batch.id} onClick={() => confirmUndo(batch)}>
              撤销
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="导入记录"
      size="small"
      extra={
        <Space>
          <Link to="/exchange/import">
            <Button type="primary">导入数据</Button>
          </Link>
          <Button icon={<ReloadOutlined />} onClick={history.reload}>
            刷新
          </Button>
        </Space>
      }
    >
      <Table<BatchSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={history.data ?? []}
        loading={history.loading}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '还没有导入记录' }}
      />
    </Card>
  );
}
