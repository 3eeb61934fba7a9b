import { Tooltip, Typography } from 'antd';
import { formatNumber, isKnown } from '../lib/format.ts';

/** A muted mark for an unknown value: unknown is never shown as 0. */
export function Unknown({ text = '未知' }: { text?: string }) {
  return (
    <Tooltip title="数据缺失">
      <Typography.Text type="secondary" className="figure-unknown">
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

/** A number with thousands separators, or the unknown mark. */
export function Figure({ value, suffix }: { value: number | null | undefined; suffix?: string }) {
  if (!isKnown(value)) return <Unknown />;
  return (
    <span className="figure">
      {formatNumber(value)}
      {suffix}
    </span>
  );
}
