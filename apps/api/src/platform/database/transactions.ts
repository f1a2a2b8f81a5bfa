import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';

/** Anything that runs SQL: the pool, or one transaction. */
export interface Db {
  query<T = unknown>(text: string, values?: unknown[]): Promise<T>;
}

/** Always the rows (TypeORM otherwise answers `[rows, count]` for UPDATE and DELETE). */
async function rowsOf<T>(runner: QueryRunner, text: string, values?: unknown[]): Promise<T> {
  const result = await runner.query(text, values, true);
  return result.records as T;
}

/** Runs work in one transaction; repositories take the `Db` it hands out. */
@Injectable()
export class Transactions {
  readonly pool: Db;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pool = {
      query: async <T>(text: string, values?: unknown[]): Promise<T> => {
        const runner = this.dataSource.createQueryRunner();
        try {
          return await rowsOf<T>(runner, text, values);
        } finally {
          await runner.release();
        }
      },
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
