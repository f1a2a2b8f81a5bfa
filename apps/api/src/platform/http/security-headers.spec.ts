import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from './security-headers';

function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void) {
  const headers = new Map<string, string>([['x-powered-by', 'Express']]);
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let called = 0;
  middleware(
    { method: 'GET', url: '/api/x' } as IncomingMessage,
    res as unknown as ServerResponse,
    () => called++,
  );
  expect(called).toBe(1);
  return Object.fromEntries([...headers].sort());
}

describe('securityHeaders', () => {
  const options: HelmetOptions = {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: null } },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  };

  it('sets exactly what helmet sets, on every answer', () => {
    const once = securityHeaders(options);
    const expected = headersOf(helmet(options) as never);
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    expect(expected['x-powered-by']).toBeUndefined();
    expect(headersOf(once)).toEqual(expected);
    expect(headersOf(once)).toEqual(expected);
  });

  it('refuses options helmet rejects, at start-up', () => {
    expect(() => securityHeaders({ referrerPolicy: { policy: 'nonsense' as never } })).toThrow();
  });
});
