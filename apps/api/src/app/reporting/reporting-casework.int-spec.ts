import type {
  ActivityReport,
  CalendarDate,
  ReceptionCommitmentReport,
  ReferralView,
  ReferralsReport,
} from '@passerelle/shared/domain';
import { type TestApp, TEST_NOW, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile } from '@api/testing/builders';
import {
  type Session,
  parisNoon,
  plannedFile,
  refreshSummary,
  report,
  signIn,
  sql,
} from './testing/reporting-fixtures';

jest.setTimeout(90_000);

const ACCOUNTS = [
  'mourenx.agent',
  'sdsei.ts',
  'lagor.relais',
  'office64.bailleur',
  'cclo.coordination',
] as const;
type Account = (typeof ACCOUNTS)[number];

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

/**
 * Today is 15 June 2026. Referrals (sent → answered → done, in Paris days):
 * - Lagor → Mourenx: R1 2 March (answered in 2 days, done in 8), R2 5 March (1, 15), R3 1 April
 *   (declined in 3), R4 10 April (5, 15), R5 2 May (accepted in 10), R6 1 June (not answered);
 * - Lagor → SDSEI: R7 15 May (accepted in 1);
 * - Mourenx → SDSEI: R8 1 February (2, done in 9); R9 1 May 2025 (before the period).
 * Reception requests (deadline one month later): Q1 2 March met 20 March; Q2 10 March received
 * late on 15 April (5 days); Q3 1 April never received (45 days late today); Q4 1 June open; Q5
 * 2 May met by SDSEI on 20 May; Q8 4 May and Q9 5 May met two days later — all recorded by
 * Mourenx; Q6 1 February recorded by Office 64, met by Mourenx on 20 February; Q7 March 2025.
 */
