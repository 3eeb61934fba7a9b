import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.ts';
import { parseProfiles } from '../profile/parse.ts';

/** The contract example (/work/shared/contract/profile-example.json), statuses derived by hand from the standards text. */
const example = JSON.parse(readFileSync(new URL('../fixtures/profile-example.json', import.meta.url), 'utf8'));
const { profiles } = parseProfiles([example]);

describe('合同示例画像', () => {
  const june = evaluate(profiles, { asOf: '2026-06-30' }).results[0];

  it('工业 3484，期末从业 181 人、主营收入 9000 万元 → 小型', () => {
    expect(june.size_class).toBe('small');
  });

  it('小巨人（2026）：无专精特新称号，两年研发 780 万元差 420 万元 → not_qualified', () => {
    const lg = june.standards.little_giant!;
    expect(lg.version).toBe('2026');
    expect(lg.status).toBe('not_qualified');
    const x3a = lg.criteria.find((c) => c.id === 'X-3a')!;
    expect([x3a.status, x3a.value, x3a.threshold, x3a.gap, x3a.unit]).toEqual(['unmet', 780, 1200, 420, '万元']);
    expect(lg.criteria.find((c) => c.id === 'X-2a')!.status).toBe('met');
  });

  it('创新型：高新技术企业有效（至 2026-11-15）→ 直通，qualified', () => {
    expect(june.standards.innovative_sme!.status).toBe('qualified');
    expect(june.standards.innovative_sme!.criteria.find((c) => c.id === 'DQ-2')!.status).toBe('met');
  });

  it('专精特新（2026）：2026 年评价得分缺失 → insufficient_data，缺失项列出 years.2026.platform_srdi_score', () => {
    const s = june.standards.specialized_sme!;
    expect(s.version).toBe('2026');
    expect(s.status).toBe('insufficient_data');
    expect(s.missing[0]).toBe('years.2026.platform_srdi_score');
    expect(s.criteria.find((c) => c.id === 'N-6b')!.status).toBe('met');
  });

  it('科技和创新型：持有有效创新型称号 → qualified', () => {
    expect(june.standards.tech_innovative_sme!.status).toBe('qualified');
  });

  it('高新技术企业：未填技术领域 → insufficient_data', () => {
    const h = june.standards.high_tech!;
    expect(h.status).toBe('insufficient_data');
    expect(h.missing).toContain('hte_field');
  });

  it('2026-03-15 专精特新按 2022 年标准：M-1…M-3 满足，得分下限 71 ≥ 60 → qualified', () => {
    const march = evaluate(profiles, { asOf: '2026-03-15' }).results[0].standards.specialized_sme!;
    expect(march.version).toBe('2022');
    expect(march.status).toBe('qualified');
    expect(march.score_range?.[0]).toBe(71);
  });

  it('2026 年小巨人复核按 2022 年标准', () => {
    expect(evaluate(profiles, { asOf: '2026-06-30', application: 're_review' }).results[0].standards.little_giant!.version).toBe('2022');
  });
});
