import { createHash } from 'node:crypto';
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

/** Distinct statement texts a process prepares at most: a connection keeps each one until it closes. */
const PREPARED_LIMIT = 500;
/** Texts seen once, remembered to prepare them on their second use (forgotten when this many pile up). */
const SEEN_ONCE_LIMIT = 5_000;

/**
 * Names for server-side prepared statements of the SQL a process runs again and again (the registry's reads, the
 * audit insert): PostgreSQL then parses and plans such a statement once per connection rather than per request,
 * which was a third of the database's work on a portrait or a page of the registry. A text is named from its second
 * use, so one-off statements (a bulk insert of some odd size) stay unnamed, and at most PREPARED_LIMIT texts are.
 * Statements without parameters go unnamed: they may hold several statements, which only the simple protocol runs.
 */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private seenOnce = new Set<string>();
  private renamed = 0;

  nameOf(sql: string, params: readonly unknown[] | undefined): string | undefined {
    if (!params || params.length === 0) return undefined;
    const name = this.named.get(sql);
    if (name !== undefined || this.named.size >= PREPARED_LIMIT) return name;
    if (!this.seenOnce.has(sql)) {
      if (this.seenOnce.size >= SEEN_ONCE_LIMIT) this.seenOnce = new Set();
      this.seenOnce.add(sql);
      return undefined;
    }
    this.seenOnce.delete(sql);
    return this.assign(sql);
  }

  /**
   * A new name for a text whose prepared statement went stale: a table it reads with `*` changed (a migration of a
   * later release, run while this process still serves), which PostgreSQL refuses for the statement prepared before.
   * Every connection prepares the text again under the new name on its next use.
   */
  rename(sql: string): string {
    return this.assign(sql, ++this.renamed);
  }

  private assign(sql: string, generation = 0): string {
    const created = `tidu_${createHash('sha256').update(`${generation}:${sql}`).digest('base64url').slice(0, 22)}`;
    this.named.set(sql, created);
    return created;
  }
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed since it was prepared. */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);
}

export interface PostgresOptions {
  max?: number;
  /**
   * A pool serving interactive requests (the API): no parallel query workers. Under concurrent requests they compete
   * for the cores the other requests need, and each one is a process started and stopped per query; a registry name
   * search used three processes and several times the CPU of one.
   */
  interactive?: boolean;
}

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Db> {
  configureServerTypes();
  const statements = new StatementNames();
  const run = async (client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] | undefined, inTransaction: boolean) => {
    const name = statements.nameOf(sql, params);
    try {
      return await client.query({ name, text: sql, values: params as unknown[] | undefined });
    } catch (error) {
      if (!name || !isStalePlan(error)) throw error;
      const renamed = statements.rename(sql);
      // Outside a transaction the statement is simply run again; inside, the transaction has failed and the caller's
      // next attempt finds the new name.
      if (inTransaction) throw error;
      return client.query({ name: renamed, text: sql, values: params as unknown[] | undefined });
    }
  };
  // JIT compilation costs more than it saves on the short queries of an interactive system.
  const settings = options.interactive ? '-c jit=off -c max_parallel_workers_per_gather=0' : '-c jit=off';
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, options: settings });
  // An idle connection the server ends (restart, failover, a dropped test database) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL 空闲连接中断：${error.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    pool,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await run(pool, sql, params, false);
      return result.rows as T[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await work({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const result = await run(client, sql, params, true);
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

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }, options: PostgresOptions = {}): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, options) : openPglite(config.dataDir);
}
