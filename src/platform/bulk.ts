import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
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

/** Runs one SELECT as COPY and returns its rows in COPY text format, UTF-8 (one line per row, tab-separated, \\N for NULL). */
export type CopyOut = (select: string) => Promise<Buffer>;

/**
 * Reads with `COPY (select …) TO STDOUT`, the fast path out of both stores: the rows arrive as one buffer to be split
 * by the caller instead of a JS object per row. Every COPY and query given to `work` sees the same snapshot (one
 * read-only, repeatable-read transaction). COPY takes no parameters: put values in with `sqlLiteral`/`inlineParams`.
 */
export async function bulkRead<T>(db: Db, work: (copyOut: CopyOut, query: Db['query']) => Promise<T>): Promise<T> {
  if (db.pool) {
    const client = await db.pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const value = await work(
        async (select) => {
          const chunks: Buffer[] = [];
          for await (const chunk of client.query(copyTo(`copy (${select}) to stdout`))) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks);
        },
        async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
      );
      await client.query('commit');
      return value;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return db.pglite!.transaction(async (tx) =>
    work(
      async (select) => {
        const result = await tx.query(`copy (${select}) to '/dev/blob'`);
        return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
      },
      async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
    ),
  );
}

/** SQL written with $n parameters, with each parameter put in as a literal (for COPY, which takes no parameters). */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => sqlLiteral(params[Number(n) - 1]));
}

/** A value as an SQL literal (for COPY, which takes no parameters): strings quoted and escaped, string arrays as text[]. */
export function sqlLiteral(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? `'{}'::text[]` : `array[${value.map((item: string) => pg.escapeLiteral(item)).join(', ')}]::text[]`;
  }
  throw new Error(`no SQL literal for ${String(value)}`);
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * A field of COPY text output as its text. PostgreSQL writes a backslash as two and tab, newline, carriage return,
 * backspace, form feed and vertical tab as backslash and a letter (it never writes the octal or hex forms).
 */
export function copyUnescape(field: string): string {
  if (field.indexOf('\\') < 0) return field;
  return field.replace(/\\(.)/gs, (_, c: string) => COPY_ESCAPES[c] ?? c);
}
