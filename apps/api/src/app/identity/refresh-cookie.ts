import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '@passerelle/shared/domain';
import type { AppConfig } from '@api/platform/config/config';
import { DomainError } from '@api/platform/http/domain-error';

/**
 * The refresh token lives in an `HttpOnly` cookie scoped to `/api/auth`: no script of the page can
 * read it (an injected one could otherwise take the session away), and the browser sends it only to
 * the sign-in routes. `SameSite=Strict` and the `Origin` check keep other sites from using it.
 * `Secure` everywhere but plain HTTP outside production (a demo on localhost).
 */
function options(config: Pick<AppConfig, 'mode'>, req: Request) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
    secure: config.mode === 'production' || req.secure,
  };
}

export function setRefreshCookie(
  res: Response,
  req: Request,
  config: Pick<AppConfig, 'mode'>,
  refreshToken: string,
): void {
  // No Max-Age: the cookie ends with the browser (a shared town-hall computer), the session sooner
  // when idle (SESSION_IDLE_MINUTES) or old (SESSION_MAX_HOURS).
  res.cookie(REFRESH_COOKIE, refreshToken, options(config, req));
}

export function clearRefreshCookie(res: Response, req: Request, config: Pick<AppConfig, 'mode'>): void {
  res.clearCookie(REFRESH_COOKIE, options(config, req));
}

/** The refresh token the browser sent, if any. */
export function refreshTokenOf(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[REFRESH_COOKIE] ?? null;
}

/**
 * Only Passerelle's own pages may refresh or end a session: the request's `Origin` must be
 * PUBLIC_URL's. Outside production the request's own origin is accepted too (a demo opened at
 * `http://127.0.0.1:3000` while npm start names `http://localhost:3000`); without PUBLIC_URL, it is
 * the only one.
 */
export function assertOwnOrigin(req: Request, config: Pick<AppConfig, 'publicUrl' | 'mode'>): void {
  const origin = req.headers.origin;
  const own = `${req.protocol}://${req.headers.host ?? ''}`;
  const allowed = config.publicUrl ? new URL(config.publicUrl).origin : own;
  const demoOwn = config.mode !== 'production' && origin === own;
  if (origin !== allowed && !demoOwn) {
    throw new DomainError('FORBIDDEN', 'This request must come from Passerelle’s own pages (Origin)');
  }
}
