import { randomUUID } from 'node:crypto';
import { type CurrentUser, ROLES, type Role, can } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';
import { listRoutes } from './routes';

describe('access: every route against the permission table', () => {
  let t: TestApp;
  const sessions = new Map<string, { token: string; user: CurrentUser }>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const account of DEMO_ACCOUNTS) {
      const login = await t.login(account.username);
      sessions.set(account.username, { token: login.accessToken, user: login.user });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds the routes of the running application', () => {
    const routes = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/auth/login', 'GET /api/communes']),
    );
  });

  it('has every route declare an action of the permission table, or that it is public', () => {
    const undeclared = listRoutes(t.app).filter((r) => !r.public && !r.action);
    expect(undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)).toEqual([]);
    const both = listRoutes(t.app).filter((r) => r.public && r.action);
    expect(both.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers 401 to anonymous callers and 403 to roles the table refuses, on every protected route', async () => {
    let checked = 0;
    for (const route of listRoutes(t.app)) {
      if (!route.action) continue;
      const action = route.action;
      const path = route.path.replace(/:[A-Za-z]+/g, randomUUID());
      const anonymous = await t.request(route.method, path);
      expect({ route: `${route.method} ${route.path}`, status: anonymous.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      for (const [username, { token, user }] of sessions) {
        const capabilities = user.organization.registersDemands ? (['registersDemands'] as const) : [];
        const allowed = can({ role: user.role, capabilities }, action);
        const response = await t.request(route.method, path, { token });
        const label = `${route.method} ${route.path} as ${username}`;
        if (allowed)
          expect({ label, forbidden: response.status === 403 }).toEqual({ label, forbidden: false });
        else expect({ label, status: response.status }).toEqual({ label, status: 403 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('covers every role with a demo account', () => {
    const roles = new Set<Role>(DEMO_ACCOUNTS.map((a) => a.role));
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });
});
