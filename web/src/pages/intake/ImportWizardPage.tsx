import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Form, Progress, Result, Row, Select, Space, Spin, Statistic, Steps, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { formatNumber } from '../../lib/format.ts';
import { BatchRowsTabs } from './BatchRowsTabs.tsx';
import {
  errorWorkbookUrl,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  intakeApi,
  templateUrl,
  uploadForPreview,
  type BatchCounts,
  type BatchSummary,
  type ImportKind,
} from './intakeApi.ts';

const POLL_INTERVAL_MS = 500;
const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'];

const PHASE_LABELS: Record<NonNullable<BatchSummary['progress']>['phase'], string> = {
  queued: '已排队，等待后台任务处理',
  reading: '正在读取文件',
  checking: '正在逐行校验',
  saving: '正在保存校验结果',
  writing: '正在写入企业库',
};

/** The batch is being worked on by a background job: the page polls it. */
const working = (batch: BatchSummary) => batch.status === 'analysing' || batch.status === 'committing';

function progressText(batch: BatchSummary): string {
  const progress = batch.progress;
  if (!progress) return batch.status === 'committing' ? '正在提交…' : '正在校验…';
  if (progress.phase === 'queued') return `${PHASE_LABELS.queued}…`;
  const unit = progress.phase === 'writing' ? '家企业' : '行';
  const done = progress.total !== null ? `${formatNumber(progress.rows)} / ${formatNumber(progress.total)}` : formatNumber(progress.rows);
  return `${PHASE_LABELS[progress.phase]}，已处理 ${done} ${unit}…`;
}

const STEP_TITLES = ['选择类型并上传', '预览校验', '确认提交', '结果'];

/** Where the wizard stands: the batch's status decides, except that the officer moves between preview and confirm. */
function stepOf(batch: BatchSummary | null, confirming: boolean): number {
  if (!batch) return 0;
  if (batch.status === 'committed' || batch.status === 'undone') return 3;
  if (batch.status === 'committing') return 2;
  return confirming && batch.status === 'previewed' ? 2 : 1;
}

