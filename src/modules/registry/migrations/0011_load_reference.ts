import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../../platform/db.ts';
import { parseCsv } from '../reference/csv.ts';

const referenceDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference');
const read = (file: string) => readFileSync(join(referenceDir, file), 'utf8');

export async function up(tx: Queryable) {
  const districts = parseCsv(read('districts.csv'));
  for (const [index, row] of districts.entries()) {
    await tx.query(
      `insert into ref.district (code, gb2260_code, name, short_name, kind, region_group, region_macro, sort_order)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.unit_id, row.gb2260_code || null, row.name_zh, row.short_name_zh, row.unit_kind, row.region_group, row.region_macro, index + 1],
    );
  }

  const industries = parseCsv(read('industry-codes-full.csv'));
  const batchSize = 400;
  for (let start = 0; start < industries.length; start += batchSize) {
    const batch = industries.slice(start, start + batchSize);
    await tx.query(
      `insert into ref.industry (code, level, name, parent_code, section, division, is_manufacturing)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])`,
      [
        batch.map((r) => r.code),
        batch.map((r) => r.level),
        batch.map((r) => r.name_zh),
        batch.map((r) => r.parent_code || null),
        batch.map((r) => r.section),
        batch.map((r) => r.division || null),
        batch.map((r) => r.is_manufacturing === 'yes'),
      ],
    );
  }

  const chains = JSON.parse(read('industrial-chains.json')) as {
    sectors: { id: string; name_zh: string }[];
    chains: { seq: number; id: string; name_zh: string; sector_id: string; indicative_gbt4754_2017: { code: string }[] }[];
  };
  const sectorName = new Map(chains.sectors.map((s) => [s.id, s.name_zh]));
  for (const chain of chains.chains) {
    await tx.query(
      `insert into ref.chain (id, seq, name, sector_id, sector_name, industry_codes) values ($1, $2, $3, $4, $5, $6)`,
      [chain.id, chain.seq, chain.name_zh, chain.sector_id, sectorName.get(chain.sector_id) ?? chain.sector_id, chain.indicative_gbt4754_2017.map((c) => c.code)],
    );
  }

  await tx.query(`insert into ref.document (name, body) values ('clusters_33618', $1::jsonb)`, [read('clusters-33618.json')]);
  await tx.query(`insert into ref.document (name, body) values ('chongqing_geojson', $1::jsonb)`, [read('chongqing-districts.echarts-mit.geojson')]);
}
