import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './db.ts';

/** Writes rows with COPY, the fast path on both stores; all inside one transaction. */
export type CopyRows = (table: string, columns: readonly string[], lines: string[]) => Promise<void>;

export async function bulkLoad(db: Db, work: (copy: CopyRows, query: Db['query']) => Promise<void>): Promise<void> {
  if (db.pool) {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await work(
        async (table, columns, lines) => {
          if (lines.length === 0) return;
          const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
          await pipeline(Readable.from(chunked(lines)), stream);
        },
        async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return;
  }
  const pglite = db.pglite!;
  await pglite.transaction(async (tx) => {
    await work(
      async (table, columns, lines) => {
        if (lines.length === 0) return;
        await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([lines.join('')]) });
      },
      async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
    );
  });
}

function* chunked(lines: string[], size = 2000): Generator<string> {
  for (let start = 0; start < lines.length; start += size) yield lines.slice(start, start + size).join('');
}

/** One value in COPY text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    text = `{${value.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
  } else text = JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export const copyLine = (values: unknown[]) => values.map(copyValue).join('\t') + '\n';
