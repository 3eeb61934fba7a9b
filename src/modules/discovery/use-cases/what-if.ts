import type { Db } from '../../../platform/db.ts';
import { todayIso } from '../../../platform/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import { evaluate, EvaluationOptionError, STANDARD_IDS, type StandardId } from '../../../standards/index.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import { applyChange } from '../promotion.ts';
import type { WhatIfBody, WhatIfResponse } from './gaps.types.ts';

const FIXED = new Set(['credit_code', 'name', 'years', 'reviewer_judgements']);

/** Re-evaluates an enterprise in scope with edited figures, without saving anything. */
export async function whatIf(db: Db, scope: Scope, creditCode: string, body: WhatIfBody): Promise<WhatIfResponse> {
  const profile = await getProfile(db, scope, creditCode);
  let edited = profile;
  for (const change of body.changes) {
    if (FIXED.has(change.path)) throw new AppError('VALIDATION_FAILED', `字段“${change.path}”不能在模拟测算中修改`, [{ key: change.path, message: '不可修改' }]);
    edited = applyChange(edited, { path: change.path, kind: 'set', from: null, to: change.value });
  }
  const asOf = body.as_of ?? todayIso();
  try {
    const [before, after] = [profile, edited].map((p) => evaluate([p], { asOf, application: body.application }).results[0]);
    return {
      credit_code: creditCode,
      as_of: asOf,
      application: body.application,
      standards: (STANDARD_IDS as readonly StandardId[]).map((id) => {
        const b = before.standards[id]!;
        const a = after.standards[id]!;
        return { standard: id, before: { status: b.status, score: b.score }, after: { status: a.status, score: a.score }, changed: a.status !== b.status || a.score !== b.score };
      }),
      after: after as unknown as Record<string, unknown>,
    };
  } catch (error) {
    if (error instanceof EvaluationOptionError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}
