import type {
  ApiError,
  AppointmentView,
  CreatedApplicantFile,
  Page,
  TimelinePage,
  WalkInSlotView,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile } from '@api/testing/builders';

const ACCOUNTS = [
  'mourenx.agent',
  'orthez.accueil',
  'sdsei.ts',
  'lagor.relais',
  'office64.bailleur',
  'cclo.coordination',
] as const;
type Account = (typeof ACCOUNTS)[number];

const MISSING = '00000000-0000-4000-8000-000000000000';

// The database is cloned and the app started per file; on a busy machine that exceeds Jest's 5 s.
jest.setTimeout(30_000);

describe('appointments', () => {
  let t: TestApp;
  const token = {} as Record<Account, string>;
  const user = {} as Record<Account, { id: string; organizationId: string }>;

  const as = <T = AppointmentView>(who: Account, method: string, path: string, body?: unknown) =>
    t.request<T>(method, path, { token: token[who], body });

  async function book(
    who: Account,
    fileId: string,
    startsAt: string,
    extra: Record<string, unknown> = {},
  ): Promise<AppointmentView> {
    const response = await as(who, 'POST', '/api/appointments', {
      applicantFileId: fileId,
      startsAt,
      durationMinutes: 30,
      ...extra,
    });
    if (response.status !== 201) throw new Error(`book: ${response.status} ${response.text}`);
    return response.body;
  }

  const update = (who: Account, id: string, body: unknown) =>
    as<AppointmentView & ApiError>(who, 'PATCH', `/api/appointments/${id}`, body);

  let file: CreatedApplicantFile;

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ACCOUNTS) {
      const login = await t.login(username);
      token[username] = login.accessToken;
      user[username] = { id: login.user.id, organizationId: login.user.organization.id };
    }
    file = await createFile(t, token['mourenx.agent'], minimalFile());
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => t.clock.set('2026-06-15T10:00:00Z'));

  describe('booking', () => {
    it('books an appointment with the caller as agent, flagged walk-in on a Wednesday at 9:00 in Paris', async () => {
      const response = await as('mourenx.agent', 'POST', '/api/appointments', {
        applicantFileId: file.id,
        startsAt: '2026-06-17T09:00:00+02:00',
        durationMinutes: 45,
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        applicantFileId: file.id,
        applicant: { lastName: file.applicant?.lastName, firstNames: 'Camille' },
        organizationId: user['mourenx.agent'].organizationId,
        agent: { userId: user['mourenx.agent'].id, displayName: 'Claire Etcheverry' },
        startsAt: '2026-06-17T07:00:00.000Z',
        durationMinutes: 45,
        outcome: null,
        walkIn: true,
        createdAt: expect.any(String),
      });

      const afternoon = await book('mourenx.agent', file.id, '2026-06-17T11:00:00Z');
      expect(afternoon.walkIn).toBe(false);
      // Winter: 8:00 in Paris is 07:00Z; 07:30Z on a Friday of January is within the slot.
      expect((await book('mourenx.agent', file.id, '2026-01-16T07:30:00Z')).walkIn).toBe(true);
      expect((await book('mourenx.agent', file.id, '2026-01-16T06:30:00Z')).walkIn).toBe(false);
      // A Thursday morning is not a walk-in day; Orthez has no walk-in slots.
      expect((await book('mourenx.agent', file.id, '2026-06-18T07:00:00Z')).walkIn).toBe(false);
      expect((await book('orthez.accueil', file.id, '2026-06-17T07:00:00Z')).walkIn).toBe(false);

      const timeline = await as<TimelinePage>(
        'mourenx.agent',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      expect(
        timeline.body.items.find((e) => e.details?.['appointmentId'] === response.body.id),
      ).toMatchObject({
        type: 'APPOINTMENT_BOOKED',
        details: { startsAt: '2026-06-17T07:00:00.000Z', durationMinutes: 45, walkIn: true },
      });
    });

    it('checks the agent, the duration, the instant and the file', async () => {
      const status = async (who: Account, body: Record<string, unknown>) =>
        (
          await as<ApiError>(who, 'POST', '/api/appointments', {
            applicantFileId: file.id,
            startsAt: '2026-06-19T08:00:00Z',
            durationMinutes: 30,
            ...body,
          })
        ).status;
      expect(await status('mourenx.agent', { agentId: user['mourenx.agent'].id })).toBe(201);
      expect(await status('mourenx.agent', { agentId: user['orthez.accueil'].id })).toBe(400);
      expect(await status('mourenx.agent', { agentId: MISSING })).toBe(400);
      expect(await status('mourenx.agent', { durationMinutes: 4 })).toBe(400);
      expect(await status('mourenx.agent', { durationMinutes: 481 })).toBe(400);
      expect(await status('mourenx.agent', { durationMinutes: 480 })).toBe(201);
      expect(await status('mourenx.agent', { durationMinutes: 30.5 })).toBe(400);
      expect(await status('mourenx.agent', { startsAt: '2026-06-19T10:00:00' })).toBe(400);
      expect(await status('mourenx.agent', { startsAt: '2026-02-30T10:00:00Z' })).toBe(400);
      expect(await status('mourenx.agent', { startsAt: 'tomorrow' })).toBe(400);
      expect(await status('mourenx.agent', { outcome: 'HONOURED' })).toBe(400);
      expect(await status('mourenx.agent', { applicantFileId: MISSING })).toBe(404);
      // A landlord reads shared and own files: someone else's contact file is not there.
      expect(await status('office64.bailleur', {})).toBe(404);
      expect(await status('lagor.relais', {})).toBe(403);
      expect(await status('cclo.coordination', {})).toBe(403);
    });
  });

  describe('listing', () => {
    it('lists a window of Paris days by start time, only the organisation’s own', async () => {
      const own = await createFile(t, token['mourenx.agent'], minimalFile());
      const late = await book('mourenx.agent', own.id, '2026-07-03T23:30:00+02:00');
      const early = await book('mourenx.agent', own.id, '2026-07-01T00:15:00+02:00');
      const middle = await book('mourenx.agent', own.id, '2026-07-02T10:00:00+02:00');
      await book('mourenx.agent', own.id, '2026-07-04T00:30:00+02:00');
      await book('mourenx.agent', own.id, '2026-06-30T23:45:00+02:00');
      const sdsei = await book('sdsei.ts', own.id, '2026-07-02T09:00:00+02:00');

      const page = await as<Page<AppointmentView>>(
        'mourenx.agent',
        'GET',
        `/api/appointments?from=2026-07-01&to=2026-07-03&applicantFileId=${own.id}`,
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(page.body.items.map((a) => a.id)).toEqual([early.id, middle.id, late.id]);

      const paged = await as<Page<AppointmentView>>(
        'mourenx.agent',
        'GET',
        `/api/appointments?from=2026-07-01&to=2026-07-03&applicantFileId=${own.id}&pageSize=2&page=2`,
      );
      expect(paged.body.items.map((a) => a.id)).toEqual([late.id]);

      const all = await as<Page<AppointmentView>>(
        'mourenx.agent',
        'GET',
        `/api/appointments?applicantFileId=${own.id}`,
      );
      expect(all.body.total).toBe(5);
      const starts = all.body.items.map((a) => a.startsAt);
      expect(starts).toEqual([...starts].sort());
      expect(all.body.items.map((a) => a.id)).not.toContain(sdsei.id);
      const statements = async (query: string) => {
        const before = t.queries.count;
        expect(
          (await as('mourenx.agent', 'GET', `/api/appointments?applicantFileId=${own.id}&${query}`)).status,
        ).toBe(200);
        return t.queries.count - before;
      };
      expect(await statements('pageSize=1')).toBe(await statements('pageSize=100'));

      for (const query of [
        'from=2026-07-03&to=2026-07-01',
        'from=2026-02-30',
        'to=07/01/2026',
        'pageSize=101',
        'q=x',
      ]) {
        expect({
          query,
          status: (await as('mourenx.agent', 'GET', `/api/appointments?${query}`)).status,
        }).toEqual({
          query,
          status: 400,
        });
      }
    });
  });

  it('audits the reads of appointments: one entry per file shown', async () => {
    const own = await createFile(t, token['orthez.accueil'], minimalFile());
    await book('orthez.accueil', own.id, '2026-09-01T08:00:00Z');
    await as('orthez.accueil', 'GET', `/api/appointments?applicantFileId=${own.id}`);
    const reads = await t.dataSource.query<{ route: string }[]>(
      `SELECT route FROM audit_entry WHERE applicant_file_id = $1 AND action = 'READ'`,
      [own.id],
    );
    expect(reads).toEqual([{ route: 'GET /api/appointments' }]);
  });

  describe('updating', () => {
    it('records an outcome only once the appointment has started', async () => {
      const appointment = await book('mourenx.agent', file.id, '2026-06-17T08:00:00Z');
      const early = await update('mourenx.agent', appointment.id, { outcome: 'HONOURED' });
      expect(early.status).toBe(409);
      // Cancelling ahead is allowed.
      const ahead = await book('mourenx.agent', file.id, '2026-06-26T08:00:00Z');
      expect((await update('mourenx.agent', ahead.id, { outcome: 'CANCELLED' })).status).toBe(200);

      t.clock.set('2026-06-17T08:00:00Z');
      const honoured = await update('mourenx.agent', appointment.id, { outcome: 'HONOURED' });
      expect(honoured.status).toBe(200);
      expect(honoured.body).toMatchObject({ id: appointment.id, outcome: 'HONOURED', walkIn: true });
      // Moving an appointment that took place is a new appointment.
      expect(
        (await update('mourenx.agent', appointment.id, { startsAt: '2026-06-19T08:00:00Z' })).status,
      ).toBe(409);

      const timeline = await as<TimelinePage>(
        'mourenx.agent',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      expect(timeline.body.items[0]).toMatchObject({
        type: 'APPOINTMENT_UPDATED',
        changes: [{ field: 'outcome', before: null, after: 'HONOURED' }],
        details: { appointmentId: appointment.id },
      });
    });

    it('moves an appointment and recomputes the walk-in flag; one change at a time', async () => {
      const appointment = await book('mourenx.agent', file.id, '2026-06-24T12:00:00Z');
      expect(appointment.walkIn).toBe(false);
      const moved = await update('mourenx.agent', appointment.id, { startsAt: '2026-06-26T08:30:00+02:00' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ startsAt: '2026-06-26T06:30:00.000Z', walkIn: true, outcome: null });

      expect(
        (
          await update('mourenx.agent', appointment.id, {
            outcome: 'MISSED',
            startsAt: '2026-06-26T08:00:00Z',
          })
        ).status,
      ).toBe(400);
      expect((await update('mourenx.agent', appointment.id, {})).status).toBe(400);
      expect((await update('mourenx.agent', appointment.id, { outcome: 'LATE' })).status).toBe(400);
      expect((await update('mourenx.agent', appointment.id, { durationMinutes: 60 })).status).toBe(400);
    });

    it('hides another organisation’s appointment (404) and refuses roles without appointments (403)', async () => {
      const sdsei = await book('sdsei.ts', file.id, '2026-06-16T08:00:00Z');
      expect((await update('mourenx.agent', sdsei.id, { outcome: 'MISSED' })).status).toBe(404);
      expect((await update('office64.bailleur', sdsei.id, { startsAt: '2026-06-18T08:00:00Z' })).status).toBe(
        404,
      );
      expect((await update('mourenx.agent', MISSING, { outcome: 'MISSED' })).status).toBe(404);
      expect((await update('lagor.relais', sdsei.id, { outcome: 'MISSED' })).status).toBe(403);
      expect((await update('cclo.coordination', sdsei.id, { outcome: 'MISSED' })).status).toBe(403);
      expect((await as('lagor.relais', 'GET', '/api/appointments')).status).toBe(403);
      expect((await as('cclo.coordination', 'GET', '/api/appointments')).status).toBe(403);
      const list = await as<Page<AppointmentView>>(
        'mourenx.agent',
        'GET',
        `/api/appointments?applicantFileId=${file.id}`,
      );
      expect(list.body.items.map((a) => a.id)).not.toContain(sdsei.id);
      t.clock.set('2026-06-16T09:00:00Z');
      expect((await update('sdsei.ts', sdsei.id, { outcome: 'MISSED' })).body.outcome).toBe('MISSED');
    });
  });

  describe('walk-in slots', () => {
    const slots = (who: Account, query: string) =>
      as<WalkInSlotView[]>(who, 'GET', `/api/appointments/walk-in-slots?${query}`);

    it('gives Mourenx’s Wednesday and Friday mornings with the right instants across the spring DST change', async () => {
      const response = await slots('mourenx.agent', 'from=2026-03-23&to=2026-04-05');
      expect(response.status).toBe(200);
      const organizationId = user['mourenx.agent'].organizationId;
      expect(response.body).toEqual([
        { organizationId, startsAt: '2026-03-25T07:00:00.000Z', endsAt: '2026-03-25T11:00:00.000Z' },
        { organizationId, startsAt: '2026-03-27T07:00:00.000Z', endsAt: '2026-03-27T11:00:00.000Z' },
        { organizationId, startsAt: '2026-04-01T06:00:00.000Z', endsAt: '2026-04-01T10:00:00.000Z' },
        { organizationId, startsAt: '2026-04-03T06:00:00.000Z', endsAt: '2026-04-03T10:00:00.000Z' },
      ]);
    });

    it('and across the autumn one, both ends included', async () => {
      const response = await slots('mourenx.agent', 'from=2026-10-23&to=2026-10-28');
      expect(response.body.map((s) => s.startsAt)).toEqual([
        '2026-10-23T06:00:00.000Z',
        '2026-10-28T07:00:00.000Z',
      ]);
    });

    it('answers at most 92 days, validates the dates, and is empty for an organisation without slots', async () => {
      expect((await slots('mourenx.agent', 'from=2026-07-01&to=2026-09-30')).body).toHaveLength(27);
      for (const query of [
        'from=2026-07-01&to=2026-10-01',
        'from=2026-07-02&to=2026-07-01',
        'from=2026-07-01',
        'to=2026-07-01',
        'from=2026-07-01&to=2026-07-32',
        'from=2026-07-01T00:00:00Z&to=2026-07-02',
        'from=2026-07-01&to=2026-07-02&page=1',
      ]) {
        expect({ query, status: (await slots('mourenx.agent', query)).status }).toEqual({
          query,
          status: 400,
        });
      }
      expect((await slots('sdsei.ts', 'from=2026-07-01&to=2026-07-31')).body).toEqual([]);
      expect((await slots('lagor.relais', 'from=2026-07-01&to=2026-07-31')).status).toBe(403);
    });
  });
});
