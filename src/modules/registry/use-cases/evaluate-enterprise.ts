import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import { evaluate, EvaluationOptionError, type Application, type EvaluationOutput } from '../../../standards/index.ts';
import { getProfile } from './get-portrait.ts';

/** The engine's full explanation for one registered enterprise, as of a decision date. */
export async function evaluateEnterprise(
  db: Db,
  scope: Scope,
  creditCode: string,
  options: { asOf: string; application: Application },
): Promise<{ as_of: string; application: Application; result: EvaluationOutput['results'][number] }> {
  const profile = await getProfile(db, scope, creditCode);
  try {
    const output = evaluate([profile], { asOf: options.asOf, application: options.application });
    return { as_of: output.as_of, application: output.application, result: output.results[0] };
  } catch (error) {
    if (error instanceof EvaluationOptionError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}
