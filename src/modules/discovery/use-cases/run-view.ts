import { STANDARD_IDS } from '../../../standards/index.ts';
import type { RunRow } from '../repository.ts';
import { emptyCounts } from '../results.ts';
import type { RunSummary, RunView } from './runs.types.ts';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A run as the page shows it: progress from the committed batches, rate and time left from its heartbeat. */
export function runView(row: RunRow, now = Date.now()): RunView {
  const total = row.total;
  const started = row.started_at ? new Date(row.started_at).getTime() : null;
  const last = row.status === 'running' ? now : row.heartbeat_at ? new Date(row.heartbeat_at).getTime() : now;
  const elapsed = started ? (last - started) / 1000 : 0;
  const rate = elapsed > 0 && row.processed > 0 ? row.processed / elapsed : null;
  const remaining = total !== null ? Math.max(0, total - row.processed) : null;
  return {
    id: row.id,
    as_of: row.as_of,
    application: row.application,
    trigger: row.trigger,
    requested_by: row.requested_by,
    status: row.status,
    total,
    processed: row.processed,
    percent: row.status === 'completed' ? 100 : total ? Math.min(100, Math.round((row.processed / total) * 1000) / 10) : null,
    rate_per_second: rate === null ? null : Math.round(rate),
    seconds_left: row.status === 'running' && rate && remaining !== null ? Math.ceil(remaining / rate) : null,
    created_at: iso(row.created_at)!,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    seconds: row.seconds,
    error: row.error,
    rule_versions: row.rule_versions ?? {},
    standards: { ...emptyCounts(row.standards), ...row.counts },
  };
}

export function runSummary(row: RunRow): RunSummary {
  const counts = { ...emptyCounts(STANDARD_IDS), ...row.counts };
  return {
    run_id: String(row.id),
    as_of: row.as_of,
    enterprises: row.processed,
    // Stored as jsonb, whose key order is its own: rebuilt in the order of the contract.
    standards: Object.fromEntries(
      STANDARD_IDS.map((id) => [id, { qualified: counts[id].qualified, not_qualified: counts[id].not_qualified, insufficient_data: counts[id].insufficient_data, manual_review: counts[id].manual_review }]),
    ) as RunSummary['standards'],
  };
}
