import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Transactions } from './database/transactions';
import { apiError, sendApiError } from './http/api-exception.filter';
import { Jobs } from './jobs';

/** How long a stop lets the requests in flight and the running job ticks finish. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** How long the connections kept alive stay open once the work in flight is done (see shutDown). */
const KEEP_ALIVE_LINGER_MS = 1_000;

/** Seconds a client refused by a stopping instance should wait (another instance may answer at once). */
const STOPPING_RETRY_AFTER_SECONDS = 1;

/**
 * The requests in flight, and whether this instance is stopping. Once it is, a request that still
 * reaches it (on a connection kept alive) is answered 503 with Retry-After, and every answer closes
 * its connection, so that clients and load balancers go to another instance.
 */
@Injectable()
export class RequestDrain {
  private readonly inFlight = new Set<Response>();
  private readonly whenIdle = new Set<() => void>();
  private stopping = false;

  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.stopping) {
      res.setHeader('Connection', 'close');
      sendApiError(res, apiError(503, 'This instance is stopping: try again'), STOPPING_RETRY_AFTER_SECONDS);
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) for (const wake of this.whenIdle) wake();
    });
    next();
  };

  /** Requests being served now. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Takes no new request; those in flight close their connection once answered. */
  stop(): void {
    this.stopping = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  /** Resolves true once no request is in flight, false at `deadline` (epoch ms) if some still are. */
  idle(deadline: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (finished: boolean): void => {
        clearTimeout(timer);
        this.whenIdle.delete(wake);
        resolve(finished);
      };
      const wake = (): void => done(true);
      const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
      this.whenIdle.add(wake);
    });
  }
}

export interface ShutdownReport {
  /** Requests still in flight when the grace ended (their connections were closed). */
  requestsCut: number;
  /** Job ticks still running when the grace ended. */
  jobsLate: boolean;
  /** Statements cancelled past the grace (their transactions rolled back). */
  statementsCancelled: number;
}

/**
 * Stops the application cleanly (SIGTERM): it stops listening and takes no new request; the
 * requests in flight and the running job ticks have `graceMs` to finish, no new tick starts; past
 * that, the connections left are closed and this process's statements still running are cancelled,
 * so their transactions roll back; then the application closes, its pool last.
 */
export async function shutDown(
  app: NestExpressApplication,
  graceMs = SHUTDOWN_GRACE_MS,
): Promise<ShutdownReport> {
  const logger = new Logger('Shutdown');
  const deadline = Date.now() + graceMs;
  const drain = app.get(RequestDrain);
  const server = app.getHttpServer() as Server;
  drain.stop();
  // No new connection. The kept-alive ones stay open a little while: a request that a client sends
  // on one gets a 503 that closes it, cleanly, where closing it now could cut a request already on
  // its way (the client could not tell whether it was done: a write, perhaps).
  // http.Server#close would also close the idle ones (Node ≥ 19): only stop listening.
  NetServer.prototype.close.call(server);
  const [requestsDone, jobsDone] = await Promise.all([drain.idle(deadline), app.get(Jobs).stop(deadline)]);
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, Math.min(KEEP_ALIVE_LINGER_MS, deadline - Date.now()))),
  );
  const report: ShutdownReport = {
    requestsCut: requestsDone ? 0 : drain.size,
    jobsLate: !jobsDone,
    statementsCancelled: 0,
  };
  server.closeAllConnections();
  if (!requestsDone || !jobsDone) {
    report.statementsCancelled = await app
      .get(Transactions)
      .cancelRunning()
      .catch(() => 0);
    logger.warn(report, `Work still under way after ${graceMs} ms: stopped`);
  }
  await app.close();
  return report;
}
