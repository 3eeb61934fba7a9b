import { useEffect, useRef, useState } from 'react';
import { App, Select } from 'antd';
import { api } from '../api/client.ts';
import type { EnterpriseListItem } from '../api/types.ts';

/** Search the registry (within the user's scope) by name or credit code and pick one enterprise. */
export function EnterprisePicker({ value, onChange, testId }: { value?: string; onChange: (creditCode: string) => void; testId?: string }) {
  const { message } = App.useApp();
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
    <Select
      size="large"
      style={{ width: '100%', maxWidth: 640 }}
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder="搜索企业名称或统一社会信用代码"
      loading={loading}
      value={value}
      data-testid={testId}
      options={matches.map((item) => ({
        value: item.credit_code,
        label: `${item.name}（${item.credit_code}）${item.district_name ? ` · ${item.district_name}` : ''}`,
      }))}
      onChange={onChange}
      notFoundContent={loading ? '搜索中…' : '未找到匹配企业'}
    />
  );
}
