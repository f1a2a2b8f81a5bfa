import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Level, Logger } from 'pino';
import { runWithRequestContext } from '../request-context';
import { redactUrl } from './redaction';

/** An `X-Request-Id` a client or proxy sent that we keep; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const NOT_LOGGED = new Set(['/api/health']);

type Request = IncomingMessage & { ip?: string; originalUrl?: string };

function levelOf(status: number, finished: boolean): Level {
  if (status >= 500) return 'error';
  return status >= 400 || !finished ? 'warn' : 'info';
}

/**
 * The first middleware of every request: gives it an id (answered in `X-Request-Id`), opens
 * its request context (who, from where, for the audit log and the log lines), and writes one
 * line when its answer is done: id, method, URL without query values, status, duration.
 * Nothing is built for the line when its level is not logged.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: ServerResponse, next: () => void): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    const url = req.originalUrl ?? req.url ?? '';
    if (!NOT_LOGGED.has(url)) {
      const started = performance.now();
      res.once('close', () => {
        const finished = res.writableFinished;
        const level = levelOf(res.statusCode, finished);
        if (!logger.isLevelEnabled(level)) return;
        logger[level](
          {
            req: { id, method: req.method, url: redactUrl(url) },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          !finished ? 'request aborted' : res.statusCode >= 500 ? 'request errored' : 'request completed',
        );
      });
    }
    runWithRequestContext({ requestId: id, ip: req.ip }, next);
  };
}
