import type { CommuneView, OrganizationView } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';

describe('reference data over HTTP', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.login('lagor.relais')).accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the 60 current communes as a plain array, Urdès excluded', async () => {
    const response = await t.request<CommuneView[]>('GET', '/api/communes', { token });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(60);
    expect(response.body.find((c) => c.inseeCode === '64300')).toEqual({
      inseeCode: '64300',
      name: 'Lacq',
      postcodes: ['64170'],
      population: expect.any(Number),
    });
    expect(response.body.some((c) => c.name === 'Urdès')).toBe(false);
  });

  it('keeps the merged commune readable in the database', async () => {
    const rows = (await t.dataSource.query(
      `SELECT name, current, merged_into_insee_code FROM commune WHERE insee_code = '64541'`,
    )) as unknown[];
    expect(rows).toEqual([{ name: 'Urdès', current: false, merged_into_insee_code: '64300' }]);
  });

  it('lists the organisations with their type and capability', async () => {
    const response = await t.request<OrganizationView[]>('GET', '/api/organizations', { token });
    expect(response.status).toBe(200);
    const byType = (type: string) => response.body.filter((o) => o.type === type);
    expect(byType('RELAY_POINT')).toHaveLength(58);
    expect(byType('LANDLORD')).toHaveLength(9);
    expect(byType('LANDLORD').every((o) => o.registersDemands)).toBe(true);
    expect(byType('INFO_POINT').map((o) => [o.name, o.registersDemands])).toEqual(
      expect.arrayContaining([
        ['Point-info logement social de Mourenx', true],
        ["Point-info logement social d'Orthez", false],
      ]),
    );
    expect(response.body.find((o) => o.name === 'Mairie de Lagor')).toMatchObject({ inseeCode: '64301' });
  });

  it('needs a signed-in user', async () => {
    expect((await t.request('GET', '/api/communes')).status).toBe(401);
    expect((await t.request('GET', '/api/organizations', { token: 'not-a-token' })).status).toBe(401);
  });
});

describe('organisations administration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lets the coordinator add and change organisations, and nobody else', async () => {
    const coordinator = (await t.login('cclo.coordination')).accessToken;
    const created = await t.request<OrganizationView>('POST', '/api/organizations', {
      token: coordinator,
      body: { name: 'Association Logement Béarn', type: 'SOCIAL_SERVICE', registersDemands: false },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Association Logement Béarn',
      type: 'SOCIAL_SERVICE',
      registersDemands: false,
    });
    const renamed = await t.request<OrganizationView>('PATCH', `/api/organizations/${created.body.id}`, {
      token: coordinator,
      body: { registersDemands: true },
    });
    expect(renamed.body.registersDemands).toBe(true);
    await t.request('PATCH', `/api/organizations/${created.body.id}`, {
      token: coordinator,
      body: { active: false },
    });
    const list = await t.request<OrganizationView[]>('GET', '/api/organizations', { token: coordinator });
    expect(list.body.some((o) => o.id === created.body.id)).toBe(false);
    expect(
      (
        await t.request('POST', '/api/organizations', {
          token: coordinator,
          body: { name: 'X', type: 'PALACE', registersDemands: false },
        })
      ).status,
    ).toBe(400);
    const agent = (await t.login('mourenx.agent')).accessToken;
    expect(
      (
        await t.request('POST', '/api/organizations', {
          token: agent,
          body: { name: 'X', type: 'LANDLORD', registersDemands: true },
        })
      ).status,
    ).toBe(403);
  });
});
