import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

/** The one interface every repository talks to: the same SQL runs on PGlite and on a PostgreSQL server. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Only for the PostgreSQL server: a dedicated client for COPY streams. */
  readonly pool?: pg.Pool;
  /** Only for PGlite: the raw instance, for COPY through /dev/blob. */
  readonly pglite?: PGlite;
}

const OID = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184, timestamp: 1114 } as const;

const asNumber = (value: string) => (value === null ? null : Number(value));
const asText = (value: string) => value;

export async function openPglite(dataDir: string | 'memory'): Promise<Db> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const instance = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, {
    parsers: {
      [OID.int8]: asNumber,
      [OID.numeric]: asNumber,
      [OID.date]: asText,
      [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value),
    },
  });
  return {
    kind: 'pglite',
    pglite: instance,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await instance.query<T>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return instance.transaction(async (tx) =>
        work({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const result = await tx.query<R>(sql, params as unknown[] | undefined);
            return result.rows;
          },
        }),
      );
    },
    async exec(sql: string) {
      await instance.exec(sql);
    },
    async close() {
      await instance.close();
    },
  };
}

let serverTypesConfigured = false;
function configureServerTypes() {
  if (serverTypesConfigured) return;
  pg.types.setTypeParser(OID.int8, asNumber);
  pg.types.setTypeParser(OID.numeric, asNumber);
  pg.types.setTypeParser(OID.date, asText);
  serverTypesConfigured = true;
}

export async function openPostgres(connectionString: string, options: { max?: number } = {}): Promise<Db> {
  configureServerTypes();
  // JIT compilation costs more than it saves on the short queries of an interactive system.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, options: '-c jit=off' });
  // An idle connection the server ends (restart, failover, a dropped test database) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL 空闲连接中断：${error.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    pool,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await work({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const result = await client.query(sql, params as unknown[] | undefined);
            return result.rows as R[];
          },
        });
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
