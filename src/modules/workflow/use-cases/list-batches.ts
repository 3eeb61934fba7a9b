import type { Queryable } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import { workingDayPeriodEnd } from '../calendar.ts';
import * as repo from '../repository.ts';

export type BatchPhase = 'upcoming' | 'open' | 'reviewing' | 'publicity' | 'published';
export const BATCH_PHASES: Record<BatchPhase, string> = {
  upcoming: '未开始',
  open: '申报中',
  reviewing: '评审中',
  publicity: '公示中',
  published: '已发布名单',
};

export function batchPhase(batch: repo.BatchRow, today: string): BatchPhase {
  if (batch.final_published_on) return 'published';
  if (batch.publicity_start) return 'publicity';
  if (today < batch.window_start) return 'upcoming';
  if (today <= batch.window_end) return 'open';
  return 'reviewing';
}

export function describeBatch(batch: repo.BatchRow, today: string) {
  const phase = batchPhase(batch, today);
  return {
    ...batch,
    created_at: batch.created_at.toISOString(),
    standard_name: STANDARD_NAMES[batch.standard as StandardId] ?? batch.standard,
    phase,
    phase_label: BATCH_PHASES[phase],
    accepting: phase === 'open',
  };
}

export async function listBatches(db: Queryable, today: string) {
  return { items: (await repo.listBatches(db)).map((batch) => describeBatch(batch, today)) };
}

/** The panel's membership is shown to the city only: experts are not disclosed to applicants or districts. */
export async function getBatch(db: Queryable, id: number, today: string, options: { showPanel: boolean }) {
  const batch = await repo.findBatch(db, id);
  if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${id} 不存在`);
  const panel = options.showPanel ? await repo.panelOf(db, id) : [];
  const recognitions = await repo.recognitionsOfBatch(db, id);
  return {
    ...describeBatch(batch, today),
    publicity_end_if_started_today: workingDayPeriodEnd(today, batch.publicity_working_days),
    open_objections: await repo.openObjectionsOfBatch(db, id),
    panel: panel.map(({ id: expertId, name, district_code, specialty }) => ({ id: expertId, name, district_code, specialty })),
    final_list: recognitions.map(({ certificate_no, enterprise_name, credit_code, district_code, issue_date, expiry_date, status }) => ({
      certificate_no,
      enterprise_name,
      credit_code,
      district_code,
      issue_date,
      expiry_date,
      status,
    })),
  };
}
