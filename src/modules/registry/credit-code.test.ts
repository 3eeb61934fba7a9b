import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter, describeCreditCodeProblem } from './credit-code.ts';

describe('统一社会信用代码校验位 (GB 32100)', () => {
  // Codes printed on public business licences (check character included).
  it.each(['91350100M000100Y43', '91110000600037341L', '911100001000079554'])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
  });

  it('computes the check character from the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
  });

  it('rejects a wrong check character and names the expected one', () => {
    const problem = checkCreditCode('91350100M000100Y44');
    expect(problem).toEqual({ kind: 'check', expected: '3', actual: '4' });
    expect(describeCreditCodeProblem('91350100M000100Y44', problem!)).toContain('应为“3”');
  });

  it('rejects a wrong length and forbidden letters', () => {
    expect(checkCreditCode('9135010')).toEqual({ kind: 'length', length: 7 });
    expect(checkCreditCode('91350100M000100O43')).toEqual({ kind: 'character', position: 16, character: 'O' });
    expect(checkCreditCode('91350100m000100Y43')?.kind).toBe('character');
  });
});
