import { Card, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { NavPage } from '../navigation.tsx';

export function ComingSoon({ page }: { page: NavPage }) {
  return (
    <Card>
      <Result
        icon={<ClockCircleOutlined style={{ color: '#1f4e9c' }} />}
        title={`${page.label}（建设中）`}
        subTitle={`该功能正在建设，上线后将提供：${page.coming}`}
      />
    </Card>
  );
}
