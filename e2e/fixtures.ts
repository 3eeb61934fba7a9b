import { readFileSync } from 'node:fs';
import { creditCodeCheckCharacter } from '../src/modules/registry/credit-code.ts';

/** A credit code with a correct check character, from a district division and a serial. */
export function creditCode(districtDivision: string, serial: number): string {
  const first17 = `91${districtDivision}MA${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface SeedProfile {
  credit_code: string;
  name: string;
  [key: string]: unknown;
}

/** The contract's example profile (shared/contract), under a valid credit code. */
export function contractExampleProfile(): SeedProfile {
  const example = JSON.parse(readFileSync('/work/shared/contract/profile-example.json', 'utf8')) as SeedProfile;
  return { ...example, credit_code: creditCode('500112', 9001) };
}

/** A compact profile for registry tests: three fiscal years, figures given per year. */
export function smallProfile(options: {
  credit_code: string;
  name: string;
  district_code: string;
  years: Record<string, Record<string, number | null>>;
  qualifications?: { title: string; level: string; issue_date: string; expiry_date: string }[];
}): SeedProfile {
  return {
    credit_code: options.credit_code,
    name: options.name,
    registration_date: '2015-03-18',
    district_code: options.district_code,
    industry_code: '3484',
    is_listed: false,
    years: options.years,
    ip_items: [],
    qualifications: options.qualifications ?? [],
    main_product: { name: '精密传动部件' },
  };
}
