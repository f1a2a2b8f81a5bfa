import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { requestContext } from '../request-context';
import { createRootLogger } from './app-logger';
import { requestLogging } from './request-logging';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

describe('requestLogging: one line per request, with its id', () => {
  let server: Server;
  let base: string;
  let output = '';
  const lines = (): Line[] =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  const seenIds: (string | undefined)[] = [];

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString('utf8');
        done();
      },
    });
    const middleware = requestLogging(createRootLogger('info', destination));
    server = createServer((req, res) =>
      middleware(req, res, () => {
        seenIds.push(requestContext()?.requestId);
        const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
        if (status === 0) {
          // The client gives up before any answer.
          res.write('partial');
          return;
        }
        res.statusCode = status;
        res.end('{}');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const settled = async (count: number) => {
    for (let i = 0; i < 100 && lines().length < count; i++) await new Promise((r) => setTimeout(r, 10));
    return lines();
  };

  it('keeps a well-formed X-Request-Id, replaces any other, and gives it to the request context', async () => {
    output = '';
    seenIds.length = 0;
    const kept = await fetch(`${base}/api/x`, { headers: { 'x-request-id': 'client-id-1234' } });
    const replaced = await fetch(`${base}/api/x`, { headers: { 'x-request-id': 'bad id' } });
    expect(kept.headers.get('x-request-id')).toBe('client-id-1234');
    const fresh = replaced.headers.get('x-request-id');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenIds).toEqual(['client-id-1234', fresh]);
    expect((await settled(2)).map((line) => line.req.id)).toEqual(['client-id-1234', fresh]);
  });

  it('writes the method, the URL without its query values, the status, the time; its level follows the status', async () => {
    output = '';
    await fetch(`${base}/api/applicant-files?q=dupont&status=200`);
    await fetch(`${base}/api/applicant-files/123?status=404`);
    await fetch(`${base}/api/boom?status=500`, { method: 'POST' });
    await fetch(`${base}/api/health`);
    const written = await settled(3);
    expect(
      written.map(({ level, msg, req, res }) => [level, msg, req.method, req.url, res.statusCode]),
    ).toEqual([
      [30, 'request completed', 'GET', '/api/applicant-files?q=[REDACTED]&status=[REDACTED]', 200],
      [40, 'request completed', 'GET', '/api/applicant-files/123?status=[REDACTED]', 404],
      [50, 'request errored', 'POST', '/api/boom?status=[REDACTED]', 500],
    ]);
    expect(written.every((line) => line.responseTime >= 0)).toBe(true);
    expect(output).not.toContain('dupont');
  });

  it('says when a client left before the answer was finished', async () => {
    output = '';
    await new Promise<void>((resolve) => {
      const req = request(`${base}/api/slow?status=0`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.end();
    });
    const [line] = await settled(1);
    expect(line).toMatchObject({
      level: 40,
      msg: 'request aborted',
      req: { url: '/api/slow?status=[REDACTED]' },
    });
  });
});
