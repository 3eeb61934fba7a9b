import type { Actor } from '../../../platform/audit.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { bulkLoad, copyLine } from '../../../platform/bulk.ts';
import type { Db } from '../../../platform/db.ts';
import { listingColumns } from '../listing-columns.ts';
import { splitProfile } from '../profile-mapping.ts';
import { registryIsEmpty } from '../repository.ts';
import { ENTERPRISE_COLUMNS, YEAR_FIELDS } from '../profile-fields.ts';
import { referenceSets } from '../reference-sets.ts';
import { syntheticProfiles } from './synthetic.ts';

export interface DemoOptions {
  count: number;
  seed: number;
  latestYear: number;
  today: string;
  onProgress?: (done: number, total: number) => void;
}

const ENTERPRISE_COPY_COLUMNS = [
  'credit_code',
  ...ENTERPRISE_COLUMNS,
  'details',
  'lists',
  'size_class',
  'titles',
  'title_terms',
  'summary_year',
  'summary_operating_revenue',
  'summary_rd_expense',
  'summary_employees',
  'created_change_set',
  'change_set_id',
] as const;
const YEAR_COPY_COLUMNS = ['credit_code', 'fiscal_year', ...YEAR_FIELDS, 'created_change_set', 'change_set_id'] as const;
const CHUNK = 5000;

/** Streams a synthetic registry into the store with COPY, in one transaction, under one change set. */
export async function loadDemo(db: Db, actor: Actor, options: DemoOptions): Promise<{ enterprises: number; changeSetId: number }> {
  const refs = await referenceSets(db);
  let changeSetId = 0;
  await bulkLoad(db, async (copy, query) => {
    const [changeSet] = await query<{ id: number }>(
      `insert into platform.change_set (source, source_ref, actor, actor_role, note) values ('demo', $1, $2, $3, $4) returning id`,
      [`tidu demo --count ${options.count} --seed ${options.seed}`, actor.id, actor.role, '合成演示数据，非真实企业'],
    );
    changeSetId = Number(changeSet.id);
    // Into an empty registry, indexes are built once after loading instead of row by row (several times faster).
    const intoEmpty = await registryIsEmpty({ query });
    const deferredIndexes = intoEmpty
      ? await query<{ name: string; definition: string }>(
          `select indexname as name, indexdef as definition from pg_indexes
           where schemaname = 'registry' and tablename in ('enterprise', 'enterprise_year', 'name_search') and indexname not like '%_pkey'`,
        )
      : [];
    for (const index of deferredIndexes) await query(`drop index registry.${index.name}`);
    // Into an empty registry the name table is written once at the end, in credit-code order, instead of by the trigger
    // chunk by chunk in the order the profiles come: a keyword whose matches sit together in credit-code order (a
    // district's name in its own enterprises' names) then reads a few hundred of its pages, not one page per match.
    if (intoEmpty) await query(`alter table registry.enterprise disable trigger name_search_insert`);
    let enterprises: string[] = [];
    let years: string[] = [];
    let done = 0;
    const flush = async () => {
      await copy('registry.enterprise', ENTERPRISE_COPY_COLUMNS, enterprises);
      await copy('registry.enterprise_year', YEAR_COPY_COLUMNS, years);
      enterprises = [];
      years = [];
      options.onProgress?.(done, options.count);
    };
    for (const profile of syntheticProfiles({ count: options.count, seed: options.seed, latestYear: options.latestYear, refs })) {
      const split = splitProfile(profile);
      const listing = listingColumns(profile, split, options.today);
      enterprises.push(
        copyLine([
          profile.credit_code,
          ...ENTERPRISE_COLUMNS.map((column) => split.columns[column]),
          split.details,
          split.lists,
          listing.sizeClass,
          listing.titles,
          listing.titleTerms,
          listing.summary.year,
          listing.summary.operatingRevenue,
          listing.summary.rdExpense,
          listing.summary.employees,
          changeSetId,
          changeSetId,
        ]),
      );
      for (const [year, figures] of split.years) {
        years.push(copyLine([profile.credit_code, year, ...YEAR_FIELDS.map((field) => figures[field]), changeSetId, changeSetId]));
      }
      done++;
      if (enterprises.length >= CHUNK) await flush();
    }
    await flush();
    if (intoEmpty) {
      await query(`insert into registry.name_search (credit_code, name) select credit_code, name from registry.enterprise order by credit_code`);
      await query(`alter table registry.enterprise enable trigger name_search_insert`);
    }
    for (const index of deferredIndexes) await query(index.definition);
    await writeAudit({ query }, actor, {
      action: 'registry.demo.load',
      objectType: 'registry',
      objectId: null,
      summary: { count: options.count, seed: options.seed, change_set: changeSetId },
    });
  });
  return { enterprises: options.count, changeSetId };
}
