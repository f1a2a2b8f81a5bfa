import { hostname } from 'node:os';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from './database/database-unavailable';
import { pgErrorCode, Transactions, type Db } from './database/transactions';

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

/** « 5 min », « 1 h », « 30 s ». */
function duration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/** PostgreSQL's query_canceled: a stop past its grace cancelled the job's statement. */
const QUERY_CANCELED = '57014';

/** A tick may come this much earlier than its period after the last one (timers drift). */
const EARLY_TICK = 0.9;

/** This instance, as the job ledger names it. */
export const INSTANCE = `${hostname()}:${process.pid}`.slice(0, 128);

/**
 * The process's scheduled jobs. Each tick is claimed in PostgreSQL first (`scheduled_job`): only
 * the first instance to claim a period runs it, so a job runs once per period across instances
 * (and its advisory lock, runExclusive, keeps two runs from overlapping). A tick that fails is logged (by its error's names, never its
 * values) and the job runs again at its next tick: one that finds PostgreSQL away says so, and
 * waits for the next. On a stop, no new tick starts, and the ticks running finish: the stop waits
 * for them (up to a deadline, past which their statements are cancelled and their transactions roll
 * back, see shutdown.ts).
 */
@Injectable()
export class Jobs implements BeforeApplicationShutdown {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly transactions: Transactions) {}

  /**
   * Whether this instance takes the tick of `name` now: true when no instance started it within
   * (most of) its period.
   */
  async claim(name: string, everyMs: number): Promise<boolean> {
    const rows = await this.transactions.pool.query<unknown[]>(
      `INSERT INTO scheduled_job (name, last_started_at, last_instance, runs) VALUES ($1, now(), $3, 1)
       ON CONFLICT (name) DO UPDATE SET last_started_at = now(), last_instance = $3, runs = scheduled_job.runs + 1
        WHERE scheduled_job.last_started_at <= now() - make_interval(secs => $2::double precision)
       RETURNING 1`,
      [name, (everyMs * EARLY_TICK) / 1000, INSTANCE],
    );
    return rows.length > 0;
  }

  /** Repeats `run` every `everyMs` (first run now), until the application stops. */
  every(name: string, everyMs: number, run: () => Promise<unknown>): void {
    if (this.stopped) return;
    const logger = new Logger(name);
    const tick = (): void => {
      if (this.stopped) return;
      const done: Promise<void> = this.claim(name, everyMs)
        .then((mine) => (mine ? run() : undefined))
        .then(
          () => undefined,
          (error: unknown) => {
            if (this.stopped && pgErrorCode(error) === QUERY_CANCELED)
              logger.warn(
                { err: error },
                `${name} stopped with the application: its transaction rolled back`,
              );
            else if (isDatabaseUnavailable(error))
              logger.warn(
                { err: error },
                `${name} skipped: PostgreSQL cannot be reached; it runs again in ${duration(everyMs)}`,
              );
            else logger.error({ err: error }, `${name} failed`);
          },
        )
        .finally(() => this.running.delete(done));
      this.running.add(done);
    };
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Whether a tick is running now. */
  busy(): boolean {
    return this.running.size > 0;
  }

  /**
   * No new tick from now on. Resolves true when the ticks running have ended, false if some still
   * run at `deadline` (epoch ms).
   */
  async stop(deadline = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      if (Number.isFinite(deadline))
        timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([Promise.all([...this.running]).then(() => true), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The application closes (its pool next): let the running ticks end first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}

/** Advisory lock keys of the jobs. */
export const JOB_LOCKS = {
  renewalCalendar: 7_301_101,
  auditRetention: 7_301_102,
  anonymisation: 7_301_103,
  reportingRefresh: 7_301_104,
  signInFailures: 7_301_105,
} as const;
