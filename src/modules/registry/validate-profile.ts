import { AppError } from '../../platform/errors.ts';
import { profileSchema } from '../../standards/index.ts';
import { checkCreditCode, describeCreditCodeProblem } from './credit-code.ts';
import type { ProfileDocument } from './profile-mapping.ts';
import type { ReferenceSets } from './reference-sets.ts';

export interface FieldProblem {
  key: string;
  code: string;
  message: string;
}

/** Structural checks come from the engine's profile schema; the registry adds identity and reference checks. */
export function profileProblems(input: unknown, refs: ReferenceSets): { profile: ProfileDocument | null; problems: FieldProblem[] } {
  const parsed = profileSchema.safeParse(input);
  const problems: FieldProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      problems.push({ key, code: 'VALIDATION_FAILED', message: issue.message });
    }
  }
  const raw = (input ?? {}) as Record<string, unknown>;
  if (typeof raw.credit_code === 'string') {
    const problem = checkCreditCode(raw.credit_code);
    if (problem) problems.push({ key: 'credit_code', code: 'INVALID_CREDIT_CODE', message: describeCreditCodeProblem(raw.credit_code, problem) });
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    if (!problems.some((p) => p.key === 'name')) problems.push({ key: 'name', code: 'VALIDATION_FAILED', message: '企业名称不能为空' });
  }
  if (typeof raw.district_code === 'string' && !refs.districts.has(raw.district_code)) {
    problems.push({ key: 'district_code', code: 'UNKNOWN_DISTRICT', message: `区县代码“${raw.district_code}”不在重庆市 41 个区县（含两江新区、重庆高新区、万盛经开区）之列` });
  }
  if (typeof raw.industry_code === 'string' && !refs.industries.has(raw.industry_code)) {
    problems.push({ key: 'industry_code', code: 'UNKNOWN_INDUSTRY_CODE', message: `行业代码“${raw.industry_code}”不是 GB/T 4754-2017 中的有效代码` });
  }
  if (Array.isArray(raw.chains)) {
    raw.chains.forEach((chain, index) => {
      if (typeof chain === 'string' && !refs.chains.has(chain)) {
        problems.push({ key: `chains.${index}`, code: 'UNKNOWN_CHAIN', message: `产业链“${chain}”不在重庆市 33 条重点产业链之列` });
      }
    });
  }
  return { profile: problems.length === 0 ? (parsed.data as ProfileDocument) : null, problems };
}

export function validateProfile(input: unknown, refs: ReferenceSets): ProfileDocument {
  const { profile, problems } = profileProblems(input, refs);
  if (!profile) {
    const summary = problems.slice(0, 5).map((p) => `${p.key || '画像'}：${p.message}`).join('；');
    throw new AppError('VALIDATION_FAILED', `企业画像有 ${problems.length} 处错误：${summary}${problems.length > 5 ? '……' : ''}`, problems);
  }
  return profile;
}
