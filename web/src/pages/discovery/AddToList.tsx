import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { STANDARD_NAMES } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { discoveryApi, gapText, type Candidate } from './discoveryApi.ts';

/** 加入清单 on a candidate row: pick one of this year's key lists the user may edit, give a reason. */
export function AddToList({ candidate, standard }: { candidate: Candidate; standard: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="add-to-list">加入清单</Button>
      {open && <AddToListDialog candidate={candidate} standard={standard} onClose={() => setOpen(false)} />}
    </>
  );
}

function suggestedReason(candidate: Candidate, standard: string): string {
  const name = STANDARD_NAMES[standard] ?? standard;
  if (candidate.unmet.length === 0) return `对标${name}：现有数据已符合，尚未获得称号`;
  return `对标${name}：差 ${candidate.unmet_count} 项（${candidate.unmet.map(gapText).join('；')}）`;
}

function AddToListDialog({ candidate, standard, onClose }: { candidate: Candidate; standard: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ list: number; reason: string }>();
  const [saving, setSaving] = useState(false);
  const year = new Date().getFullYear();
  const lists = useApi(() => discoveryApi.keyLists({ year }), [year]);
  const options = (lists.data?.items ?? [])
    .slice()
    .sort((a, b) => Number(b.standard === standard) - Number(a.standard === standard))
    .map((list) => ({ value: list.id, label: `${list.name}（${list.district_name ?? '全市'}，${list.members} 家）` }));

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await discoveryApi.addMember(values.list, candidate.credit_code, values.reason.trim());
      message.success(`已将“${candidate.name}”加入清单`);
      onClose();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`将“${candidate.name}”加入重点清单`} okText="加入" cancelText="取消" confirmLoading={saving} onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ reason: suggestedReason(candidate, standard) }}>
        <Form.Item name="list" label={`${year} 年清单`} rules={[{ required: true, message: '请选择清单' }]}>
          <Select options={options} loading={lists.loading} placeholder="选择清单" data-testid="add-to-list-select" notFoundContent={<Typography.Text type="secondary">本年度尚无可编辑的清单，请先在<Link to="/discovery/key-lists">重点清单</Link>中新建</Typography.Text>} />
        </Form.Item>
        <Form.Item name="reason" label="加入理由" rules={[{ required: true, whitespace: true, message: '请填写加入理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
