import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Pool, type PoolClient, type QueryConfig } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Anything that runs SQL: the pool, or one transaction. */
export interface Db {
  query<T = unknown>(text: string, values?: unknown[]): Promise<T>;
}

/**
 * The name a prepared statement takes: one per text, so that two texts never share a name on a
 * connection (pg refuses that). Texts are few (fixed statements, a variant per scope).
 */
const preparedNames = new Map<string, string>();
export function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** Runs work in one transaction; repositories take the `Db` it hands out. */
@Injectable()
export class Transactions {
  readonly pool: Db;
  /**
   * The pool, for the statements every request sends (the session check, a file read): prepared
   * once per connection, then only executed. Their planning took longer than their execution (0.34
   * against 0.1 ms for the session check). Only for statements whose plan does not depend on the
   * values (lookups by key): a prepared statement may fall back to a generic plan.
   */
  readonly prepared: Db;
  /** The pool's connections checked out now (a statement or a transaction under way). */
  private readonly busy = new Set<PoolClient>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    // Outside a transaction, a statement goes straight to the driver's pool (pg checks a connection
    // out and back in): no query runner, no event broadcast, nothing to build per statement, which
    // is measurable on every request. The logger still sees it (tests count statements there).
    const send = async <T>(query: QueryConfig): Promise<T> => {
      this.dataSource.logger.logQuery(query.text, query.values);
      return (await this.driverPool().query(query)).rows as T;
    };
    this.pool = { query: <T>(text: string, values?: unknown[]) => send<T>({ text, values }) };
    this.prepared = {
      query: <T>(text: string, values?: unknown[]) => send<T>({ name: preparedName(text), text, values }),
    };
    const pool = this.driverPool();
    pool.on('acquire', (client) => this.busy.add(client));
    pool.on('release', (_error, client) => this.busy.delete(client));
    pool.on('remove', (client) => this.busy.delete(client));
  }

  /**
   * Cancels what this process's connections are running now (a stop past its grace: a request or
   * a job that would not end): each statement fails with 57014 and its transaction rolls back, so
   * that the pool can close. Other instances' connections are not touched. Returns how many were
   * cancelled.
   */
  async cancelRunning(): Promise<number> {
    // The backend's process id, which PostgreSQL sent when the connection opened.
    const pids = [...this.busy].flatMap((client) => {
      const pid = (client as PoolClient & { processID?: unknown }).processID;
      return typeof pid === 'number' ? [pid] : [];
    });
    if (pids.length === 0) return 0;
    // Not through the pool: every one of its connections may be taken.
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ cancelled: number }>(
        'SELECT count(*) FILTER (WHERE pg_cancel_backend(pid))::int AS cancelled FROM unnest($1::int[]) AS pid',
        [pids],
      );
      return rows[0]?.cancelled ?? 0;
    } finally {
      await client.end();
    }
  }

  /**
   * Runs `work` in one transaction on one of the pool's connections, committed when it resolves,
   * rolled back when it throws. Straight on pg, as the statements outside a transaction: TypeORM's
   * query runner, entity manager and event broadcasts cost more per write than its statements'
   * own work in this process. A connection that failed is dropped, not handed to the next request.
   */
  async run<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const client = await this.driverPool().connect();
    let broken: Error | undefined;
    // Checked out, a connection has no error listener of the pool's: one that dies would crash the process.
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    const db: Db = {
      query: async <R>(text: string, values?: unknown[]): Promise<R> => {
        this.dataSource.logger.logQuery(text, values);
        try {
          return (await client.query(text, values)).rows as R;
        } catch (error) {
          // As TypeORM's runner did: the error filter, the logs and the 503 test read either shape.
          throw new QueryFailedError(text, values, error as Error);
        }
      },
    };
    try {
      await db.query('START TRANSACTION');
      const result = await work(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) {
        await db.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
        });
      }
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  private driverPool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }
}

/** PostgreSQL's error code of a failed statement (23505 unique violation…), if any. */
export function pgErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate.driverError?.code ?? candidate.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a failed statement broke, if any. */
export function pgConstraint(error: unknown): string | undefined {
  const candidate = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const constraint = candidate.driverError?.constraint ?? candidate.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}
