import { useNavigate } from 'react-router-dom';
import { Card, Typography } from 'antd';
import { EnterprisePicker } from '../../components/EnterprisePicker.tsx';

/** Entry to 企业画像 from the menu: pick an enterprise by name or credit code. */
export default function PortraitSearchPage() {
  const navigate = useNavigate();
  return (
    <Card title="企业画像">
      <Typography.Paragraph type="secondary">
        输入企业名称或统一社会信用代码，查看企业的基本信息、多年度经营数据、知识产权与荣誉、对标各梯度标准的评价结果与数据变更历史。
      </Typography.Paragraph>
      <EnterprisePicker onChange={(code) => navigate(`/enterprises/${code}`)} />
    </Card>
  );
}
