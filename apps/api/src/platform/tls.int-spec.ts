import { request as httpsRequest } from 'node:https';
import { generate } from 'selfsigned';
import type { ApiError } from '@passerelle/shared/domain';
import { type TestApp, type TestResponse, startTestApp } from '@api/testing/test-app';
import type { AppConfig } from './config/config';

const LOGIN = { username: 'mourenx.agent', password: 'demo' };

/** What a refused request could have left behind: a session, a sign-in attempt, an audit entry. */
async function traces(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM user_session) AS sessions,
            (SELECT count(*)::int FROM sign_in_attempt) AS attempts,
            (SELECT count(*)::int FROM audit_entry) AS "auditEntries"`,
  );
  return row ?? {};
}

async function withApp(overrides: Partial<AppConfig>, test: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await startTestApp(overrides);
  try {
    await test(t);
  } finally {
    await t.close();
  }
}

const proto = (value: string) => ({ headers: { 'x-forwarded-proto': value } });

describe('production over plain HTTP', () => {
  it('refuses every request but the health check with 403, before reading it, and changes nothing', async () => {
    await withApp({ mode: 'production' }, async (t) => {
      const before = await traces(t);
      const login = await t.request<ApiError>('POST', '/api/auth/login', { body: LOGIN });
      expect(login.status).toBe(403);
      expect(login.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringContaining('HTTPS only'),
      });
      // The refusal carries the headers of every answer.
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(login.headers.get('strict-transport-security')).toContain('max-age=');
      expect(login.headers.get('x-request-id')).toBeTruthy();
      // Refused before the guard, the body parser and the router alike.
      const others = [
        await t.request('GET', '/api/auth/me'),
        await t.request('POST', '/api/auth/login', {
          rawBody: '{"username": ',
          headers: { 'content-type': 'application/json' },
        }),
        await t.request('GET', '/api/nothing-here'),
        await t.request('GET', '/api/docs-json'),
        await t.request('GET', '/'),
        await t.request('GET', '/api/health/'),
        await t.request('GET', '/API/HEALTH'),
      ];
      expect(others.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
      expect(await traces(t)).toEqual(before);

      const health = await t.request('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok' });
    });
  });

  it('does not believe a client that says X-Forwarded-Proto: https itself', async () => {
    // No proxy trusted, or a proxy that is not the peer: the header is the client's own word.
    for (const trustProxy of [false, ['10.0.0.0/8']] as const) {
      await withApp({ mode: 'production', trustProxy }, async (t) => {
        const login = await t.request('POST', '/api/auth/login', { body: LOGIN, ...proto('https') });
        expect([trustProxy, login.status]).toEqual([trustProxy, 403]);
        expect((await t.request('GET', '/api/auth/me', proto('https'))).status).toBe(403);
      });
    }
  });
});

describe('production behind a proxy named in TRUST_PROXY', () => {
  it('serves what the proxy received over TLS, and refuses what it received in clear', async () => {
    // The test's client is the proxy: 127.0.0.1, listed.
    await withApp({ mode: 'production', trustProxy: ['127.0.0.1'] }, async (t) => {
      const login = await t.request<{ accessToken: string }>('POST', '/api/auth/login', {
        body: LOGIN,
        ...proto('https'),
      });
      expect(login.status).toBe(200);
      const { accessToken } = login.body;
      const me = await t.request('GET', '/api/auth/me', { token: accessToken, ...proto('https') });
      expect(me.status).toBe(200);
      const refused: TestResponse[] = [
        await t.request('GET', '/api/auth/me', { token: accessToken }),
        await t.request('GET', '/api/auth/me', { token: accessToken, ...proto('http') }),
        await t.request('GET', '/api/auth/me', { token: accessToken, ...proto('') }),
      ];
      expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403]);
      // The proxy's own check over plain HTTP.
      expect((await t.request('GET', '/api/health')).status).toBe(200);
    });
  });

  it('trusts the peer with a hop count, as TRUST_PROXY=1 says', async () => {
    await withApp({ mode: 'production', trustProxy: 1 }, async (t) => {
      expect((await t.request('POST', '/api/auth/login', { body: LOGIN, ...proto('https') })).status).toBe(
        200,
      );
      expect((await t.request('POST', '/api/auth/login', { body: LOGIN })).status).toBe(403);
    });
  });
});

describe('demo mode', () => {
  it('serves plain HTTP (npm start on localhost)', async () => {
    await withApp({ mode: 'demo' }, async (t) => {
      expect((await t.request('POST', '/api/auth/login', { body: LOGIN })).status).toBe(200);
    });
  });
});

describe("production with the API's own certificate (TLS_CERT_FILE, TLS_KEY_FILE)", () => {
  /** A request over HTTPS trusting only `ca`: its answer proves the API served with that certificate. */
  const overHttps = (
    port: number,
    ca: string,
    method: string,
    path: string,
    { token, body }: { token?: string; body?: unknown } = {},
  ) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers: Record<string, string> = {};
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = httpsRequest({ host: '127.0.0.1', port, method, path, ca, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  it('serves HTTPS with them, and its requests pass', async () => {
    const pems = await generate([{ name: 'commonName', value: 'passerelle.test' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const tls = { cert: Buffer.from(pems.cert), key: Buffer.from(pems.private) };
    await withApp({ mode: 'production', tls }, async (t) => {
      const port = (t.app.getHttpServer().address() as { port: number }).port;
      expect(t.baseUrl).toBe(`https://127.0.0.1:${port}`);
      const login = await overHttps(port, pems.cert, 'POST', '/api/auth/login', { body: LOGIN });
      expect(login.status).toBe(200);
      const { accessToken } = JSON.parse(login.text) as { accessToken: string };
      const me = await overHttps(port, pems.cert, 'GET', '/api/auth/me', { token: accessToken });
      expect(me.status).toBe(200);
      expect((await overHttps(port, pems.cert, 'GET', '/api/health')).status).toBe(200);
      // Plain HTTP on the same port gets no answer at all.
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    });
  });
});
