/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character over the first 17. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CHAR_VALUE = new Map([...CREDIT_CODE_CHARSET].map((char, value) => [char, value]));

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHAR_VALUE.get(first17[i]);
    if (value === undefined) throw new RangeError(`invalid character at ${i}`);
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[check];
}

export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check'; expected: string; actual: string };

export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    if (!CHAR_VALUE.has(code[i])) return { kind: 'character', position: i + 1, character: code[i] };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : { kind: 'check', expected, actual: code[17] };
}

export function describeCreditCodeProblem(code: string, problem: CreditCodeProblem): string {
  switch (problem.kind) {
    case 'length':
      return `统一社会信用代码“${code}”应为 18 位，实际为 ${problem.length} 位`;
    case 'character':
      return `统一社会信用代码“${code}”第 ${problem.position} 位“${problem.character}”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）`;
    case 'check':
      return `统一社会信用代码“${code}”校验位错误：第 18 位应为“${problem.expected}”，实际为“${problem.actual}”`;
  }
}
