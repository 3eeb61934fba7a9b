import type { Queryable } from '../../../platform/db.ts';

/**
 * One partial index per industrial chain (33, fixed reference data): a chain's enterprises by size class and revenue.
 * `chains` is an array, which a B-tree cannot key on, and the chains' GIN index gives row addresses in no useful order:
 * a chain's largest enterprises of a size class meant reading some 1,400 wide rows for one page, and counting a chain's
 * small enterprises 16,000. From its own index, the page reads its 50 rows and the count reads no row at all.
 * A migration that adds a chain adds its index the same way.
 */
export async function up(tx: Queryable) {
  const chains = await tx.query<{ id: string }>(`select id from ref.chain order by seq`);
  for (const { id } of chains) {
    if (!/^[a-z0-9_]{1,40}$/.test(id)) throw new Error(`产业链编号不适合作索引名：${id}`);
    await tx.query(
      `create index enterprise_chain_${id} on registry.enterprise (size_class, summary_operating_revenue desc nulls last, credit_code desc)
       where chains @> array['${id}']::text[]`,
    );
  }
}
