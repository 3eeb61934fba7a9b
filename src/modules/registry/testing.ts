import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckCharacter } from './credit-code.ts';
import type { ProfileDocument } from './profile-mapping.ts';

const example = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'standards', 'fixtures', 'profile-example.json'), 'utf8'),
) as ProfileDocument;

/** A valid credit code in a district, from a serial: tests make as many distinct enterprises as they need. */
export function testCreditCode(districtDivision: string, serial: number): string {
  const first17 = `91${districtDivision}MA${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The contract's example profile under a valid credit code, with overrides. */
export function exampleProfile(overrides: Partial<ProfileDocument> = {}): ProfileDocument {
  const profile = structuredClone(example);
  const credit_code = overrides.credit_code ?? testCreditCode(String(overrides.district_code ?? profile.district_code), 1);
  return { ...profile, ...overrides, credit_code };
}
