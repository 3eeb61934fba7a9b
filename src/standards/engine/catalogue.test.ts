import { describe, expect, it } from 'vitest';
import { standardsCatalogue } from './catalogue.ts';

describe('standardsCatalogue', () => {
  it('列出全部标准、版本及生效日期', () => {
    const all = standardsCatalogue();
    expect(all).toHaveLength(11);
    const specialized = all.find((s) => s.id === 'specialized_sme')!;
    expect(specialized.versions.map((v) => [v.version, v.from, v.to])).toEqual([['2022', '2022-08-01', '2026-03-31'], ['2026', '2026-04-01', null]]);
  });

  it('按日期只列当时有效的版本与参数，参数带来源与质量标记', () => {
    const june = standardsCatalogue('2026-06-30').find((s) => s.id === 'little_giant')!;
    expect(june.versions.map((v) => v.version)).toEqual(['2026']);
    const revenue = june.versions[0].parameters.find((p) => p.key === 'g2026.X-2a')!;
    expect(revenue).toMatchObject({ value: 5000, unit: '万元', from: '2026-04-01', quality: 'S' });
    expect(revenue.source).toContain('工信部企业〔2026〕2号');
    expect(june.versions[0].criteria.map((c) => c.id)).toContain('X-4 exempt');
  });

  it('科技型的行业排除清单随 2022 年指引生效', () => {
    const before = standardsCatalogue('2021-06-30').find((s) => s.id === 'tech_sme')!.versions[0].parameters.find((p) => p.key === 'tsme.T-3.industries')!;
    const after = standardsCatalogue('2026-06-30').find((s) => s.id === 'tech_sme')!.versions[0].parameters.find((p) => p.key === 'tsme.T-3.industries')!;
    expect(before.value).toEqual([]);
    expect(after.quality).toBe('U');
  });
});
