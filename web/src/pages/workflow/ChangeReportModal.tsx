import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EnterprisePicker } from '../../components/EnterprisePicker.tsx';
import { CHANGE_TYPE_OPTIONS, wf } from './workflowApi.ts';

interface Values { credit_code: string; change_type: string; change_date: Dayjs; description: string }

/**
 * 登记重大变化: officers pick any enterprise in their scope, an enterprise user one of its own.
 * A change reported more than 3 months after it happened is recorded as late (the server decides).
 */
export function ChangeReportModal({ open, ownEnterprises, onClose, onDone }: { open: boolean; ownEnterprises?: string[]; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const changeDate = Form.useWatch('change_date', form);
  const late = changeDate ? dayjs().isAfter(changeDate.add(3, 'month'), 'day') : false;

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setSaving(true);
    try {
      const result = await wf.post<{ id: number; late: boolean }>('/api/workflow/change-reports', { ...values, change_date: values.change_date.format('YYYY-MM-DD') });
      message.success(result.late ? '已登记重大变化报告（已超过 3 个月报告期限，记为逾期报告）' : '已登记重大变化报告');
      form.resetFields();
      onClose();
      onDone();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="登记重大变化" open={open} okText="提交报告" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={680} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ credit_code: ownEnterprises?.[0] }} preserve={false}>
        <Form.Item name="credit_code" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          {ownEnterprises ? (
            <Select options={ownEnterprises.map((code) => ({ value: code, label: code }))} />
          ) : (
            <EnterprisePicker onChange={(code) => form.setFieldValue('credit_code', code)} testId="change-enterprise" />
          )}
        </Form.Item>
        <Form.Item name="change_type" label="变化类型" rules={[{ required: true, message: '请选择变化类型' }]}>
          <Select options={CHANGE_TYPE_OPTIONS} placeholder="请选择" data-testid="change-type" />
        </Form.Item>
        <Form.Item name="change_date" label="变化发生日期（如工商变更登记日）" rules={[{ required: true, message: '请选择变化发生日期' }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} data-testid="change-date" />
        </Form.Item>
        {late && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="变化发生已超过 3 个月，将记为逾期报告" />}
        <Form.Item name="description" label="变化情况说明" rules={[{ required: true, message: '请填写变化情况说明' }, { max: 2000, message: '不超过 2000 字' }]}>
          <Input.TextArea rows={4} placeholder="变化前后的情况、相关文件文号等" data-testid="change-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