describe('reporting: referrals, reception commitment and activity', () => {
  let t: TestApp;
  let as: Record<Account, Session>;

  async function referral(
    from: Account,
    to: Account,
    fileId: string,
    dates: { sent: CalendarDate; answered?: CalendarDate; done?: CalendarDate; declined?: boolean },
  ): Promise<void> {
    const sent = await t.request<ReferralView>('POST', '/api/referrals', {
      token: as[from].token,
      body: {
        applicantFileId: fileId,
        toOrganizationId: as[to].organizationId,
        reason: 'Demande à être reçue',
      },
    });
    if (sent.status !== 201) throw new Error(`refer: ${sent.status} ${sent.text}`);
    const answer = (body: unknown) =>
      t.request('PATCH', `/api/referrals/${sent.body.id}`, { token: as[to].token, body });
    if (dates.answered) {
      const answered = await answer(
        dates.declined ? { status: 'DECLINED', reason: 'Hors de nos missions' } : { status: 'ACCEPTED' },
      );
      if (answered.status !== 200) throw new Error(`answer: ${answered.status} ${answered.text}`);
    }
    if (dates.done) {
      const done = await answer({ status: 'DONE' });
      if (done.status !== 200) throw new Error(`done: ${done.status} ${done.text}`);
    }
    await sql(t, 'UPDATE referral SET created_at = $2, responded_at = $3, done_at = $4 WHERE id = $1', [
      sent.body.id,
      parisNoon(dates.sent),
      dates.answered ? parisNoon(dates.answered) : null,
      dates.done ? parisNoon(dates.done) : null,
    ]);
  }

  /** An appointment of `who`'s organisation on `day`, booked ahead and then honoured (or missed). */
  async function appointment(who: Account, fileId: string, day: CalendarDate, outcome = 'HONOURED') {
    t.clock.set(`${day}T06:00:00Z`);
    const booked = await t.request<{ id: string }>('POST', '/api/appointments', {
      token: as[who].token,
      body: { applicantFileId: fileId, startsAt: `${day}T08:00:00Z`, durationMinutes: 30 },
    });
    if (booked.status !== 201) throw new Error(`book: ${booked.status} ${booked.text}`);
    t.clock.set(`${day}T12:00:00Z`);
    const done = await t.request('PATCH', `/api/appointments/${booked.body.id}`, {
      token: as[who].token,
      body: { outcome },
    });
    if (done.status !== 200) throw new Error(`outcome: ${done.status} ${done.text}`);
    t.clock.set(TEST_NOW);
  }

  async function receptionRequest(who: Account, fileId: string, requestedOn: CalendarDate): Promise<void> {
    const response = await t.request('POST', `/api/applicant-files/${fileId}/reception-requests`, {
      token: as[who].token,
      body: { requestedOn },
    });
    if (response.status !== 201) throw new Error(`request: ${response.status} ${response.text}`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = (await signIn(t, ACCOUNTS)) as Record<Account, Session>;
    const lagorFiles = [];
    for (let i = 0; i < 7; i++)
      lagorFiles.push((await createFile(t, as['lagor.relais'].token, minimalFile())).id);
    const [l1, l2, l3, l4, l5, l6, l7] = lagorFiles as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    await referral('lagor.relais', 'mourenx.agent', l1, {
      sent: '2026-03-02',
      answered: '2026-03-04',
      done: '2026-03-10',
    });
    await referral('lagor.relais', 'mourenx.agent', l2, {
      sent: '2026-03-05',
      answered: '2026-03-06',
      done: '2026-03-20',
    });
    await referral('lagor.relais', 'mourenx.agent', l3, {
      sent: '2026-04-01',
      answered: '2026-04-04',
      declined: true,
    });
    await referral('lagor.relais', 'mourenx.agent', l4, {
      sent: '2026-04-10',
      answered: '2026-04-15',
      done: '2026-04-25',
    });
    await referral('lagor.relais', 'mourenx.agent', l5, { sent: '2026-05-02', answered: '2026-05-12' });
    await referral('lagor.relais', 'mourenx.agent', l6, { sent: '2026-06-01' });
    await referral('lagor.relais', 'sdsei.ts', l7, { sent: '2026-05-15', answered: '2026-05-16' });
    const mr8 = (await createFile(t, as['mourenx.agent'].token, minimalFile())).id;
    const mr9 = (await createFile(t, as['mourenx.agent'].token, minimalFile())).id;
    await referral('mourenx.agent', 'sdsei.ts', mr8, {
      sent: '2026-02-01',
      answered: '2026-02-03',
      done: '2026-02-10',
    });
    await referral('mourenx.agent', 'sdsei.ts', mr9, { sent: '2025-05-01', answered: '2025-05-02' });

    // Registered demands for the one-month clock (registered in January, seen from January).
    t.clock.set('2026-01-20T10:00:00Z');
    const registered = async (who: Account) =>
      plannedFile(t, as[who].token, { createdOn: '2026-01-10', registeredOn: '2026-01-15' });
    const [q1, q2, q3, q4, q5, q7, q8, q9] = [
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
      await registered('mourenx.agent'),
    ];
    const q6 = await registered('office64.bailleur');
    t.clock.set(TEST_NOW);
    await receptionRequest('mourenx.agent', q1, '2026-03-02');
    await receptionRequest('mourenx.agent', q2, '2026-03-10');
    await receptionRequest('mourenx.agent', q3, '2026-04-01');
    await receptionRequest('mourenx.agent', q4, '2026-06-01');
    await receptionRequest('mourenx.agent', q5, '2026-05-02');
    await receptionRequest('office64.bailleur', q6, '2026-02-01');
    await receptionRequest('mourenx.agent', q7, '2025-03-01');
    await receptionRequest('mourenx.agent', q8, '2026-05-04');
    await receptionRequest('mourenx.agent', q9, '2026-05-05');
    await appointment('mourenx.agent', q1, '2026-03-20');
    await appointment('mourenx.agent', q2, '2026-04-15');
    await appointment('mourenx.agent', q3, '2026-04-20', 'MISSED');
    await appointment('sdsei.ts', q5, '2026-05-20');
    await appointment('mourenx.agent', q6, '2026-02-20');
    await appointment('mourenx.agent', q8, '2026-05-06');
    await appointment('mourenx.agent', q9, '2026-05-07');

    // Every file entered in January 2026, but MR9 (April 2025).
    await sql(t, 'UPDATE applicant_file SET created_at = $1', [parisNoon('2026-01-10')]);
    await sql(t, 'UPDATE applicant_file SET created_at = $2 WHERE id = $1', [mr9, parisNoon('2025-04-20')]);
    await refreshSummary(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('referrals', () => {
    const referrals = (who: Account, query = '') => report<ReferralsReport>(t, as[who], 'referrals', query);

    it('gives the coordinator outcomes, origins, destinations and median delays, by organisation', async () => {
      const response = await referrals('cclo.coordination');
      expect(response.status).toBe(200);
      const territory = response.body.territory!;
      expect(territory.total).toBe(8);
      expect(territory.byStatus).toEqual([
        { status: 'SENT', ...shown(1) },
        { status: 'ACCEPTED', ...shown(2) },
        { status: 'DECLINED', ...shown(1) },
        { status: 'DONE', ...shown(4) },
      ]);
      // Answered in 2, 1, 3, 5, 10, 1 and 2 days; done in 8, 15, 15 and 9 (4 cases: withheld).
      expect(territory.delays).toEqual({
        sentToAnswered: { cases: 7, averageDays: 3.4, medianDays: 2, suppressed: false },
        sentToDone: { cases: 4, averageDays: null, medianDays: null, suppressed: true },
      });
      expect(territory.byOriginType.filter((row) => row.count)).toEqual([
        { organizationType: 'RELAY_POINT', ...shown(7) },
        { organizationType: 'INFO_POINT', ...shown(1) },
      ]);
      expect(territory.byDestinationType.filter((row) => row.count)).toEqual([
        { organizationType: 'INFO_POINT', ...shown(6) },
        { organizationType: 'SOCIAL_SERVICE', ...shown(2) },
      ]);
      expect(territory.byOrigin?.map((row) => [row.id, row.total])).toEqual([
        [as['lagor.relais'].organizationId, 7],
        [as['mourenx.agent'].organizationId, 1],
      ]);
      const lagor = territory.byOrigin![0]!;
      expect(lagor.byStatus.map((row) => row.count)).toEqual([1, 2, 1, 3]);
      // 2, 1, 3, 5, 10, 1: median 2.5, average 3.7.
      expect(lagor.delays.sentToAnswered).toEqual({
        cases: 6,
        averageDays: 3.7,
        medianDays: 2.5,
        suppressed: false,
      });
      expect(territory.byDestination?.map((row) => [row.id, row.total])).toEqual([
        [as['mourenx.agent'].organizationId, 6],
        [as['sdsei.ts'].organizationId, 2],
      ]);
    });

    it('gives an info point its referrals sent and received and the territory, thin counts withheld', async () => {
      const response = await referrals('mourenx.agent');
      const { organization, territory } = response.body;
      expect(organization!.sent.total).toBe(1);
      expect(organization!.sent.byStatus.find((row) => row.status === 'DONE')).toEqual({
        status: 'DONE',
        ...hidden,
      });
      expect(organization!.received.total).toBe(6);
      expect(organization!.received.byStatus).toEqual([
        { status: 'SENT', ...hidden },
        { status: 'ACCEPTED', ...hidden },
        { status: 'DECLINED', ...hidden },
        { status: 'DONE', ...hidden },
      ]);
      expect(
        organization!.received.byOriginType.find((row) => row.organizationType === 'RELAY_POINT'),
      ).toEqual({
        organizationType: 'RELAY_POINT',
        ...shown(6),
      });
      // Answered in 2, 1, 3, 5 and 10 days.
      expect(organization!.received.delays.sentToAnswered).toEqual({
        cases: 5,
        averageDays: 4.2,
        medianDays: 3,
        suppressed: false,
      });
      expect(territory!.total).toBe(8);
      expect(territory!.delays.sentToAnswered.medianDays).toBe(2);
      expect(territory!.byOrigin).toBeUndefined();
      expect(territory!.byDestination).toBeUndefined();
    });

    it("gives a relay clerk its organisation's referrals only", async () => {
      const response = await referrals('lagor.relais');
      expect(response.body.territory).toBeUndefined();
      expect(response.body.organization!.sent.total).toBe(7);
      expect(response.body.organization!.received.total).toBe(0);
      expect(response.body.organization!.sent.byDestinationType.filter((row) => row.count !== 0)).toEqual([
        { organizationType: 'INFO_POINT', ...shown(6) },
        { organizationType: 'SOCIAL_SERVICE', ...hidden },
      ]);
    });

    it('counts the referrals sent during the period asked', async () => {
      const year = await referrals('cclo.coordination', '?year=2025');
      expect(year.body.territory!.total).toBe(1);
      const march = await referrals('cclo.coordination', '?from=2026-03-01&to=2026-03-31');
      expect(march.body.territory!.total).toBe(2);
      expect(march.body.territory!.byStatus.find((row) => row.status === 'DONE')?.count).toBe(2);
    });
  });

  describe('reception commitment', () => {
    const commitment = (who: Account, query = '') =>
      report<ReceptionCommitmentReport>(t, as[who], 'reception-commitment', query);

    it('gives the coordinator met, late (how late) and open requests, and the share met', async () => {
      const response = await commitment('cclo.coordination');
      expect(response.status).toBe(200);
      const territory = response.body.territory!;
      expect(territory).toMatchObject({
        total: 8,
        met: shown(5),
        late: shown(2),
        open: shown(1),
        shareMet: { cases: 7, count: 5, share: 0.714, suppressed: false },
        daysLate: { cases: 2, averageDays: null, medianDays: null, suppressed: true },
      });
      const mourenx = {
        id: as['mourenx.agent'].organizationId,
        name: as['mourenx.agent'].organizationName,
        type: 'INFO_POINT',
      };
      expect(territory.lateCases).toEqual([
        {
          requestedOn: '2026-04-01',
          deadline: '2026-05-01',
          daysLate: 45,
          receivedOn: null,
          recordedBy: mourenx,
        },
        {
          requestedOn: '2026-03-10',
          deadline: '2026-04-10',
          daysLate: 5,
          receivedOn: '2026-04-15',
          recordedBy: mourenx,
        },
      ]);
      expect(territory.byRecordingOrganization?.map((row) => [row.id, row.total, row.met.count])).toEqual([
        [as['mourenx.agent'].organizationId, 7, 4],
        [as['office64.bailleur'].organizationId, 1, 1],
      ]);
      expect(JSON.stringify(territory)).not.toMatch(/applicantFileId|lastName/);
    });

    it('gives an info point its requests with their late cases, and the territory without them', async () => {
      const response = await commitment('mourenx.agent');
      const { organization, territory } = response.body;
      expect(organization).toMatchObject({
        total: 7,
        met: hidden,
        late: hidden,
        open: hidden,
        shareMet: { cases: 6, count: null, share: null, suppressed: true },
      });
      expect(organization!.lateCases).toEqual([
        { requestedOn: '2026-04-01', deadline: '2026-05-01', daysLate: 45, receivedOn: null },
        { requestedOn: '2026-03-10', deadline: '2026-04-10', daysLate: 5, receivedOn: '2026-04-15' },
      ]);
      expect(territory).toMatchObject({ total: 8, met: shown(5), late: hidden, open: hidden });
      expect(territory!.shareMet).toEqual({ cases: 7, count: 5, share: 0.714, suppressed: false });
      expect(territory!.lateCases).toBeUndefined();
      expect(territory!.byRecordingOrganization).toBeUndefined();
    });

    it('reads the requests of the period only', async () => {
      const year = await commitment('cclo.coordination', '?year=2025');
      expect(year.body.territory).toMatchObject({ total: 1, late: shown(1) });
      const q1 = await commitment('cclo.coordination', '?quarter=2026-Q1');
      expect(q1.body.territory).toMatchObject({ total: 3, met: shown(2), late: shown(1), open: shown(0) });
    });
  });

  describe('activity', () => {
    const activity = (who: Account, query = '') => report<ActivityReport>(t, as[who], 'activity', query);

    it('gives the coordinator every organisation with its activity', async () => {
      const response = await activity('cclo.coordination');
      expect(response.status).toBe(200);
      const territory = response.body.territory!;
      expect(territory).toMatchObject({
        filesCreated: shown(17),
        referralsSent: shown(8),
        referralsReceived: shown(8),
        appointmentsHeld: shown(6),
        receptionRequests: shown(8),
      });
      const row = (who: Account) => territory.byOrganization!.find((o) => o.id === as[who].organizationId);
      expect(row('mourenx.agent')).toMatchObject({
        filesCreated: shown(9),
        referralsSent: shown(1),
        referralsReceived: shown(6),
        appointmentsHeld: shown(5),
        receptionRequests: shown(7),
      });
      expect(row('sdsei.ts')).toMatchObject({ referralsReceived: shown(2), appointmentsHeld: shown(1) });
      expect(row('lagor.relais')).toMatchObject({ filesCreated: shown(7), referralsSent: shown(7) });
      // Every active organisation is listed, idle ones too.
      expect(territory.byOrganization!.length).toBeGreaterThan(60);
    });

    it('gives an info point its own row (thin counts withheld) and the totals; a relay clerk its row', async () => {
      const mourenx = await activity('mourenx.agent');
      expect(mourenx.body.organization).toMatchObject({
        filesCreated: shown(9),
        referralsSent: hidden,
        referralsReceived: shown(6),
        appointmentsHeld: shown(5),
        receptionRequests: shown(7),
      });
      expect(mourenx.body.territory).toMatchObject({ filesCreated: shown(17), appointmentsHeld: shown(6) });
      expect(mourenx.body.territory!.byOrganization).toBeUndefined();
      const lagor = await activity('lagor.relais');
      expect(lagor.body.territory).toBeUndefined();
      expect(lagor.body.organization).toMatchObject({
        filesCreated: shown(7),
        referralsSent: shown(7),
        referralsReceived: shown(0),
        appointmentsHeld: shown(0),
        receptionRequests: shown(0),
      });
    });

    it('counts the activity of the period only', async () => {
      const year = await activity('cclo.coordination', '?year=2025');
      expect(year.body.territory).toMatchObject({
        filesCreated: shown(1),
        referralsSent: shown(1),
        appointmentsHeld: shown(0),
        receptionRequests: shown(1),
      });
    });
  });
});
