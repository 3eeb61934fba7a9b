import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch } from './engine.ts';
import { STANDARD_IDS } from '../rules/types.ts';
import { randomProfiles } from '../testing/random-profiles.ts';
import type { Profile } from '../profile/schema.ts';

const AS_OF = '2026-06-30';
const pool = randomProfiles(400, { seed: 11, unknownRate: 0.15 });

/** Every (path, value) leaf of a profile, so a property can drop one known value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return value === null ? [] : [path];
  const out: (string | number)[][] = [];
  for (const [k, v] of Object.entries(value)) out.push(...leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
  return out;
}

function without(profile: Profile, path: (string | number)[]): Profile {
  const copy = structuredClone(profile) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key as string] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (Array.isArray(node)) return copy as Profile;
  node[last as string] = null;
  return copy as Profile;
}

describe('性质', () => {
  it('补充一个已知值不会让 qualified 变成 insufficient_data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pool.length - 1 }), fc.nat(), (index, pick) => {
        const full = pool[index];
        const paths = leaves(full).filter((p) => p[0] !== 'credit_code');
        const reduced = without(full, paths[pick % paths.length]);
        const before = evaluate([reduced], { asOf: AS_OF }).results[0].standards;
        const after = evaluate([full], { asOf: AS_OF }).results[0].standards;
        for (const id of STANDARD_IDS) {
          if (before[id]?.status === 'qualified') expect(after[id]?.status, id).not.toBe('insufficient_data');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('删去全部字段的画像不会因缺数据而 not_qualified', () => {
    fc.assert(
      fc.property(fc.constantFrom('2022-09-01', '2024-05-20', '2026-03-31', '2026-04-01', '2026-06-30', '2028-12-31'), fc.constantFrom('new' as const, 're_review' as const), (asOf, application) => {
        const out = evaluate([{ credit_code: '91500000EMPTY00001' }], { asOf, application });
        for (const result of Object.values(out.results[0].standards)) expect(result!.status).not.toBe('not_qualified');
        expect(out.results[0].size_class).toBeNull();
      }),
    );
  });

  it('evaluateBatch 与 evaluate 的状态和得分一致（3000 个随机画像，两种申请类型）', () => {
    const profiles = randomProfiles(1500, { seed: 5 });
    for (const application of ['new', 're_review'] as const) {
      const batch = evaluateBatch(profiles, { asOf: AS_OF, application });
      const full = evaluate(profiles, { asOf: AS_OF, application });
      batch.results.forEach((r, i) => {
        for (const record of r.standards) {
          const explained = full.results[i].standards[record.standard]!;
          expect(record.status).toBe(explained.status);
          expect(record.score).toBe(explained.score);
          expect(record.version).toBe(explained.version);
          expect(record.unmet_count === 0).toBe(record.status !== 'not_qualified');
          expect(record.distance === 0 || record.status === 'not_qualified').toBe(true);
        }
        expect(r.size_class).toBe(full.results[i].size_class);
      });
    }
  });
});
