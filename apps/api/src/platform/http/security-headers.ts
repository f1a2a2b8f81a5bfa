import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, worked out once at start-up, then set on every answer. With fixed directives
 * (no function among them) they never depend on the request, and helmet's chain of a dozen
 * middlewares cost more per request than setting the headers.
 */
export function securityHeaders(options: HelmetOptions) {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished || set.length === 0) throw new Error('helmet did not give its headers at start-up');

  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/**
 * Answers carry personal data: no shared town-hall browser and no proxy may keep one, errors and
 * downloads included. Set on every answer, so that a route cannot forget it; the back office's own
 * files replace it with their caching (serveBackOffice).
 */
export function noStore(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
