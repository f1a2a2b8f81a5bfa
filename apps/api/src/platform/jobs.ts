import { Logger } from '@nestjs/common';
import type { Transactions, Db } from './database/transactions';

/**
 * Runs `work` in a transaction holding a cluster-wide advisory lock: on one instance at a time,
 * the others skip (null). Jobs are idempotent, so running again later is harmless.
 */
export function runExclusive<T>(
  transactions: Transactions,
  lockKey: number,
  work: (db: Db) => Promise<T>,
): Promise<T | null> {
  return transactions.run(async (db) => {
    const [lock] = await db.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      lockKey,
    ]);
    return lock?.locked ? work(db) : null;
  });
}

/** Repeats `run` every `everyMs` (first run now); returns a function that stops it. */
export function schedule(name: string, everyMs: number, run: () => Promise<unknown>): () => void {
  const logger = new Logger(name);
  const tick = () => void run().catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Advisory lock keys of the jobs. */
export const JOB_LOCKS = {
  renewalCalendar: 7_301_101,
  auditRetention: 7_301_102,
  anonymisation: 7_301_103,
  reportingRefresh: 7_301_104,
  signInFailures: 7_301_105,
} as const;
