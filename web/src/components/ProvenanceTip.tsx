import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import type { Portrait, Provenance } from '../api/types.ts';
import { formatDateTime } from '../lib/format.ts';

/** The change set behind a path, or behind the nearest enclosing path that has one (a list, a year). */
export function findProvenance({ provenance, change_sets }: Pick<Portrait, 'provenance' | 'change_sets'>, path: string): Provenance | undefined {
  let candidate = path;
  for (;;) {
    if (Object.hasOwn(provenance, candidate)) return change_sets[provenance[candidate]];
    const cut = candidate.lastIndexOf('.');
    if (cut < 0) return undefined;
    candidate = candidate.slice(0, cut);
  }
}

/** Until sign-in exists the server records every writer as "anonymous". */
export function actorLabel(actor: string | null | undefined): string {
  if (!actor) return '—';
  return actor === 'anonymous' ? '未登录用户' : actor;
}

export function ProvenanceDetails({ source }: { source: Provenance }) {
  return (
    <div className="provenance-tip">
      <div>来源：{source.source_label || source.source}</div>
      {source.source_ref && <div>依据：{source.source_ref}</div>}
      <div>录入：{actorLabel(source.actor)}</div>
      <div>时间：{formatDateTime(source.at)}</div>
    </div>
  );
}

/** Wraps a known value so that hovering shows where it came from. */
export function ProvenanceTip({ source, children }: { source: Provenance | undefined; children: ReactNode }) {
  if (!source) return <>{children}</>;
  return (
    <Tooltip title={<ProvenanceDetails source={source} />}>
      <span className="provenance-mark">{children}</span>
    </Tooltip>
  );
}
