import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EnterprisePicker } from '../../components/EnterprisePicker.tsx';
import { titleName } from '../../lib/labels.ts';
import type { Overview } from './DynamicPage.tsx';
import { FRAUD_BAN_YEARS, REVOCATION_REASON_OPTIONS, wf, type ApplicationSummary } from './workflowApi.ts';

/** What the dialog opens on: nothing chosen yet, or a recognition picked from a list. */
export interface RevokeTarget { credit_code?: string; recognition_id?: number }

interface ActiveRecognition { id: number; enterprise_name: string; standard_name: string; certificate_no: string; expiry_date: string }
interface Values { credit_code: string; recognition_id?: number; reason_type: string; reason: string; decided_on: Dayjs }

/** The enterprise's recognitions still in force: those the overview lists and those of its recognised applications. */
async function activeRecognitionsOf(creditCode: string, overview: Overview | undefined): Promise<ActiveRecognition[]> {
  const found = new Map<number, ActiveRecognition>();
  for (const r of [...(overview?.annual_updates ?? []), ...(overview?.re_reviews_due ?? [])]) {
    if (r.credit_code === creditCode && r.status === 'active') found.set(r.id, r);
  }
  const { items } = await wf.get<{ items: ApplicationSummary[] }>('/api/workflow/applications?state=recognized');
  for (const application of items.filter((a) => a.credit_code === creditCode)) {
    const detail = await wf.get<{ enterprise_name: string; standard_name: string; recognition: (Omit<ActiveRecognition, 'enterprise_name' | 'standard_name'> & { status: string }) | null }>(
      `/api/workflow/applications/${application.id}`,
    );
    if (detail.recognition?.status === 'active') found.set(detail.recognition.id, { ...detail.recognition, enterprise_name: detail.enterprise_name, standard_name: detail.standard_name });
  }
  return [...found.values()];
}

/** The last day a data-fraud revocation decided on `decidedOn` bars applications (the server computes the same). */
export function banUntilOf(decidedOn: Dayjs): string {
  return decidedOn.add(FRAUD_BAN_YEARS, 'year').subtract(1, 'day').format('YYYY-MM-DD');
}

