import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Space, Spin, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { EnterprisePicker } from '../../components/EnterprisePicker.tsx';
import { useApi } from '../../lib/useApi.ts';
import { GapPanel } from './GapPanel.tsx';

/** 差距分析 from the menu: pick an enterprise (and a target standard), see its promotion path and try a what-if. */
export default function GapsPage() {
  const [params, setParams] = useSearchParams();
  const creditCode = params.get('credit_code') ?? undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="差距分析">
        <Typography.Paragraph type="secondary">
          选择企业和目标标准，对标认定条件逐项列出未达标指标及差额，给出相对变动最小的达标路径；点击“模拟测算”可修改数据即时重新评价（不保存）。
        </Typography.Paragraph>
        <EnterprisePicker
          value={creditCode}
          testId="gaps-enterprise"
          onChange={(code) => {
            const next = new URLSearchParams(params);
            next.set('credit_code', code);
            setParams(next);
          }}
        />
      </Card>
      {creditCode && <EnterpriseGaps creditCode={creditCode} />}
    </Space>
  );
}

function EnterpriseGaps({ creditCode }: { creditCode: string }) {
  const portrait = useApi(() => api.portrait(creditCode), [creditCode]);
  if (portrait.error) return <Alert type="error" showIcon message={portrait.error.message} />;
  if (!portrait.data) return <Spin />;
  const { profile, meta } = portrait.data;
  return (
    <Card title={`${profile.name}${meta.district_name ? ` · ${meta.district_name}` : ''}`} extra={<Link to={`/enterprises/${creditCode}`}>查看企业画像</Link>}>
      <GapPanel creditCode={creditCode} profile={profile} />
    </Card>
  );
}
