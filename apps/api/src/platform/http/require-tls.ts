import type { NextFunction, Request, Response } from 'express';
import { apiError, sendApiError } from './api-exception.filter';

/** The proxy's and the container's health checks, which call an instance over plain HTTP. */
const PLAIN_HTTP_PATH = '/api/health';

/**
 * Production: every request but the health check comes through TLS, the API's own (TLS_CERT_FILE)
 * or a proxy's that TRUST_PROXY names and that says `X-Forwarded-Proto: https`; Express's
 * `req.secure` weighs both, and ignores the header from anyone else. Otherwise 403, never a
 * redirect: the request has already crossed the network in clear, password or token included, and
 * a client that followed a redirect would keep doing so unseen; the refusal shows the fault at once.
 */
export function requireTls(req: Request, res: Response, next: NextFunction): void {
  if (req.secure || req.path === PLAIN_HTTP_PATH) return next();
  sendApiError(
    res,
    apiError(403, 'Passerelle answers over HTTPS only: use https://, through the proxy that serves it'),
  );
}
