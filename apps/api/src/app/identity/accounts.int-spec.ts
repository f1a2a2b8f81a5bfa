import type {
  ApiError,
  CurrentUser,
  LoginResponse,
  OrganizationView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';

describe('accounts', () => {
  let t: TestApp;
  let coordinator: string;
  let organizations: OrganizationView[];
  const orgId = (name: string) => organizations.find((o) => o.name === name)!.id;
  const login = (username: string, password: string) =>
    t.request<LoginResponse>('POST', '/api/auth/login', { body: { username, password } });

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = (await t.login('cclo.coordination')).accessToken;
    organizations = (await t.request<OrganizationView[]>('GET', '/api/organizations', { token: coordinator }))
      .body;
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates an account with a one-time activation code; its owner sets a password with it', async () => {
    const created = await t.request<UserWithActivationCode>('POST', '/api/users', {
      token: coordinator,
      body: {
        username: 'artix.relais',
        displayName: 'Hélène Laborde',
        role: 'RELAY_CLERK',
        organizationId: orgId("Mairie d'Artix"),
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'artix.relais',
      active: true,
      activated: false,
      organization: { type: 'RELAY_POINT' },
    });
    const code = created.body.activationCode!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await login('artix.relais', 'whatever-password')).status).toBe(401);

    const activate = (body: unknown) => t.request<ApiError>('POST', '/api/auth/activate', { body });
    expect(
      (
        await activate({
          username: 'artix.relais',
          activationCode: 'AAAA-BBBB-CCCC',
          password: 'un mot de passe solide',
        })
      ).status,
    ).toBe(400);
    expect(
      (await activate({ username: 'artix.relais', activationCode: code, password: 'court' })).status,
    ).toBe(400);
    expect(
      (
        await activate({
          username: 'artix.relais',
          activationCode: code.toLowerCase(),
          password: 'un mot de passe solide',
        })
      ).status,
    ).toBe(204);
    expect(
      (await activate({ username: 'artix.relais', activationCode: code, password: 'un autre mot de passe' }))
        .status,
    ).toBe(400);
    const session = await login('artix.relais', 'un mot de passe solide');
    expect(session.status).toBe(200);
    expect(session.body.user.organization.name).toBe("Mairie d'Artix");
    const stored = (await t.dataSource.query(
      `SELECT activation_code_hash FROM app_user WHERE username = 'artix.relais'`,
    )) as unknown[];
    expect(stored).toEqual([{ activation_code_hash: null }]);
  });

  it('checks the role against the organisation, refuses a taken username, and is for the coordinator only', async () => {
    const post = (token: string, body: unknown) => t.request<ApiError>('POST', '/api/users', { token, body });
    const mismatch = await post(coordinator, {
      username: 'x.bailleur',
      displayName: 'X',
      role: 'LANDLORD_OFFICER',
      organizationId: orgId('Mairie de Lagor'),
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.details?.[0]?.field).toBe('role');
    expect(
      (
        await post(coordinator, {
          username: 'lagor.relais',
          displayName: 'X',
          role: 'RELAY_CLERK',
          organizationId: orgId('Mairie de Lagor'),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await post(coordinator, {
          username: 'Bad Name!',
          displayName: 'X',
          role: 'RELAY_CLERK',
          organizationId: orgId('Mairie de Lagor'),
        })
      ).status,
    ).toBe(400);
    const agent = (await t.login('mourenx.agent')).accessToken;
    expect(
      (
        await post(agent, {
          username: 'y.relais',
          displayName: 'Y',
          role: 'RELAY_CLERK',
          organizationId: orgId('Mairie de Lagor'),
        })
      ).status,
    ).toBe(403);
    expect((await t.request('GET', '/api/users', { token: agent })).status).toBe(403);
    const list = await t.request<{ total: number; items: { username: string }[] }>(
      'GET',
      `/api/users?organizationId=${orgId('Mairie de Lagor')}`,
      { token: coordinator },
    );
    expect(list.body.items.map((u) => u.username)).toEqual(['lagor.relais']);
  });

  it('shuts a deactivated user out at once, and a new activation code replaces the password', async () => {
    const session = await t.login('sdsei.ts');
    const [user] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'sdsei.ts'`)) as {
      id: string;
    }[];
    const off = await t.request<UserWithActivationCode>('PATCH', `/api/users/${user!.id}`, {
      token: coordinator,
      body: { active: false },
    });
    expect(off.body.user.active).toBe(false);
    expect((await t.request<CurrentUser>('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(
      401,
    );
    expect(
      (await t.request('POST', '/api/auth/refresh', { headers: t.sessionHeaders(session.refreshToken) }))
        .status,
    ).toBe(401);
    expect((await login('sdsei.ts', 'demo')).status).toBe(401);

    const reset = await t.request<UserWithActivationCode>('PATCH', `/api/users/${user!.id}`, {
      token: coordinator,
      body: { active: true, newActivationCode: true },
    });
    expect(reset.body.activationCode).toEqual(expect.any(String));
    expect(reset.body.user.activated).toBe(false);
    expect((await login('sdsei.ts', 'demo')).status).toBe(401);
    expect(
      (
        await t.request('POST', '/api/auth/activate', {
          body: {
            username: 'sdsei.ts',
            activationCode: reset.body.activationCode,
            password: 'nouveau mot de passe',
          },
        })
      ).status,
    ).toBe(204);
    expect((await login('sdsei.ts', 'nouveau mot de passe')).status).toBe(200);
  });
});
