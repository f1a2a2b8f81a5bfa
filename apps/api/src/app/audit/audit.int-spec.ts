import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type {
  AuditEntryView,
  OrganizationView,
  Page,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile } from '@api/testing/builders';
import { AuditRetentionJob } from './audit-retention.job';

describe('audit log', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const entries = async (query: string) =>
    (
      await t.request<Page<AuditEntryView>>('GET', `/api/audit-entries${query}`, {
        token: token['cclo.coordination'],
      })
    ).body;

  beforeAll(async () => {
    // Behind a proxy: the client's address comes from X-Forwarded-For.
    t = await startTestApp({ trustProxy: ['127.0.0.1'] });
    for (const username of ['mourenx.agent', 'orthez.accueil', 'cclo.coordination']) {
      token[username] = (await t.login(username)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('records sign-ins and failed sign-ins, naming only an account that exists, in its one spelling', async () => {
    await t.request('POST', '/api/auth/login', { body: { username: 'nobody.at.all', password: 'x' } });
    const failed = await entries('?action=LOGIN_FAILED');
    expect(failed.items[0]).toMatchObject({
      username: null,
      userId: null,
      action: 'LOGIN_FAILED',
      route: 'POST /api/auth/login',
    });
    await t.request('POST', '/api/auth/login', {
      body: { username: ' Orthez.ACCUEIL ', password: 'le-mot-de-passe-tape' },
    });
    const [user] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE username = 'orthez.accueil'`,
    );
    expect((await entries('?action=LOGIN_FAILED')).items[0]).toMatchObject({
      username: 'orthez.accueil',
      userId: user!.id,
      action: 'LOGIN_FAILED',
    });
    // Neither what was typed as a name nor the password is kept.
    const kept = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry a
        WHERE a::text ILIKE '%nobody.at.all%' OR a::text LIKE '%le-mot-de-passe-tape%'`,
    );
    expect(kept).toEqual([{ n: 0 }]);
    const logins = await entries('?action=LOGIN');
    expect(logins.items.map((e) => e.username)).toEqual(
      expect.arrayContaining(['mourenx.agent', 'cclo.coordination']),
    );
  });

  it('records each write with the change, and each read of a file, with who, where and which route', async () => {
    const file = await createFile(t, token['mourenx.agent']!, minimalFile({ lastName: 'Audité' }));
    await t.request('PATCH', `/api/applicant-files/${file.id}`, {
      token: token['orthez.accueil'],
      headers: { 'if-match': '"1"' },
      body: { contact: { phone: '0559000000' } },
    });
    // A refused write leaves no trace of a change.
    await t.request('PATCH', `/api/applicant-files/${file.id}`, {
      token: token['orthez.accueil'],
      headers: { 'if-match': '"1"' },
      body: { contact: { phone: '0559000001' } },
    });
    await t.request('GET', `/api/applicant-files/${file.id}`, { token: token['orthez.accueil'] });
    const log = await entries(`?applicantFileId=${file.id}`);
    expect(log.items.map((e) => [e.action, e.username, e.route])).toEqual([
      ['READ', 'orthez.accueil', 'GET /api/applicant-files/:id'],
      ['UPDATE', 'orthez.accueil', 'PATCH /api/applicant-files/:id'],
      ['CREATE', 'mourenx.agent', 'POST /api/applicant-files'],
    ]);
    expect(log.items[0]?.organizationId).toEqual(expect.any(String));
    expect(new Date(log.items[0]!.at).toISOString()).toBe(log.items[0]!.at);
  });

  it('records a read once, however the id is spelled', async () => {
    const file = await createFile(t, token['mourenx.agent']!, minimalFile({ lastName: 'Majuscule' }));
    const read = await t.request('GET', `/api/applicant-files/${file.id.toUpperCase()}`, {
      token: token['orthez.accueil'],
    });
    expect(read.status).toBe(200);
    expect((await entries(`?applicantFileId=${file.id}&action=READ`)).total).toBe(1);
  });

  it('records one read per file a list shows', async () => {
    const a = await createFile(
      t,
      token['mourenx.agent']!,
      minimalFile({ lastName: 'Listeaudit', firstNames: 'Anne' }),
    );
    const b = await createFile(
      t,
      token['mourenx.agent']!,
      minimalFile({ lastName: 'Listeaudit', firstNames: 'Bruno' }),
    );
    await t.request('GET', '/api/applicant-files?q=listeaudit', { token: token['orthez.accueil'] });
    for (const id of [a.id, b.id]) {
      expect((await entries(`?applicantFileId=${id}&action=READ`)).total).toBe(1);
    }
  });

  it('filters by user, action and period, and is for the coordinator only', async () => {
    const [user] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'mourenx.agent'`)) as {
      id: string;
    }[];
    const mine = await entries(`?userId=${user!.id}&action=CREATE`);
    expect(mine.items.every((e) => e.username === 'mourenx.agent' && e.action === 'CREATE')).toBe(true);
    expect((await entries('?from=2000-01-01&to=2000-12-31')).total).toBe(0);
    expect((await t.request('GET', '/api/audit-entries', { token: token['mourenx.agent'] })).status).toBe(
      403,
    );
    for (const query of ['action=PEEK', 'targetId=nope', `targetId=${user!.id}x`]) {
      expect(
        (await t.request('GET', `/api/audit-entries?${query}`, { token: token['cclo.coordination'] })).status,
      ).toBe(400);
    }
  });

  it('answers « who reset X’s account, from which address? »: the account, the fields changed, the request and the address', async () => {
    const coordinator = token['cclo.coordination']!;
    const from = (requestId: string, address?: string) => ({
      'x-request-id': requestId,
      ...(address ? { 'x-forwarded-for': address } : {}),
    });
    const organizations = (
      await t.request<OrganizationView[]>('GET', '/api/organizations', { token: coordinator })
    ).body;
    const orthez = organizations.find((o) => o.type === 'INFO_POINT' && o.name.includes('Orthez'))!;
    const sdsei = organizations.find((o) => o.type === 'SOCIAL_SERVICE' && o.name.includes('SDSEI'))!;
    const created = await t.request<UserWithActivationCode>('POST', '/api/users', {
      token: coordinator,
      headers: from('audit-spec-create-user', '198.51.100.23'),
      body: {
        username: 'audit.cible',
        displayName: 'Maddi Etcheverry',
        role: 'INFO_POINT_AGENT',
        organizationId: orthez.id,
      },
    });
    const id = created.body.user.id;
    const reset = await t.request<UserWithActivationCode>('PATCH', `/api/users/${id}`, {
      token: coordinator,
      headers: from('audit-spec-reset', '203.0.113.7'),
      body: { newActivationCode: true },
    });
    const password = 'Errekaldeko-Borda-64';
    const activated = await t.request('POST', '/api/auth/activate', {
      headers: from('audit-spec-activate', '192.0.2.81'),
      body: { username: 'audit.cible', activationCode: reset.body.activationCode, password },
    });
    expect(activated.status).toBe(204);
    const changed = await t.request<UserWithActivationCode>('PATCH', `/api/users/${id}`, {
      token: coordinator,
      headers: from('audit-spec-change'),
      body: {
        displayName: 'Maddi Etcheverry-Harriet',
        role: 'SOCIAL_WORKER',
        organizationId: sdsei.id,
        active: false,
      },
    });
    expect(changed.status).toBe(200);
    // Nothing changed: the entry says so.
    await t.request('PATCH', `/api/users/${id}`, {
      token: coordinator,
      headers: from('audit-spec-same'),
      body: { role: 'SOCIAL_WORKER' },
    });

    const [me] = (await t.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'cclo.coordination'`,
    )) as {
      id: string;
    }[];
    const target = { type: 'USER', id, name: 'Maddi Etcheverry-Harriet' };
    const byCoordinator = { userId: me!.id, username: 'cclo.coordination', action: 'ADMIN', target };
    const log = await entries(`?targetId=${id}`);
    expect(log.items.map(({ id: _id, at: _at, organizationId: _organization, ...entry }) => entry)).toEqual([
      {
        ...byCoordinator,
        route: 'PATCH /api/users/:id',
        requestId: 'audit-spec-same',
        clientAddress: '127.0.0.1',
        changedFields: [],
      },
      {
        ...byCoordinator,
        route: 'PATCH /api/users/:id',
        requestId: 'audit-spec-change',
        clientAddress: '127.0.0.1',
        changedFields: [
          { field: 'displayName' },
          { field: 'role', from: 'INFO_POINT_AGENT', to: 'SOCIAL_WORKER' },
          { field: 'organization', from: orthez.name, to: sdsei.name },
          { field: 'active', from: true, to: false },
        ],
      },
      {
        userId: id,
        username: 'audit.cible',
        action: 'ADMIN',
        target,
        route: 'POST /api/auth/activate',
        requestId: 'audit-spec-activate',
        clientAddress: '192.0.2.81',
        changedFields: [{ field: 'password' }],
      },
      {
        ...byCoordinator,
        route: 'PATCH /api/users/:id',
        requestId: 'audit-spec-reset',
        clientAddress: '203.0.113.7',
        changedFields: [{ field: 'activationCode' }],
      },
      {
        ...byCoordinator,
        route: 'POST /api/users',
        requestId: 'audit-spec-create-user',
        clientAddress: '198.51.100.23',
        changedFields: [
          { field: 'username' },
          { field: 'displayName' },
          { field: 'role', to: 'INFO_POINT_AGENT' },
          { field: 'organization', to: orthez.name },
          { field: 'activationCode' },
        ],
      },
    ]);
    // The reset, one filter away.
    const resets = (await entries(`?targetId=${id}&action=ADMIN`)).items.filter((entry) =>
      entry.changedFields?.some((change) => change.field === 'activationCode'),
    );
    expect(resets.map((entry) => [entry.username, entry.clientAddress])).toEqual([
      ['cclo.coordination', '203.0.113.7'],
      ['cclo.coordination', '198.51.100.23'],
    ]);

    // Never a code, a password, a hash or a display name among the changes.
    const [account] = (await t.dataSource.query(
      'SELECT activation_code_hash, password_hash FROM app_user WHERE id = $1',
      [id],
    )) as { activation_code_hash: string | null; password_hash: string }[];
    const stored = (await t.dataSource.query(
      'SELECT changed_fields::text AS changes FROM audit_entry WHERE target_id = $1',
      [id],
    )) as { changes: string }[];
    const written = JSON.stringify([log.items.map((entry) => entry.changedFields), stored]);
    for (const secret of [
      created.body.activationCode!,
      reset.body.activationCode!,
      password,
      account!.password_hash,
      'Etcheverry',
    ]) {
      expect(written).not.toContain(secret);
    }
    expect(account!.activation_code_hash).toBeNull();
  });

  it('says which organisation changed, and how: an organisation’s data is not personal', async () => {
    const coordinator = token['cclo.coordination']!;
    const created = await t.request<OrganizationView>('POST', '/api/organizations', {
      token: coordinator,
      headers: { 'x-request-id': 'audit-spec-create-organization' },
      body: { name: 'Association Habitat Gave', type: 'SOCIAL_SERVICE', registersDemands: false },
    });
    await t.request('PATCH', `/api/organizations/${created.body.id}`, {
      token: coordinator,
      headers: { 'x-request-id': 'audit-spec-rename-organization', 'x-forwarded-for': '203.0.113.9' },
      body: { name: 'Association Habitat Gave de Pau', registersDemands: true, active: false },
    });
    const log = await entries(`?targetId=${created.body.id}&action=ADMIN`);
    const target = { type: 'ORGANIZATION', id: created.body.id, name: 'Association Habitat Gave de Pau' };
    expect(log.items).toEqual([
      expect.objectContaining({
        route: 'PATCH /api/organizations/:id',
        requestId: 'audit-spec-rename-organization',
        clientAddress: '203.0.113.9',
        target,
        changedFields: [
          { field: 'name', from: 'Association Habitat Gave', to: 'Association Habitat Gave de Pau' },
          { field: 'registersDemands', from: false, to: true },
          { field: 'active', from: true, to: false },
        ],
      }),
      expect.objectContaining({
        route: 'POST /api/organizations',
        requestId: 'audit-spec-create-organization',
        target,
        changedFields: [
          { field: 'name', to: 'Association Habitat Gave' },
          { field: 'type', to: 'SOCIAL_SERVICE' },
          { field: 'registersDemands', to: false },
        ],
      }),
    ]);
    const missing = await t.request('PATCH', `/api/organizations/${randomUUID()}`, {
      token: coordinator,
      body: { name: 'Personne' },
    });
    expect(missing.status).toBe(404);
  });

  it('gives every entry its request id and client address: sign-ins, writes, reads by statement and by interceptor', async () => {
    const from = (requestId: string) => ({ 'x-request-id': requestId, 'x-forwarded-for': '192.0.2.44' });
    const login = await t.request<{ accessToken: string }>('POST', '/api/auth/login', {
      headers: from('audit-spec-login'),
      body: { username: 'orthez.accueil', password: 'demo' },
    });
    await t.request('POST', '/api/auth/login', {
      headers: from('audit-spec-login-failed'),
      body: { username: 'orthez.accueil', password: 'not-the-password' },
    });
    const agent = login.body.accessToken;
    const created = await t.request<{ id: string }>('POST', '/api/applicant-files', {
      token: agent,
      headers: from('audit-spec-create-file'),
      body: minimalFile({ lastName: 'Origine' }),
    });
    await t.request('GET', `/api/applicant-files/${created.body.id}`, {
      token: agent,
      headers: from('audit-spec-read-file'),
    });
    await t.request('GET', `/api/applicant-files/${created.body.id}/timeline`, {
      token: agent,
      headers: from('audit-spec-read-timeline'),
    });

    const origins = (items: AuditEntryView[]) =>
      items.map((entry) => [entry.action, entry.requestId, entry.clientAddress]);
    expect(origins((await entries(`?applicantFileId=${created.body.id}`)).items)).toEqual([
      ['READ', 'audit-spec-read-timeline', '192.0.2.44'],
      ['READ', 'audit-spec-read-file', '192.0.2.44'],
      ['CREATE', 'audit-spec-create-file', '192.0.2.44'],
    ]);
    expect(origins((await entries('?action=LOGIN')).items.slice(0, 1))).toEqual([
      ['LOGIN', 'audit-spec-login', '192.0.2.44'],
    ]);
    expect(origins((await entries('?action=LOGIN_FAILED')).items.slice(0, 1))).toEqual([
      ['LOGIN_FAILED', 'audit-spec-login-failed', '192.0.2.44'],
    ]);
  });

  it('is append-only in PostgreSQL itself, even for its owner; only the retention purge removes entries older than 12 months', async () => {
    // The API's own role may not even try (least-privilege.int-spec.ts); the owner meets the trigger.
    const owner = new Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE audit_entry SET route = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
      await t.dataSource.query(
        `INSERT INTO audit_entry (at, action, route) VALUES (now() - interval '13 months', 'READ', 'old'), (now() - interval '11 months', 'READ', 'recent')`,
      );
      await expect(owner.query(`DELETE FROM audit_entry WHERE route = 'old'`)).rejects.toThrow(/append-only/);
      expect(await t.app.get(AuditRetentionJob).run()).toBe(1);
      const left = (await t.dataSource.query(
        `SELECT route FROM audit_entry WHERE route IN ('old', 'recent')`,
      )) as unknown[];
      expect(left).toEqual([{ route: 'recent' }]);
    } finally {
      await owner.end();
    }
  });
});
