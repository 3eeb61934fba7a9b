import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Card, Select, Typography } from 'antd';
import { api } from '../../api/client.ts';
import type { EnterpriseListItem } from '../../api/types.ts';

/** Entry to 企业画像 from the menu: pick an enterprise by name or credit code. */
export default function PortraitSearchPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [matches, setMatches] = useState<EnterpriseListItem[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function search(text: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .enterprises({ q: text.trim() || undefined, limit: 20 })
        .then((page) => setMatches(page.items))
        .catch((err: Error) => message.error(err.message))
        .finally(() => setLoading(false));
    }, 250);
  }

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Card title="企业画像">
      <Typography.Paragraph type="secondary">
        输入企业名称或统一社会信用代码，查看企业的基本信息、多年度经营数据、知识产权与荣誉、对标各梯度标准的评价结果与数据变更历史。
      </Typography.Paragraph>
      <Select
        size="large"
        style={{ width: '100%', maxWidth: 640 }}
        showSearch={{ filterOption: false, onSearch: search }}
        placeholder="搜索企业名称或统一社会信用代码"
        loading={loading}
        options={matches.map((item) => ({
          value: item.credit_code,
          label: `${item.name}（${item.credit_code}）${item.district_name ? ` · ${item.district_name}` : ''}`,
        }))}
        onChange={(code: string) => navigate(`/enterprises/${code}`)}
        notFoundContent={loading ? '搜索中…' : '未找到匹配企业'}
      />
    </Card>
  );
}
