import { describe, expect, it } from 'vitest';
import { parseProfiles, ProfileParseError } from './parse.ts';

describe('parseProfiles', () => {
  it('接受数组或 { enterprises: [...] }', () => {
    expect(parseProfiles([{ credit_code: 'A' }]).profiles).toHaveLength(1);
    expect(parseProfiles({ enterprises: [{ credit_code: 'A' }, { credit_code: 'B' }] }).profiles).toHaveLength(2);
  });

  it('错误信息为中文，指明画像下标与键路径', () => {
    const input = [{ credit_code: 'A' }, { credit_code: 'B' }, { credit_code: 'C', years: { '2025': { rd_expense: '420' } } }];
    expect(() => parseProfiles(input)).toThrowError('第 3 个企业画像（下标 2）的 years.2025.rd_expense：应为数字');
  });

  it('拒绝拼错的键', () => {
    try {
      parseProfiles([{ credit_code: 'A', years: { '2025': { rd_expens: 1 } } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileParseError);
      expect((error as ProfileParseError).issues[0].key).toBe('years.2025.rd_expens');
      expect((error as Error).message).toContain('不认识的字段');
    }
  });

  it('缺少统一社会信用代码、日期格式错误', () => {
    expect(() => parseProfiles([{}])).toThrowError('第 1 个企业画像（下标 0）的 credit_code：缺少此项');
    expect(() => parseProfiles([{ credit_code: 'A', registration_date: '2014-02-30' }])).toThrowError('registration_date：不是有效的日期');
  });

  it('null 表示未知，空列表表示已知的“无”', () => {
    const { profiles } = parseProfiles([{ credit_code: 'A', ip_items: [], valuation_usd: null }]);
    expect(profiles[0].ip_items).toEqual([]);
    expect(profiles[0].valuation_usd).toBeNull();
  });

  it('文档本身不是列表', () => {
    expect(() => parseProfiles('x')).toThrowError(/JSON 数组/);
  });
});