/** 导入向导: upload a file as a dry run, read what it would change, then commit the valid rows in one go. */
export default function ImportWizardPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const batchParam = Number(params.get('batch')) || null;
  const [kind, setKind] = useState<ImportKind>();
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [batch, setBatch] = useState<BatchSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [committing, setCommitting] = useState(false);

  // A batch named in the address (after an upload, or opened from 导入记录) is loaded, then polled while a background
  // job checks or commits it.
  useEffect(() => {
    if (batchParam === null) {
      setBatch(null);
      return;
    }
    if (batch?.id === batchParam && !working(batch)) return;
    let current = true;
    const timer = setTimeout(
      () =>
        intakeApi.batch(batchParam).then(
          (loaded) => {
            if (!current) return;
            setBatch(loaded);
            setKind(loaded.kind);
          },
          (err: Error) => current && message.error(err.message),
        ),
      batch?.id === batchParam ? POLL_INTERVAL_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [batchParam, batch, message]);

  function startOver() {
    setBatch(null);
    setConfirming(false);
    setUploadPercent(null);
    setUploadError(null);
    setParams(new URLSearchParams());
  }

  function upload(file: File) {
    if (!kind) return;
    if (!ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) {
      setUploadError(`“${file.name}”不是 .xlsx 或 .csv 文件。请使用下载的模板，或另存为 Excel 工作簿（.xlsx）/ CSV 后上传`);
      return;
    }
    setUploadError(null);
    setUploadPercent(0);
    uploadForPreview(kind, file, setUploadPercent).then(
      (started) => {
        setBatch(started);
        setConfirming(false);
        setParams(new URLSearchParams({ batch: String(started.id) }));
      },
      (err: Error) => {
        setUploadPercent(null);
        setUploadError(err.message);
      },
    );
  }

  async function commit() {
    if (!batch) return;
    setCommitting(true);
    try {
      setBatch(await intakeApi.commit(batch.id));
      setConfirming(false);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setCommitting(false);
    }
  }

  const step = stepOf(batch, confirming);
  return (
    <div className="page-stack">
      <Card title="导入向导" size="small">
        <Steps current={step} status={step === 3 ? 'finish' : 'process'} items={STEP_TITLES.map((title) => ({ title }))} />
      </Card>
      {step === 0 && (
        <UploadStep kind={kind} onKind={setKind} onFile={upload} uploadPercent={uploadPercent} uploadError={uploadError} />
      )}
      {step === 1 && batch && <PreviewStep batch={batch} onNext={() => setConfirming(true)} onRestart={startOver} />}
      {step === 2 && batch?.counts && (
        <ConfirmStep batch={batch} counts={batch.counts} committing={committing || batch.status === 'committing'} onBack={() => setConfirming(false)} onCommit={commit} />
      )}
      {step === 3 && batch && <ResultStep batch={batch} onRestart={startOver} />}
    </div>
  );
}

function UploadStep(props: {
  kind: ImportKind | undefined;
  onKind: (kind: ImportKind) => void;
  onFile: (file: File) => void;
  uploadPercent: number | null;
  uploadError: string | null;
}) {
  const uploading = props.uploadPercent !== null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title="选择类型并上传" size="small">
          <Form layout="vertical">
            <Form.Item label="导入类型" required>
              <Select<ImportKind>
                data-testid="import-kind"
                placeholder="请选择要导入的数据类型"
                style={{ maxWidth: 320 }}
                value={props.kind}
                onChange={props.onKind}
                options={IMPORT_KINDS.map((kind) => ({ value: kind, label: IMPORT_KIND_LABELS[kind] }))}
              />
            </Form.Item>
          </Form>
          <Upload.Dragger
            accept={ACCEPTED_EXTENSIONS.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={!props.kind || uploading}
            beforeUpload={(file) => {
              props.onFile(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{props.kind ? '将文件拖到此处，或点击选择文件' : '请先选择导入类型'}</p>
            <p className="ant-upload-hint">支持 .xlsx 与 .csv（UTF-8 或 GBK 编码）；上传后只做校验，确认提交前不会写入企业库</p>
          </Upload.Dragger>
          {uploading && (
            <div style={{ marginTop: 16 }}>
              <Typography.Text>{props.uploadPercent === 100 ? '上传完成，正在开始校验…' : '正在上传…'}</Typography.Text>
              <Progress percent={props.uploadPercent ?? 0} status={props.uploadPercent === 100 ? 'success' : 'active'} />
            </div>
          )}
          {props.uploadError && <Alert style={{ marginTop: 16 }} type="error" showIcon title="上传失败" description={props.uploadError} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title="导入模板" size="small">
          <Typography.Paragraph type="secondary">
            模板含中文表头、填写说明页和下拉选项；金额单位为万元，人数单位为人，不知道的数值请留空。
          </Typography.Paragraph>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {IMPORT_KINDS.map((kind) => (
              <div key={kind} style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{IMPORT_KIND_LABELS[kind]}</span>
                <a href={templateUrl(kind)} download data-testid={`template-${kind}`}>
                  <DownloadOutlined /> 下载模板
                </a>
              </div>
            ))}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

function CountStatistics({ counts }: { counts: BatchCounts }) {
  const items = [
    { key: 'new', title: '新增', value: counts.new, color: '#389e0d' },
    { key: 'updated', title: '更新', value: counts.updated, color: '#1677ff' },
    { key: 'unchanged', title: '未变', value: counts.unchanged, color: undefined },
    { key: 'rejected', title: '拒绝', value: counts.rejected, color: counts.rejected > 0 ? '#cf1322' : undefined },
    { key: 'warnings', title: '提醒', value: counts.warnings, color: counts.warnings > 0 ? '#d48806' : undefined },
  ];
  return (
    <Row gutter={16}>
      {items.map((item) => (
        <Col key={item.key} xs={12} md={4}>
          <Statistic data-testid={`count-${item.key}`} title={item.title} value={item.value} suffix="行" styles={{ content: { color: item.color } }} />
        </Col>
      ))}
    </Row>
  );
}

function PreviewStep({ batch, onNext, onRestart }: { batch: BatchSummary; onNext: () => void; onRestart: () => void }) {
  if (batch.status === 'analysing') {
    return (
      <Card title={`预览校验：${batch.file_name}`} size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Spin />
            <Typography.Text data-testid="import-progress">{progressText(batch)}</Typography.Text>
          </Space>
          {batch.failure && <Alert type="warning" showIcon title="上一次尝试未成功，后台将自动重试" description={batch.failure} />}
        </Space>
      </Card>
    );
  }
  if (batch.status === 'failed' || !batch.counts) {
    // A commit that failed keeps the preview's counts; a file that could not be checked has none.
    const commitFailed = batch.counts !== null;
    return (
      <Card title={`预览校验：${batch.file_name}`} size="small">
        <Alert
          data-testid="import-failure"
          type="error"
          showIcon
          title={commitFailed ? '提交失败，企业库未作任何改动' : '文件无法导入'}
          description={batch.failure ?? (commitFailed ? '提交未能完成' : '校验未能完成')}
          action={<Button onClick={onRestart}>重新上传</Button>}
        />
      </Card>
    );
  }
  const { counts } = batch;
  const fileProblems = counts.file_problems ?? [];
  const writable = counts.new + counts.updated;
  return (
    <Card
      title={`预览校验：${batch.file_name}（${batch.kind_label}，共 ${formatNumber(counts.rows)} 行）`}
      size="small"
      extra={
        <Space>
          <Button onClick={onRestart}>重新上传</Button>
          <Button icon={<DownloadOutlined />} href={errorWorkbookUrl(batch.id)} download disabled={counts.rejected === 0 && counts.warnings === 0}>
            下载标注错误的工作簿
          </Button>
          <Tooltip title={writable === 0 ? '没有需要写入的行' : undefined}>
            <Button type="primary" disabled={writable === 0} onClick={onNext}>
              下一步：确认提交
            </Button>
          </Tooltip>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <CountStatistics counts={counts} />
        {fileProblems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="文件层面的问题"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {fileProblems.map((problem) => (
                  <li key={`${problem.sheet}-${problem.column}-${problem.code}`}>
                    {problem.sheet} · {problem.column}：{problem.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {counts.rejected > 0 && (
          <Alert type="error" showIcon title={`${formatNumber(counts.rejected)} 行有错误，将被拒绝`} description="拒绝的行不会导入。可下载标注了错误原因的工作簿，修改后重新上传这些行。" />
        )}
        {counts.warnings > 0 && (
          <Alert type="warning" showIcon title={`${formatNumber(counts.warnings)} 条提醒`} description="提醒不是错误：这些行仍会导入，请核实表中“提醒”所列的数值。" />
        )}
        <BatchRowsTabs batchId={batch.id} counts={counts} />
      </Space>
    </Card>
  );
}

function ConfirmStep(props: { batch: BatchSummary; counts: BatchCounts; committing: boolean; onBack: () => void; onCommit: () => void }) {
  const { batch, counts } = props;
  return (
    <Card title="确认提交" size="small">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={1} data-testid="confirm-counts">
          <Descriptions.Item label="文件">{batch.file_name}</Descriptions.Item>
          <Descriptions.Item label="导入类型">{batch.kind_label}</Descriptions.Item>
          <Descriptions.Item label="新增">{formatNumber(counts.new)} 行</Descriptions.Item>
          <Descriptions.Item label="更新">{formatNumber(counts.updated)} 行（以新值替换原值）</Descriptions.Item>
          <Descriptions.Item label="未变">{formatNumber(counts.unchanged)} 行（与企业库一致，不作改动）</Descriptions.Item>
          <Descriptions.Item label="拒绝">{formatNumber(counts.rejected)} 行</Descriptions.Item>
        </Descriptions>
        {counts.rejected > 0 && <Alert type="warning" showIcon title={`拒绝的行不会导入（${formatNumber(counts.rejected)} 行）`} />}
        <Alert
          type="info"
          showIcon
          title="全部有效行在一次操作中写入：要么全部写入，要么都不写入。每个数值都记下来源（文件、工作表、行、导入人、时间），之后可在“导入记录”中撤销本批次。"
        />
        {batch.status === 'committing' && <CommitProgress batch={batch} />}
        <Space>
          <Button onClick={props.onBack} disabled={props.committing}>
            上一步
          </Button>
          <Button type="primary" loading={props.committing} onClick={props.onCommit}>
            确认提交
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** The commit runs as a background job: how far it has got, and the error of a failed attempt it will retry. */
function CommitProgress({ batch }: { batch: BatchSummary }) {
  const progress = batch.progress;
  const percent = progress && progress.phase === 'writing' && progress.total ? Math.floor((progress.rows / progress.total) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="import-progress">{progressText(batch)}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">可以离开本页：提交在后台进行，结果见“导入记录”。</Typography.Text>
      {batch.failure && <Alert type="warning" showIcon title="上一次尝试未成功，后台将自动重试" description={batch.failure} />}
    </Space>
  );
}

function ResultStep({ batch, onRestart }: { batch: BatchSummary; onRestart: () => void }) {
  const counts = batch.counts;
  const undone = batch.status === 'undone';
  return (
    <Card size="small">
      <Result
        status={undone ? 'info' : 'success'}
        title={undone ? `导入批次 #${batch.id} 已撤销` : `导入完成：${batch.file_name}`}
        subTitle={
          counts && (
            <span data-testid="import-result">
              新增 {formatNumber(counts.new)} 行，更新 {formatNumber(counts.updated)} 行，未变 {formatNumber(counts.unchanged)} 行
              {counts.rejected > 0 ? `；拒绝 ${formatNumber(counts.rejected)} 行，未导入` : ''}
              {undone ? '。这些写入已全部恢复为导入前的值。' : '。'}
            </span>
          )
        }
        extra={
          <Space wrap>
            <Link to="/enterprises">
              <Button type="primary">查看企业名录</Button>
            </Link>
            <Link to="/exchange/history">
              <Button>导入记录</Button>
            </Link>
            <Button onClick={onRestart}>继续导入</Button>
          </Space>
        }
      />
    </Card>
  );
}
