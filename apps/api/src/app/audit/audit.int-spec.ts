import { Client } from 'pg';
import type { Page } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile } from '@api/testing/builders';
import type { AuditEntryView } from './audit.dto';
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
    t = await startTestApp();
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
    expect(
      (await t.request('GET', '/api/audit-entries?action=PEEK', { token: token['cclo.coordination'] }))
        .status,
    ).toBe(400);
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
