import { Button, Card, Result, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useNavigation } from '../../auth/AuthContext.tsx';

/** The 403 page: the server's (or the menu's) reason in Chinese, and a way back. */
export function ForbiddenPage({ message }: { message: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { homePath } = useNavigation();
  // React Router keys the first location of a visit "default": there is no page of ours to go back to.
  const hasPrevious = location.key !== 'default';

  return (
    <Card data-testid="forbidden-page">
      <Result
        status="403"
        title="无权访问"
        subTitle={
          <Space orientation="vertical" size={4}>
            <Typography.Text data-testid="forbidden-message">{message}</Typography.Text>
            <Typography.Text type="secondary">如确需访问，请联系市级管理员调整账号的角色或管辖范围。</Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" onClick={() => navigate(homePath)}>
              返回首页
            </Button>
            {hasPrevious && <Button onClick={() => navigate(-1)}>返回上一页</Button>}
          </Space>
        }
      />
    </Card>
  );
}
