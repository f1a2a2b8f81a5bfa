import type { ApiError, CurrentUser, LoginResponse } from '@passerelle/shared/domain';
import { REFRESH_COOKIE } from '@passerelle/shared/domain';
import { type TestApp, refreshCookieOf, startTestApp } from '@api/testing/test-app';
import { DEMO_ACCOUNTS } from './identity.seed';

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('signs in every demo account with its role and organisation', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const response = await t.request<LoginResponse>('POST', '/api/auth/login', {
        body: { username: account.username, password: 'demo' },
      });
      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      // The refresh token never reaches the page's scripts: only an HttpOnly cookie for /api/auth.
      expect(response.body).not.toHaveProperty('refreshToken');
      expect(refreshCookieOf(response.headers)).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
      expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/api/auth', 'SameSite=Strict']);
      expect(response.body.user).toMatchObject({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        organization: { id: expect.any(String), name: expect.any(String), type: expect.any(String) },
      });
    }
    const mourenx = await t.login('mourenx.agent');
    expect(mourenx.user.organization).toMatchObject({ type: 'INFO_POINT', registersDemands: true });
    const orthez = await t.login('orthez.accueil');
    expect(orthez.user.organization).toMatchObject({ type: 'INFO_POINT', registersDemands: false });
  });

  it('accepts the username whatever its case', async () => {
    const response = await t.request('POST', '/api/auth/login', {
      body: { username: 'Mourenx.Agent', password: 'demo' },
    });
    expect(response.status).toBe(200);
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const wrong = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'mourenx.agent', password: 'nope' },
    });
    const unknown = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'nobody.here', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers /me for a valid token and 401 without one', async () => {
    const session = await t.login('orthez.ts');
    const me = await t.request<CurrentUser>('GET', '/api/auth/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(session.user);
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: `${session.accessToken}x` })).status).toBe(401);
  });

  it('still checks the signature of a token once a genuine one was verified', async () => {
    const session = await t.login('orthez.ts');
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
    const [header, payload, signature] = session.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const forged of [`${header}.${longer}.${signature}`, `${header}.${payload}.${flipped}`]) {
      const answer = await t.request<ApiError>('GET', '/api/auth/me', { token: forged });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toBe('Invalid or expired token');
    }
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
  });

  it('rotates the refresh cookie, and a reused one ends the session', async () => {
    const session = await t.login('sdsei.ts');
    const refreshed = await t.request<LoginResponse>('POST', '/api/auth/refresh', {
      headers: t.sessionHeaders(session.refreshToken),
    });
    expect(refreshed.status).toBe(200);
    const rotated = refreshCookieOf(refreshed.headers);
    expect(rotated).not.toBe(session.refreshToken);
    expect(refreshed.body.user.username).toBe('sdsei.ts');
    const reused = await t.request('POST', '/api/auth/refresh', {
      headers: t.sessionHeaders(session.refreshToken),
    });
    expect(reused.status).toBe(401);
    // A refused token is cleared from the browser.
    expect(reused.headers.getSetCookie().join()).toMatch(
      new RegExp(`^${REFRESH_COOKIE}=;.*Expires=Thu, 01 Jan 1970`),
    );
    // The stolen-token signal closed the session: the newest tokens stop working too.
    expect((await t.request('GET', '/api/auth/me', { token: refreshed.body.accessToken })).status).toBe(401);
    const again = await t.request('POST', '/api/auth/refresh', { headers: t.sessionHeaders(rotated ?? '') });
    expect(again.status).toBe(401);
  });

  it('refreshes and ends a session only for Passerelle’s own pages (Origin), and only with the cookie', async () => {
    const session = await t.login('orthez.accueil');
    const cookie = t.sessionHeaders(session.refreshToken)['cookie'] ?? '';
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
    ];
    for (const headers of attempts) {
      for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
        const refused = await t.request<ApiError>('POST', path, { headers });
        expect({ path, headers, status: refused.status }).toEqual({ path, headers, status: 403 });
      }
    }
    // Nothing happened to the session: its cookie still works from the right origin.
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
    const noCookie = await t.request('POST', '/api/auth/refresh', { headers: { origin: t.baseUrl } });
    expect(noCookie.status).toBe(401);
    // A token in the body, as before, is no token: only the cookie counts.
    const inBody = await t.request('POST', '/api/auth/refresh', {
      headers: { origin: t.baseUrl },
      body: { refreshToken: session.refreshToken },
    });
    expect(inBody.status).toBe(401);
    const ok = await t.request('POST', '/api/auth/refresh', {
      headers: t.sessionHeaders(session.refreshToken),
    });
    expect(ok.status).toBe(200);
  });

  it('ends the session at logout, and clears the cookie', async () => {
    const session = await t.login('office64.bailleur');
    const logout = await t.request('POST', '/api/auth/logout', {
      headers: t.sessionHeaders(session.refreshToken),
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(new RegExp(`^${REFRESH_COOKIE}=;`));
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { headers: t.sessionHeaders(session.refreshToken) }))
        .status,
    ).toBe(401);
  });

  it('shuts a deactivated user out at once', async () => {
    const session = await t.login('bearnaise.bailleur');
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE username = 'bearnaise.bailleur'`);
    try {
      expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      const login = await t.request('POST', '/api/auth/login', {
        body: { username: 'bearnaise.bailleur', password: 'demo' },
      });
      expect(login.status).toBe(401);
    } finally {
      await t.dataSource.query(`UPDATE app_user SET active = true WHERE username = 'bearnaise.bailleur'`);
    }
  });

  it('ends a session left idle for 30 minutes', async () => {
    const session = await t.login('monein.relais');
    await t.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`,
      [session.refreshToken.split('.')[0]],
    );
    expect((await t.request('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { headers: t.sessionHeaders(session.refreshToken) }))
        .status,
    ).toBe(401);
  });

  it('stores argon2id hashes, never passwords', async () => {
    const rows = (await t.dataSource.query(`SELECT password_hash FROM app_user`)) as {
      password_hash: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
