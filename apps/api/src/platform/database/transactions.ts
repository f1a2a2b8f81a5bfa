import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryConfig } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Anything that runs SQL: the pool, or one transaction. */
export interface Db {
  query<T = unknown>(text: string, values?: unknown[]): Promise<T>;
}

/** Always the rows (TypeORM otherwise answers `[rows, count]` for UPDATE and DELETE). */
async function rowsOf<T>(runner: QueryRunner, text: string, values?: unknown[]): Promise<T> {
  const result = await runner.query(text, values, true);
  return result.records as T;
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    // Outside a transaction, a statement goes straight to the driver's pool (pg checks a connection
    // out and back in): no query runner, no event broadcast, nothing to build per statement, which
    // is measurable on every request. The logger still sees it (tests count statements there).
    const driverPool = () => (this.dataSource.driver as PostgresDriver).master as Pool;
    const send = async <T>(query: QueryConfig): Promise<T> => {
      this.dataSource.logger.logQuery(query.text, query.values);
      return (await driverPool().query(query)).rows as T;
    };
    this.pool = { query: <T>(text: string, values?: unknown[]) => send<T>({ text, values }) };
    this.prepared = {
      query: <T>(text: string, values?: unknown[]) => send<T>({ name: preparedName(text), text, values }),
    };
  }

  run<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('transaction without a query runner');
      return work({ query: <R>(text: string, values?: unknown[]) => rowsOf<R>(runner, text, values) });
    });
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
