import type { Db } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import { listEnterprises } from './list-enterprises.ts';

/** Enterprises of one district in credit-code order, for binding demo accounts to real demo records. */
export async function enterprisesOfDistrict(db: Db, district: string, limit: number): Promise<string[]> {
  const page = await listEnterprises(db, systemScope(), {
    district,
    sort: 'credit_code',
    order: 'asc',
    limit,
    with_total: 'false',
  });
  return page.items.map((item) => item.credit_code);
}
