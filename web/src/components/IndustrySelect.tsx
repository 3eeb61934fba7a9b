import { useEffect, useRef, useState } from 'react';
import { App, Select } from 'antd';
import { api } from '../api/client.ts';
import type { Industry } from '../api/types.ts';

const LEVEL_NAMES: Record<string, string> = { section: '门类', division: '大类', group: '中类', class: '小类' };

function toOption(industry: Industry) {
  return {
    value: industry.code,
    label: `${industry.code} ${industry.name}`,
    title: `${LEVEL_NAMES[industry.level] ?? industry.level}：${industry.code} ${industry.name}`,
  };
}

/** Searches GB/T 4754-2017 by code or name on the server; the list is too long to send whole. */
export function IndustrySelect({ value, onChange }: { value?: string; onChange: (code?: string) => void }) {
  const { message } = App.useApp();
  const [options, setOptions] = useState<ReturnType<typeof toOption>[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function search(text: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      api
        .industries({ q: text.trim() || undefined })
        .then((industries) =>
          // The listing filters by numeric code prefixes; a section (门类, a letter) is not one.
          setOptions(industries.filter((industry) => industry.level !== 'section').slice(0, 100).map(toOption)),
        )
        .catch((err: Error) => message.error(err.message))
        .finally(() => setLoading(false));
    }, 250);
  }

  useEffect(() => {
    search(value ?? '');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder="输入行业代码或名称搜索"
      options={options}
      loading={loading}
      value={value}
      onChange={(code?: string) => onChange(code)}
      notFoundContent={loading ? '搜索中…' : '无匹配行业'}
    />
  );
}