/** 撤销认定 (city only): the officer fills the decision, confirms once more, and sees what ended and until when the enterprise is barred. */
export function RevokeModal({ target, overview, onClose, onDone }: { target: RevokeTarget | null; overview: Overview | undefined; onClose: () => void; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [recognitions, setRecognitions] = useState<ActiveRecognition[]>([]);
  const [loading, setLoading] = useState(false);
  const creditCode = Form.useWatch('credit_code', form);
  const reasonType = Form.useWatch('reason_type', form);
  const decidedOn = Form.useWatch('decided_on', form);
  const fraud = reasonType === 'data_fraud';

  useEffect(() => {
    if (target) form.setFieldsValue({ credit_code: target.credit_code, recognition_id: target.recognition_id, decided_on: dayjs() });
  }, [target, form]);

  useEffect(() => {
    setRecognitions([]);
    if (!creditCode) return;
    let current = true;
    setLoading(true);
    activeRecognitionsOf(creditCode, overview).then(
      (found) => {
        if (!current) return;
        setRecognitions(found);
        setLoading(false);
        const chosen = form.getFieldValue('recognition_id');
        if (chosen !== undefined && !found.some((r) => r.id === chosen)) form.setFieldValue('recognition_id', undefined);
      },
      (error: Error) => {
        if (!current) return;
        setLoading(false);
        message.error(error.message);
      },
    );
    return () => {
      current = false;
    };
  }, [creditCode, overview, form, message]);

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const decided = values.decided_on.format('YYYY-MM-DD');
    const chosen = recognitions.find((r) => r.id === values.recognition_id);
    const name = chosen?.enterprise_name ?? recognitions[0]?.enterprise_name ?? values.credit_code;
    const reasonLabel = REVOCATION_REASON_OPTIONS.find((o) => o.value === values.reason_type)?.label;
    const isFraud = values.reason_type === 'data_fraud';
    modal.confirm({
      title: '确认撤销认定？',
      okText: '确认撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <div data-testid="revoke-confirm">
          <p>企业：{name}</p>
          <p>撤销：{isFraud ? '该企业全部梯度称号（科技型中小企业至专精特新“小巨人”）' : chosen ? `${chosen.standard_name}（${chosen.certificate_no}）` : '—'}</p>
          <p>原因：{reasonLabel}</p>
          <p>决定日期：{decided}</p>
          {isFraud && <p>自决定日期起 {FRAUD_BAN_YEARS} 年内不得申报，禁止申报至 {banUntilOf(values.decided_on)}</p>}
          <p>撤销后称号即失效并通知企业和所在区县，操作不可撤回。</p>
        </div>
      ),
      onOk: async () => {
        try {
          const result = await wf.post<{ id: number; titles_ended: string[]; ban_until: string | null }>('/api/workflow/revocations', {
            credit_code: values.credit_code,
            recognition_id: values.recognition_id,
            reason_type: values.reason_type,
            reason: values.reason,
            decided_on: decided,
          });
          form.resetFields();
          onClose();
          onDone();
          modal.success({
            title: '已撤销认定',
            okText: '知道了',
            content: (
              <div data-testid="revoke-result">
                <p>撤销的称号：{result.titles_ended.length ? result.titles_ended.map(titleName).join('、') : '无（企业库中没有有效的梯度称号）'}</p>
                {result.ban_until && <p>禁止申报至：{result.ban_until}</p>}
              </div>
            ),
          });
        } catch (error) {
          message.error((error as Error).message);
        }
      },
    });
  }

  return (
    <Modal title="撤销认定" open={target !== null} okText="撤销认定" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => void submit()} onCancel={() => { form.resetFields(); onClose(); }} width={720}>
      <Form form={form} layout="vertical">
        <Form.Item name="credit_code" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterprisePicker onChange={(code) => form.setFieldValue('credit_code', code)} testId="revoke-enterprise" />
        </Form.Item>
        <Form.Item name="reason_type" label="撤销原因" rules={[{ required: true, message: '请选择撤销原因' }]}>
          <Select options={REVOCATION_REASON_OPTIONS} placeholder="请选择" data-testid="revoke-reason-type" />
        </Form.Item>
        <Form.Item
          name="recognition_id"
          label={fraud ? '撤销的认定（数据造假撤销全部梯度称号，可不选）' : '撤销的认定'}
          rules={[{ required: !fraud, message: '请选择要撤销的认定' }]}
        >
          <Select
            allowClear
            loading={loading}
            placeholder={creditCode ? (loading ? '正在读取该企业的有效认定…' : '请选择') : '请先选择企业'}
            notFoundContent={loading ? '读取中…' : '该企业没有有效期内的认定'}
            options={recognitions.map((r) => ({ value: r.id, label: `${r.standard_name}（${r.certificate_no}，有效期至 ${r.expiry_date}）` }))}
            data-testid="revoke-recognition"
          />
        </Form.Item>
        <Form.Item name="reason" label="撤销理由与依据" rules={[{ required: true, message: '请填写撤销理由与依据' }, { max: 2000, message: '不超过 2000 字' }]}>
          <Input.TextArea rows={3} placeholder="核查情况、处理决定文号等" data-testid="revoke-reason" />
        </Form.Item>
        <Form.Item name="decided_on" label="撤销决定日期" rules={[{ required: true, message: '请选择撤销决定日期' }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(day) => day.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
      </Form>
      {fraud && decidedOn && (
        <Alert
          type="error"
          showIcon
          data-testid="revoke-ban-preview"
          message={`数据造假：撤销该企业全部梯度称号，禁止申报至 ${banUntilOf(decidedOn)}`}
          description={<Typography.Text>自撤销决定之日起 {FRAUD_BAN_YEARS} 年内不得申报各类优质中小企业认定。</Typography.Text>}
        />
      )}
    </Modal>
  );
}
