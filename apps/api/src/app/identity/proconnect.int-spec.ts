import { createHash } from 'node:crypto';
import type {
  ApiError,
  AuditEntryView,
  LoginResponse,
  LogoutResponse,
  Page,
  ProConnectRequestView,
  SignInMethods,
  UserView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { PROCONNECT_FLOW_COOKIE, REFRESH_COOKIE } from '@passerelle/shared/domain';
import { testOidcProvider } from '@passerelle/testing';
import { type TestApp, startTestApp } from '@api/testing/test-app';

/** The stand-in's agents (tools/oidc/stand-in-provider.mjs). */
const AGENT = {
  claire: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0001', // e-mail of mourenx.agent
  maite: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0002', // e-mail of orthez.ts
  pierre: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0003', // e-mail of monein.relais
  jeanne: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0005', // no account
  sylvie: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0006', // e-mail of lagor.relais, self-asserted identity
};

/** A browser, enough of one: cookies per host, redirects followed by hand. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  forget(url: string, name: string): void {
    this.jar.get(new URL(url).host)?.delete(name);
  }

  async fetch(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const headers: Record<string, string> = { ...init.headers };
    if (cookies.size > 0) headers['cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()),
      );
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
    return response;
  }
}

const location = (response: Response, base: string): string =>
  new URL(response.headers.get('location') ?? '', base).href;

/**
 * Signs in at the stand-in provider as `agent`, from Passerelle's login route up to the provider's
 * redirect back: answers the callback URL, not yet visited.
 */
async function throughProvider(t: TestApp, browser: Browser, agent: string): Promise<string> {
  const { issuer } = testOidcProvider();
  const start = await browser.fetch(`${t.baseUrl}/api/auth/proconnect/login`);
  expect(start.status).toBe(302);
  let url = location(start, t.baseUrl);
  expect(url.startsWith(issuer)).toBe(true);
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(`${t.baseUrl}/api/auth/proconnect/callback`)) return url;
    const interaction = /\/interaction\/([\w-]+)$/.exec(new URL(url).pathname);
    const response = interaction
      ? await browser.fetch(`${issuer}/interaction/${interaction[1]}/login`, {
          method: 'POST',
          body: new URLSearchParams({ agent }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      : await browser.fetch(url);
    if (response.status < 300 || response.status >= 400)
      throw new Error(`provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = location(response, url);
  }
  throw new Error('the provider never sent the browser back');
}

describe('ProConnect sign-in (authorisation code flow against the stand-in provider)', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp({}, { proconnect: true });
    coordinator = (await t.login('cclo.coordination')).accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  const refresh = (browser: Browser) =>
    t.request<LoginResponse>('POST', '/api/auth/refresh', {
      headers: t.sessionHeaders(decodeURIComponent(browser.cookie(t.baseUrl, REFRESH_COOKIE) ?? '')),
    });

  const subOf = async (username: string): Promise<string | null> => {
    const rows = (await t.dataSource.query('SELECT proconnect_sub FROM app_user WHERE username = $1', [
      username,
    ])) as { proconnect_sub: string | null }[];
    return rows[0]?.proconnect_sub ?? null;
  };

  const lastAuditEntry = async (): Promise<AuditEntryView> => {
    const page = await t.request<Page<AuditEntryView>>('GET', '/api/audit-entries?pageSize=1', {
      token: coordinator,
    });
    return page.body.items[0] as AuditEntryView;
  };

  it('says that ProConnect is offered', async () => {
    const methods = await t.request<SignInMethods>('GET', '/api/auth/methods');
    expect(methods.body).toEqual({ proconnect: true });
  });

  it('sends the browser to the provider with PKCE S256, a long state and nonce, ProConnect’s scopes and the acr asked', async () => {
    const browser = new Browser();
    const start = await browser.fetch(`${t.baseUrl}/api/auth/proconnect/login`);
    const url = new URL(start.headers.get('location') ?? '');
    expect(url.searchParams.get('redirect_uri')).toBe(`${t.baseUrl}/api/auth/proconnect/callback`);
    expect(url.searchParams.get('scope')).toBe(
      'openid email given_name usual_name siret uid idp_id organization_label',
    );
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('acr_values')).toBe('eidas1');
    // The state waits in PostgreSQL (hashed) and in an HttpOnly cookie of the ProConnect routes.
    expect(browser.cookie(t.baseUrl, PROCONNECT_FLOW_COOKIE)).toBe(url.searchParams.get('state'));
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith(`${PROCONNECT_FLOW_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/; Path=\/api\/auth\/proconnect;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('lets a known agent in by e-mail the first time, and stores their sub', async () => {
    expect(await subOf('mourenx.agent')).toBeNull();
    const browser = new Browser();
    const callback = await browser.fetch(await throughProvider(t, browser, AGENT.claire));
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${t.baseUrl}/`);
    // The same session as a password sign-in: the back office restores it by refresh.
    const session = await refresh(browser);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ username: 'mourenx.agent', role: 'INFO_POINT_AGENT' });
    expect(await subOf('mourenx.agent')).toBe(AGENT.claire);
    expect(browser.cookie(t.baseUrl, PROCONNECT_FLOW_COOKIE)).toBeUndefined();
    expect(await lastAuditEntry()).toMatchObject({ action: 'LOGIN', username: 'mourenx.agent' });
  });

  it('finds an agent by their stored sub first, whatever their e-mail says', async () => {
    // Maïté's e-mail is orthez.ts's, but sdsei.ts is the account linked to her sub.
    await t.dataSource.query(`UPDATE app_user SET proconnect_sub = $1 WHERE username = 'sdsei.ts'`, [
      AGENT.maite,
    ]);
    const browser = new Browser();
    const callback = await browser.fetch(await throughProvider(t, browser, AGENT.maite));
    expect(callback.status).toBe(303);
    expect((await refresh(browser)).body.user.username).toBe('sdsei.ts');
    expect(await subOf('orthez.ts')).toBeNull();
  });

  it('refuses an unknown agent, records their request for the coordinator, who opens an account in one step', async () => {
    const browser = new Browser();
    const callback = await browser.fetch(await throughProvider(t, browser, AGENT.jeanne));
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=UNKNOWN_ACCOUNT`);
    expect(browser.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();
    // The audit log holds no free string of an unknown agent.
    const failed = await lastAuditEntry();
    expect(failed).toMatchObject({ action: 'LOGIN_FAILED', userId: null, username: null });
    expect(JSON.stringify(failed)).not.toMatch(/cazaux|mont\.example/i);

    const requests = await t.request<ProConnectRequestView[]>('GET', '/api/proconnect-requests', {
      token: coordinator,
    });
    expect(requests.status).toBe(200);
    expect(requests.body).toEqual([
      expect.objectContaining({
        email: 'jeanne.cazaux@mont.example',
        givenName: 'Jeanne',
        usualName: 'Cazaux',
        siret: '21640396400011',
        organizationLabel: 'Mairie de Mont',
      }),
    ]);
    // Only the coordinator sees them.
    const agent = await t.login('mourenx.agent');
    expect((await t.request('GET', '/api/proconnect-requests', { token: agent.accessToken })).status).toBe(
      403,
    );

    // A second attempt keeps one request.
    const again = new Browser();
    await again.fetch(await throughProvider(t, again, AGENT.jeanne));
    const [request] = (
      await t.request<ProConnectRequestView[]>('GET', '/api/proconnect-requests', { token: coordinator })
    ).body;
    expect(request).toBeDefined();

    const organizations = await t.request<{ id: string; name: string }[]>('GET', '/api/organizations', {
      token: coordinator,
    });
    const monein = organizations.body.find((o) => o.name === 'Mairie de Monein');
    const opened = await t.request<UserWithActivationCode>(
      'POST',
      `/api/proconnect-requests/${request?.id ?? ''}/account`,
      {
        token: coordinator,
        body: {
          username: 'jeanne.cazaux',
          displayName: 'Jeanne Cazaux',
          email: 'Jeanne.Cazaux@mont.example',
          role: 'RELAY_CLERK',
          organizationId: monein?.id,
        },
      },
    );
    expect(opened.status).toBe(201);
    // No activation code: the account signs in with ProConnect only.
    expect(opened.body.activationCode).toBeUndefined();
    expect(opened.body.user).toMatchObject({
      username: 'jeanne.cazaux',
      email: 'jeanne.cazaux@mont.example',
      proconnect: true,
      active: true,
      activated: false,
    });
    expect(
      (await t.request<ProConnectRequestView[]>('GET', '/api/proconnect-requests', { token: coordinator }))
        .body,
    ).toEqual([]);

    const welcome = new Browser();
    expect(
      (await welcome.fetch(await throughProvider(t, welcome, AGENT.jeanne))).headers.get('location'),
    ).toBe(`${t.baseUrl}/`);
    expect((await refresh(welcome)).body.user.username).toBe('jeanne.cazaux');
    // A request already taken: 404.
    const twice = await t.request('POST', `/api/proconnect-requests/${request?.id ?? ''}/account`, {
      token: coordinator,
      body: {
        username: 'jeanne.bis',
        displayName: 'Jeanne',
        email: 'j@mont.example',
        role: 'RELAY_CLERK',
        organizationId: monein?.id,
      },
    });
    expect(twice.status).toBe(404);
  });

  it('refuses a deactivated account', async () => {
    const users = await t.request<Page<UserView>>('GET', '/api/users?pageSize=100', { token: coordinator });
    const monein = users.body.items.find((u) => u.username === 'monein.relais');
    const patched = await t.request('PATCH', `/api/users/${monein?.id ?? ''}`, {
      token: coordinator,
      body: { active: false },
    });
    expect(patched.status).toBe(200);
    const browser = new Browser();
    const callback = await browser.fetch(await throughProvider(t, browser, AGENT.pierre));
    expect(callback.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=ACCOUNT_INACTIVE`);
    expect(browser.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();
    expect(await lastAuditEntry()).toMatchObject({ action: 'LOGIN_FAILED', username: 'monein.relais' });
  });

  it('refuses an identity weaker than OIDC_ACR, checked on the server', async () => {
    const browser = new Browser();
    const callback = await browser.fetch(await throughProvider(t, browser, AGENT.sylvie));
    expect(callback.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=ACR_TOO_WEAK`);
    expect(browser.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();
    expect(await subOf('lagor.relais')).toBeNull();
  });

  const sessionCount = async (): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM user_session')) as { n: number }[])[0]?.n ?? 0;
  const auditCount = async (): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry')) as { n: number }[])[0]?.n ?? 0;
  const expiredPage = () => `${t.baseUrl}/connexion/proconnect?motif=EXPIRED`;

  it('sends a state that is not the browser’s to the French page (EXPIRED), and signs nobody in', async () => {
    const browser = new Browser();
    const callbackUrl = await throughProvider(t, browser, AGENT.claire);
    const [sessions, entries] = [await sessionCount(), await auditCount()];
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'x'.repeat(43));
    const wrong = await browser.fetch(forged.href);
    // A person's browser reads a page, not an error's JSON; the refusal stays a refusal.
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe(expiredPage());
    expect(browser.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();

    // The right URL in another browser (a link handed to someone): no cookie, no session.
    const other = new Browser();
    const stolen = await other.fetch(callbackUrl);
    expect(stolen.status).toBe(303);
    expect(stolen.headers.get('location')).toBe(expiredPage());
    expect(other.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();

    // No state at all (a bookmarked callback).
    const bare = await new Browser().fetch(`${t.baseUrl}/api/auth/proconnect/callback`);
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe(expiredPage());
    expect(await sessionCount()).toBe(sessions);
    expect(await auditCount()).toBe(entries);
  });

  it('sends a replayed callback (the same code and state) to the French page (EXPIRED), without a session', async () => {
    const browser = new Browser();
    const callbackUrl = await throughProvider(t, browser, AGENT.claire);
    const flowCookie = browser.cookie(t.baseUrl, PROCONNECT_FLOW_COOKIE) ?? '';
    expect((await browser.fetch(callbackUrl)).status).toBe(303);
    const sessions = await sessionCount();
    // The attacker replays the URL with the cookie it had.
    const replay = await fetch(callbackUrl, {
      headers: { cookie: `${PROCONNECT_FLOW_COOKIE}=${flowCookie}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe(expiredPage());
    expect(replay.headers.getSetCookie().some((c) => c.startsWith(`${REFRESH_COOKIE}=`))).toBe(false);
    expect(await sessionCount()).toBe(sessions);
  });

  it('sends an expired sign-in to the French page (EXPIRED)', async () => {
    const browser = new Browser();
    const callbackUrl = await throughProvider(t, browser, AGENT.claire);
    await t.dataSource.query(`UPDATE proconnect_flow SET expires_at = now() - interval '1 second'`);
    const late = await browser.fetch(callbackUrl);
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toBe(expiredPage());
    expect(browser.cookie(t.baseUrl, REFRESH_COOKIE)).toBeUndefined();
  });

  it('sends an error of the provider (the agent cancelled) to the French page (FAILED), recorded as a failed sign-in', async () => {
    const browser = new Browser();
    const start = await browser.fetch(`${t.baseUrl}/api/auth/proconnect/login`);
    const state = new URL(location(start, t.baseUrl)).searchParams.get('state') ?? '';
    const sessions = await sessionCount();
    const cancelled = new URL(`${t.baseUrl}/api/auth/proconnect/callback`);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', state);
    cancelled.searchParams.set('iss', testOidcProvider().issuer);
    const answer = await browser.fetch(cancelled.href);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=FAILED`);
    expect(await sessionCount()).toBe(sessions);
    expect(await lastAuditEntry()).toMatchObject({ action: 'LOGIN_FAILED', userId: null });
  });

  it('ends a ProConnect session at the provider too: logout answers its end-session address', async () => {
    const browser = new Browser();
    await browser.fetch(await throughProvider(t, browser, AGENT.claire));
    const session = await refresh(browser);
    const rotated = session.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${REFRESH_COOKIE}=`))
      ?.split(';')[0]
      ?.slice(REFRESH_COOKIE.length + 1);
    const logout = await t.request<LogoutResponse>('POST', '/api/auth/logout', {
      headers: t.sessionHeaders(decodeURIComponent(rotated ?? '')),
    });
    expect(logout.status).toBe(200);
    const end = new URL(logout.body.redirectTo);
    expect(`${end.origin}${end.pathname}`).toBe(`${testOidcProvider().issuer}/session/end`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${t.baseUrl}/`);
    expect(end.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    // The provider accepts it (its page then confirms and sends the browser back to Passerelle).
    const atProvider = await browser.fetch(logout.body.redirectTo);
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain('op.logoutForm');
    // The session is over here.
    expect((await t.request('GET', '/api/auth/me', { token: session.body.accessToken })).status).toBe(401);

    // A password session's logout stays a 204.
    const password = await t.login('orthez.accueil');
    const plain = await t.request('POST', '/api/auth/logout', {
      headers: t.sessionHeaders(password.refreshToken),
    });
    expect(plain.status).toBe(204);
  });

  it('refuses a password sign-in to the members of an organisation that requires ProConnect, once the password is right', async () => {
    const organizations = await t.request<{ id: string; name: string; requiresProConnect: boolean }[]>(
      'GET',
      '/api/organizations',
      { token: coordinator },
    );
    const orthez = organizations.body.find((o) => o.name.startsWith('Point-info logement social d'));
    const ccas = organizations.body.find((o) => o.name === "CCAS d'Orthez");
    expect(ccas?.requiresProConnect).toBe(false);
    const patched = await t.request<{ requiresProConnect: boolean }>(
      'PATCH',
      `/api/organizations/${ccas?.id ?? ''}`,
      {
        token: coordinator,
        body: { requiresProConnect: true },
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.requiresProConnect).toBe(true);
    const refused = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'orthez.ts', password: 'demo' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/ProConnect/);
    // A wrong password says nothing more than for an unknown account.
    const wrong = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'orthez.ts', password: 'nope' },
    });
    const unknown = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'nobody.here', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(orthez).toBeDefined();
    const audit = await t.request<Page<AuditEntryView>>('GET', '/api/audit-entries?pageSize=50', {
      token: coordinator,
    });
    expect(
      audit.body.items.find((e) => e.action === 'ADMIN' && e.target?.id === ccas?.id)?.changedFields,
    ).toEqual([{ field: 'requiresProConnect', from: false, to: true }]);
  });

  it('ends the password sessions of an organisation once it requires ProConnect; its ProConnect sessions go on', async () => {
    const password = await t.login('mourenx.agent');
    const browser = new Browser();
    await browser.fetch(await throughProvider(t, browser, AGENT.claire));
    const proconnect = await refresh(browser);
    expect(proconnect.body.user.username).toBe('mourenx.agent');
    const organizationId = proconnect.body.user.organization.id;
    const require = (requiresProConnect: boolean) =>
      t.request('PATCH', `/api/organizations/${organizationId}`, {
        token: coordinator,
        body: { requiresProConnect },
      });
    expect((await require(true)).status).toBe(200);
    try {
      // The password session is over, at once and at its next refresh.
      expect((await t.request('GET', '/api/auth/me', { token: password.accessToken })).status).toBe(401);
      const refused = await t.request('POST', '/api/auth/refresh', {
        headers: t.sessionHeaders(password.refreshToken),
      });
      expect(refused.status).toBe(401);
      // The ProConnect one goes on.
      expect((await t.request('GET', '/api/auth/me', { token: proconnect.body.accessToken })).status).toBe(
        200,
      );
      const rotated = proconnect.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${REFRESH_COOKIE}=`))
        ?.split(';')[0]
        ?.slice(REFRESH_COOKIE.length + 1);
      const again = await t.request('POST', '/api/auth/refresh', {
        headers: t.sessionHeaders(decodeURIComponent(rotated ?? '')),
      });
      expect(again.status).toBe(200);
    } finally {
      expect((await require(false)).status).toBe(200);
    }
  });

  it('keeps e-mails unique whatever their case, and lets the coordinator set and clear them', async () => {
    const users = await t.request<Page<UserView>>('GET', '/api/users?pageSize=100', { token: coordinator });
    const organizationId = users.body.items.find((u) => u.username === 'mourenx.agent')?.organization.id;
    const taken = await t.request<ApiError>('POST', '/api/users', {
      token: coordinator,
      body: {
        username: 'claire.bis',
        displayName: 'Claire Bis',
        email: ' Claire.Etcheverry@Mourenx.EXAMPLE ',
        role: 'INFO_POINT_AGENT',
        organizationId,
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/e-mail/);
    const bad = await t.request('POST', '/api/users', {
      token: coordinator,
      body: {
        username: 'claire.ter',
        displayName: 'C',
        email: 'not-an-address',
        role: 'INFO_POINT_AGENT',
        organizationId,
      },
    });
    expect(bad.status).toBe(400);
    const created = await t.request<UserWithActivationCode>('POST', '/api/users', {
      token: coordinator,
      body: {
        username: 'helene.laborde',
        displayName: 'Hélène Laborde',
        email: 'Helene.Laborde@Mourenx.example',
        role: 'INFO_POINT_AGENT',
        organizationId,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'helene.laborde@mourenx.example', proconnect: false });
    const id = created.body.user.id;
    const clash = await t.request('PATCH', `/api/users/${id}`, {
      token: coordinator,
      body: { email: 'CLAIRE.ETCHEVERRY@mourenx.example' },
    });
    expect(clash.status).toBe(409);
    const cleared = await t.request<UserWithActivationCode>('PATCH', `/api/users/${id}`, {
      token: coordinator,
      body: { email: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.user.email).toBeNull();
  });
});

describe('ProConnect that does not answer', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens there (the discard port): discovery fails.
    const silent = { ...testOidcProvider(), issuer: 'http://127.0.0.1:9/api/v2', acr: 'eidas1' as const };
    t = await startTestApp({ proconnect: silent }, { proconnect: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it('sends the agent who clicked the button to the French page (UNAVAILABLE), not to a 503’s JSON', async () => {
    const start = await fetch(`${t.baseUrl}/api/auth/proconnect/login`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=UNAVAILABLE`);
    expect(start.headers.getSetCookie()).toEqual([]);
  });

  it('sends a callback that cannot reach the provider to the French page (UNAVAILABLE), without a session', async () => {
    // A sign-in started while the provider answered.
    const state = 's'.repeat(43);
    await t.dataSource.query(
      `INSERT INTO proconnect_flow (state_hash, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, now() + interval '5 minutes')`,
      [createHash('sha256').update(state).digest('hex'), 'n'.repeat(43), 'v'.repeat(43)],
    );
    const callback = await fetch(`${t.baseUrl}/api/auth/proconnect/callback?code=abc&state=${state}`, {
      headers: { cookie: `${PROCONNECT_FLOW_COOKIE}=${state}` },
      redirect: 'manual',
    });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${t.baseUrl}/connexion/proconnect?motif=UNAVAILABLE`);
    expect(callback.headers.getSetCookie().some((c) => c.startsWith(`${REFRESH_COOKIE}=`))).toBe(false);
  });
});
