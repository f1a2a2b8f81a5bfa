import type {
  ApiError,
  ApplicantFileView,
  AppointmentView,
  Page,
  ReceptionRequestView,
  TimelinePage,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile } from '@api/testing/builders';

const ACCOUNTS = [
  'mourenx.agent',
  'orthez.accueil',
  'sdsei.ts',
  'lagor.relais',
  'monein.relais',
  'office64.bailleur',
  'cclo.coordination',
] as const;
type Account = (typeof ACCOUNTS)[number];

const MISSING = '00000000-0000-4000-8000-000000000000';

// The database is cloned and the app started per file; on a busy machine that exceeds Jest's 5 s.
jest.setTimeout(30_000);

describe('reception requests and the one-month clock', () => {
  let t: TestApp;
  const token = {} as Record<Account, string>;
  const org = {} as Record<Account, string>;

  const as = <T = ReceptionRequestView>(who: Account, method: string, path: string, body?: unknown) =>
    t.request<T>(method, path, { token: token[who], body });

  const request = (who: Account, fileId: string, requestedOn: string) =>
    as<ReceptionRequestView & ApiError>(who, 'POST', `/api/applicant-files/${fileId}/reception-requests`, {
      requestedOn,
    });

  const requests = (who: Account, fileId: string, query = '') =>
    as<Page<ReceptionRequestView>>(who, 'GET', `/api/applicant-files/${fileId}/reception-requests${query}`);

  /** Books an appointment and, once the clock has passed its start, records it as honoured. */
  async function honoured(who: Account, fileId: string, startsAt: string): Promise<AppointmentView> {
    const booked = await as<AppointmentView>(who, 'POST', '/api/appointments', {
      applicantFileId: fileId,
      startsAt,
      durationMinutes: 30,
    });
    if (booked.status !== 201) throw new Error(`book: ${booked.status} ${booked.text}`);
    const now = t.clock.now();
    t.clock.set(new Date(new Date(startsAt).getTime() + 60_000));
    const done = await as<AppointmentView>(who, 'PATCH', `/api/appointments/${booked.body.id}`, {
      outcome: 'HONOURED',
    });
    t.clock.set(now);
    if (done.status !== 200) throw new Error(`outcome: ${done.status} ${done.text}`);
    return done.body;
  }

  /** A demand registered by Mourenx, with a reception request made on 31 January 2026. */
  async function januaryRequest(): Promise<{ file: ApplicantFileView; request: ReceptionRequestView }> {
    t.clock.set('2026-01-31T10:00:00Z');
    const file = await registeredFile(t, token['mourenx.agent'], '2026-01-15');
    const created = await request('mourenx.agent', file.id, '2026-01-31');
    if (created.status !== 201) throw new Error(`request: ${created.status} ${created.text}`);
    return { file, request: created.body };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ACCOUNTS) {
      const login = await t.login(username);
      token[username] = login.accessToken;
      org[username] = login.user.organization.id;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => t.clock.set('2026-06-15T10:00:00Z'));

  it('starts the clock: deadline one month later, clamped (31 January → 28 February), on the timeline', async () => {
    const { file, request: created } = await januaryRequest();
    expect(created).toEqual({
      id: expect.any(String),
      applicantFileId: file.id,
      requestedOn: '2026-01-31',
      deadline: '2026-02-28',
      state: 'OPEN',
      metByAppointmentId: null,
      recordedBy: {
        organizationId: org['mourenx.agent'],
        organizationName: expect.stringContaining('Mourenx'),
      },
      createdAt: expect.any(String),
    });
    const timeline = await as<TimelinePage>(
      'mourenx.agent',
      'GET',
      `/api/applicant-files/${file.id}/timeline`,
    );
    expect(timeline.body.items[0]).toMatchObject({
      type: 'RECEPTION_REQUESTED',
      details: { receptionRequestId: created.id, requestedOn: '2026-01-31', deadline: '2026-02-28' },
    });
  });

  it('is MET by an honoured info-point appointment on or before the deadline', async () => {
    const { file, request: created } = await januaryRequest();
    const appointment = await honoured('mourenx.agent', file.id, '2026-02-27T09:00:00+01:00');
    t.clock.set('2026-03-05T10:00:00Z');
    const page = await requests('mourenx.agent', file.id);
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({ id: created.id, state: 'MET', metByAppointmentId: appointment.id }),
    ]);
    expect(page.body.items[0]).not.toHaveProperty('daysLate');
  });

  it('counts the deadline day in Paris, late in the evening included', async () => {
    const { file } = await januaryRequest();
    await honoured('mourenx.agent', file.id, '2026-02-28T23:30:00+01:00');
    t.clock.set('2026-03-05T10:00:00Z');
    expect((await requests('mourenx.agent', file.id)).body.items[0]?.state).toBe('MET');
  });

  it('is MET by a social service too', async () => {
    const { file } = await januaryRequest();
    await honoured('sdsei.ts', file.id, '2026-02-10T14:00:00+01:00');
    t.clock.set('2026-03-05T10:00:00Z');
    expect((await requests('orthez.accueil', file.id)).body.items[0]?.state).toBe('MET');
  });

  it('is OPEN until the deadline, then LATE by the days past it', async () => {
    const { file } = await januaryRequest();
    t.clock.set('2026-02-28T22:00:00Z'); // 23:00 in Paris: still the deadline day
    expect((await requests('mourenx.agent', file.id)).body.items[0]).toMatchObject({ state: 'OPEN' });
    t.clock.set('2026-03-05T10:00:00Z');
    expect((await requests('mourenx.agent', file.id)).body.items[0]).toMatchObject({
      state: 'LATE',
      daysLate: 5,
    });
  });

  it('does not count an honoured appointment at a landlord, a missed one, nor one before the request', async () => {
    const { file } = await januaryRequest();
    await honoured('mourenx.agent', file.id, '2026-01-30T09:00:00+01:00');
    await honoured('office64.bailleur', file.id, '2026-02-20T10:00:00+01:00');
    const missed = await as<AppointmentView>('mourenx.agent', 'POST', '/api/appointments', {
      applicantFileId: file.id,
      startsAt: '2026-02-18T09:00:00+01:00',
      durationMinutes: 30,
    });
    t.clock.set('2026-02-18T12:00:00Z');
    await as('mourenx.agent', 'PATCH', `/api/appointments/${missed.body.id}`, { outcome: 'MISSED' });
    t.clock.set('2026-03-05T10:00:00Z');
    expect((await requests('mourenx.agent', file.id)).body.items[0]).toMatchObject({
      state: 'LATE',
      daysLate: 5,
      metByAppointmentId: null,
    });
  });

  it('says how late it was when the applicant was received after the deadline', async () => {
    const { file } = await januaryRequest();
    await honoured('mourenx.agent', file.id, '2026-03-03T10:00:00+01:00');
    t.clock.set('2026-04-20T10:00:00Z');
    expect((await requests('mourenx.agent', file.id)).body.items[0]).toMatchObject({
      state: 'LATE',
      daysLate: 3,
    });
  });

  it('lists a file’s requests newest first, paginated', async () => {
    const { file, request: first } = await januaryRequest();
    t.clock.set('2026-06-15T10:00:00Z');
    const second = await request('office64.bailleur', file.id, '2026-06-10');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ deadline: '2026-07-10', state: 'OPEN' });
    const page = await requests('mourenx.agent', file.id, '?pageSize=1');
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: second.body.id }] });
    const next = await requests('mourenx.agent', file.id, '?pageSize=1&page=2');
    expect(next.body.items.map((r) => r.id)).toEqual([first.id]);
    expect(next.body.items[0]).toMatchObject({ state: 'LATE', daysLate: 107 });
    const statements = async (query: string) => {
      const before = t.queries.count;
      expect((await requests('mourenx.agent', file.id, query)).status).toBe(200);
      return t.queries.count - before;
    };
    expect(await statements('?pageSize=1')).toBe(await statements('?pageSize=100'));
    expect((await requests('mourenx.agent', file.id, '?pageSize=101')).status).toBe(400);
    expect((await requests('mourenx.agent', file.id, '?state=LATE')).status).toBe(400);
  });

  it('lets a relay clerk record one on a file referred to it, not on others', async () => {
    const file = await registeredFile(t, token['mourenx.agent'], '2026-03-02');
    expect((await request('lagor.relais', file.id, '2026-06-15')).status).toBe(404);
    expect((await requests('lagor.relais', file.id)).status).toBe(404);
    const referral = await as('mourenx.agent', 'POST', '/api/referrals', {
      applicantFileId: file.id,
      toOrganizationId: org['lagor.relais'],
      reason: 'Habite Lagor: suivi de proximité',
    });
    expect(referral.status).toBe(201);
    const created = await request('lagor.relais', file.id, '2026-06-15');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deadline: '2026-07-15',
      recordedBy: { organizationId: org['lagor.relais'], organizationName: 'Mairie de Lagor' },
    });
    expect((await requests('lagor.relais', file.id)).body.total).toBe(1);
    const reads = await t.dataSource.query<{ route: string }[]>(
      `SELECT route FROM audit_entry WHERE applicant_file_id = $1 AND username = 'lagor.relais' AND action = 'READ'`,
      [file.id],
    );
    expect(reads).toEqual([{ route: 'GET /api/applicant-files/:id/reception-requests' }]);
    expect((await requests('monein.relais', file.id)).status).toBe(404);
  });

  it('refuses a file that is not registered (409), a future or bad date (400), other scopes (404) and roles (403)', async () => {
    const contact = await createFile(t, token['lagor.relais'], minimalFile());
    const notRegistered = await request('lagor.relais', contact.id, '2026-06-15');
    expect(notRegistered.status).toBe(409);
    expect(notRegistered.body.message).toContain('a registered applicant');
    expect((await request('mourenx.agent', contact.id, '2026-06-15')).status).toBe(409);

    const file = await registeredFile(t, token['mourenx.agent'], '2026-03-02');
    const future = await request('mourenx.agent', file.id, '2026-06-16');
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'requestedOn', message: expect.any(String) }]);
    expect((await request('mourenx.agent', file.id, '2026-02-30')).status).toBe(400);
    expect(
      (
        await as('mourenx.agent', 'POST', `/api/applicant-files/${file.id}/reception-requests`, {
          requestedOn: '2026-06-15',
          deadline: '2026-08-01',
        })
      ).status,
    ).toBe(400);
    expect((await request('mourenx.agent', MISSING, '2026-06-15')).status).toBe(404);
    expect((await request('mourenx.agent', 'nope', '2026-06-15')).status).toBe(400);
    // A landlord reaches shared and own files: a contact file of someone else is not there.
    expect((await request('office64.bailleur', contact.id, '2026-06-15')).status).toBe(404);
    expect((await request('monein.relais', contact.id, '2026-06-15')).status).toBe(404);
    expect((await request('cclo.coordination', file.id, '2026-06-15')).status).toBe(403);
    expect((await requests('cclo.coordination', file.id)).status).toBe(403);

    const stored = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM reception_request WHERE applicant_file_id = ANY($1::uuid[])',
      [[contact.id, file.id]],
    );
    expect(stored[0]?.n).toBe(0);
  });
});
