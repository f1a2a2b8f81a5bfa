import type {
  ApiError,
  ApplicantFileContent,
  DocumentRequirement,
  DocumentsReport,
  Page,
  RenewalReminderItem,
  RenewalReminderText,
  RenewalReminderView,
  RenewalsReport,
  TimelinePage,
  WaitingTimesReport,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { registrableFile } from '@api/testing/builders';
import { samplePdf } from '@api/app/documents/testing/sample-documents';
import { Notifier, type RenewalReminderMessage } from './notifier';
import {
  type Session,
  plannedFile,
  refreshSummary,
  report,
  signIn,
  sql,
  wishing,
} from './testing/reporting-fixtures';

jest.setTimeout(90_000);

const ACCOUNTS = [
  'mourenx.agent',
  'orthez.accueil',
  'lagor.relais',
  'office64.bailleur',
  'bearnaise.bailleur',
  'cclo.coordination',
] as const;
type Account = (typeof ACCOUNTS)[number];

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

/**
 * Today is 15 June 2026.
 * Housed during the period (seniority → lease, days): W1 T2 Orthez 193; W2 T2 Orthez 181; W3 T2+T3
 * Orthez+Mourenx 182; W4 T3 Mourenx 151; W5 T2 Orthez 346 (Office 64); W6 T4 Mourenx 184; W7 T2
 * Orthez 877 (Béarnaise; seniority January 2024).
 * Renewals due from 15 June to 15 July 2026: N1 (20 June), N2 (1 July), N3 (15 July) by Mourenx,
 * N5–N9 by Office 64; N4 (16 July) just outside. Closed for non-renewal: N10 on 10 June and N11 on
 * 12 June 2026; N12 in May 2025.
 */
describe('reporting: waiting times, renewals, documents and renewal reminders', () => {
  let t: TestApp;
  let as: Record<Account, Session>;
  const n: Record<string, string> = {};
  const sent: RenewalReminderMessage[] = [];

  async function upload(
    who: Account,
    fileId: string,
    fields: Record<string, string>,
  ): Promise<{ id: string }> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(samplePdf())]), 'piece.pdf');
    const response = await fetch(`${t.baseUrl}/api/applicant-files/${fileId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as[who].token}` },
      body: form,
    });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = (await signIn(t, ACCOUNTS)) as Record<Account, Session>;
    // Whatever a gateway would have sent, kept here.
    jest.spyOn(t.app.get(Notifier), 'send').mockImplementation((message) => {
      sent.push(message);
      return Promise.resolve();
    });
    const office64 = as['office64.bailleur'].token;
    const bearnaise = as['bearnaise.bailleur'].token;
    const mourenx = as['mourenx.agent'].token;
    const housed = (
      token: string,
      content: ApplicantFileContent,
      registeredOn: string,
      leaseSignedOn: string,
    ) => plannedFile(t, token, { createdOn: registeredOn, registeredOn, leaseSignedOn, content });
    await housed(office64, wishing(['T2'], ['64430']), '2025-07-01', '2026-01-10');
    await housed(office64, wishing(['T2'], ['64430']), '2025-09-01', '2026-03-01');
    await housed(office64, wishing(['T2', 'T3'], ['64430', '64410']), '2025-10-15', '2026-04-15');
    await housed(office64, wishing(['T3'], ['64410']), '2025-12-01', '2026-05-01');
    await housed(office64, wishing(['T2'], ['64430']), '2025-06-20', '2026-06-01');
    await housed(bearnaise, wishing(['T4'], ['64410']), '2025-08-10', '2026-02-10');
    await plannedFile(t, bearnaise, {
      createdOn: '2025-09-01',
      registeredOn: '2025-09-01',
      leaseSignedOn: '2026-06-10',
      seniorityDate: '2024-01-15',
      content: wishing(['T2'], ['64430']),
    });

    const registered = (token: string, registeredOn: string, content = registrableFile()) =>
      plannedFile(t, token, { createdOn: registeredOn, registeredOn, content });
    n['N1'] = await registered(mourenx, '2025-06-20');
    n['N2'] = await registered(mourenx, '2025-07-01');
    n['N3'] = await registered(mourenx, '2025-07-15');
    n['N4'] = await registered(mourenx, '2025-07-16');
    n['N5'] = await registered(office64, '2025-06-25');
    n['N6'] = await registered(office64, '2025-06-30');
    n['N7'] = await registered(
      office64,
      '2025-07-05',
      registrableFile({
        householdMembers: [{ kind: 'OTHER_MEMBER', firstNames: 'Paul', lastName: 'Testeur' }],
      }),
    );
    n['N8'] = await registered(
      office64,
      '2025-07-10',
      registrableFile({
        coApplicant: {
          lastName: 'Okafor',
          firstNames: 'Ada',
          birthDate: '1990-02-01',
          nationality: 'NON_EU',
          relationship: 'SPOUSE',
        },
      }),
    );
    n['N9'] = await registered(office64, '2025-07-12');
    for (const [name, registeredOn, token, closedOn] of [
      ['N10', '2025-06-18', mourenx, '2026-06-10'],
      ['N11', '2025-06-22', office64, '2026-06-12'],
      ['N12', '2025-06-23', office64, '2026-06-13'],
    ] as const) {
      n[name] = await plannedFile(t, token, {
        createdOn: registeredOn,
        registeredOn,
        closure: { reason: 'NOT_RENEWED', closedOn },
      });
    }
    await sql(t, "UPDATE applicant_file SET closed_on = '2025-05-01' WHERE id = $1", [n['N12']]);

    // Documents: N1 identity and tax notice; N2 identity only; N3 both, naming no one; N5 an
    // unusable identity; N6 an expired one; N7 the applicant's, not the adult member's; N8 both
    // applicants' (residence permit for the co-applicant from outside the EU).
    const both = async (who: Account, id: string, personId?: string, identity = 'IDENTITY') => {
      await upload(who, id, { type: identity, ...(personId ? { personId } : {}) });
      await upload(who, id, { type: 'TAX_NOTICE', ...(personId ? { personId } : {}) });
    };
    await both('mourenx.agent', n['N1'], 'APPLICANT');
    await upload('mourenx.agent', n['N2'], { type: 'IDENTITY', personId: 'APPLICANT' });
    await both('mourenx.agent', n['N3']);
    const unusable = await upload('office64.bailleur', n['N5'], { type: 'IDENTITY', personId: 'APPLICANT' });
    const check = await t.request('PATCH', `/api/documents/${unusable.id}`, {
      token: as['office64.bailleur'].token,
      body: { status: 'UNUSABLE', reason: 'Illisible' },
    });
    if (check.status !== 200) throw new Error(`check: ${check.status} ${check.text}`);
    await upload('office64.bailleur', n['N6'], {
      type: 'IDENTITY',
      personId: 'APPLICANT',
      validUntil: '2026-06-01',
    });
    await both('office64.bailleur', n['N7'], 'APPLICANT');
    await both('office64.bailleur', n['N8'], 'APPLICANT');
    await both('office64.bailleur', n['N8'], 'CO_APPLICANT', 'RESIDENCE_PERMIT');
    await refreshSummary(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('waiting times', () => {
    const waiting = (who: Account, query = '') =>
      report<WaitingTimesReport>(t, as[who], 'waiting-times', query);

    it('gives average and median days to housing, by typology and commune, nothing under 5 cases', async () => {
      const response = await waiting('cclo.coordination');
      expect(response.status).toBe(200);
      const territory = response.body.territory!;
      // 193, 181, 182, 151, 346, 184, 877.
      expect(territory.overall).toEqual({ cases: 7, averageDays: 302, medianDays: 184, suppressed: false });
      const typology = (code: string) => territory.byTypology.find((row) => row.typology === code);
      // T2: 193, 181, 182, 346, 877.
      expect(typology('T2')).toEqual({
        typology: 'T2',
        cases: 5,
        averageDays: 355.8,
        medianDays: 193,
        suppressed: false,
      });
      expect(typology('T3')).toEqual({
        typology: 'T3',
        cases: 2,
        averageDays: null,
        medianDays: null,
        suppressed: true,
      });
      expect(typology('T4')).toMatchObject({ cases: 1, averageDays: null, suppressed: true });
      expect(typology('T1')).toEqual({
        typology: 'T1',
        cases: 0,
        averageDays: null,
        medianDays: null,
        suppressed: false,
      });
      expect(territory.byCommune).toEqual([
        {
          inseeCode: '64430',
          name: 'Orthez',
          cases: 5,
          averageDays: 355.8,
          medianDays: 193,
          suppressed: false,
        },
        {
          inseeCode: '64410',
          name: 'Mourenx',
          cases: 3,
          averageDays: null,
          medianDays: null,
          suppressed: true,
        },
      ]);
    });

    it("gives a landlord its own demands' waiting times and the territory's", async () => {
      const response = await waiting('office64.bailleur');
      const { organization, territory } = response.body;
      // Office 64's: 193, 181, 182, 151, 346.
      expect(organization!.overall).toEqual({
        cases: 5,
        averageDays: 210.6,
        medianDays: 182,
        suppressed: false,
      });
      expect(organization!.byTypology.find((row) => row.typology === 'T2')).toMatchObject({
        cases: 4,
        medianDays: null,
        suppressed: true,
      });
      expect(territory!.overall.medianDays).toBe(184);
      const relay = await waiting('lagor.relais');
      expect(relay.body.territory).toBeUndefined();
      expect(relay.body.organization!.overall).toEqual({
        cases: 0,
        averageDays: null,
        medianDays: null,
        suppressed: false,
      });
    });

    it('counts the demands housed during the period', async () => {
      const year = await waiting('cclo.coordination', '?year=2025');
      expect(year.body.territory!.overall.cases).toBe(0);
      const spring = await waiting('cclo.coordination', '?from=2026-03-01&to=2026-05-31');
      expect(spring.body.territory!.overall.cases).toBe(3);
    });
  });

  describe('renewals and reminders', () => {
    const renewals = (who: Account, query = '') => report<RenewalsReport>(t, as[who], 'renewals', query);
    const reminders = (who: Account, query = '') =>
      t.request<Page<RenewalReminderItem> & ApiError>('GET', `/api/reporting/renewal-reminders${query}`, {
        token: as[who].token,
      });
    const remind = (who: Account, fileId: string) =>
      t.request<RenewalReminderView & ApiError>('POST', `/api/applicant-files/${fileId}/renewal-reminders`, {
        token: as[who].token,
      });

    it('lists the applicants to remind, soonest due first, with their contact and the text', async () => {
      const response = await reminders('mourenx.agent');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(8);
      expect(response.body.items.map((item) => item.renewalDueOn)).toEqual([
        '2026-06-20',
        '2026-06-25',
        '2026-06-30',
        '2026-07-01',
        '2026-07-05',
        '2026-07-10',
        '2026-07-12',
        '2026-07-15',
      ]);
      const first = response.body.items[0]!;
      expect(first).toMatchObject({
        applicantFileId: n['N1'],
        status: 'RENEWAL_DUE',
        applicant: { civility: 'MRS', firstNames: 'Camille' },
        contact: { phone: '05 59 60 00 00', inseeCode: '64430' },
      });
      expect(first.text).toContain(`Madame ${first.applicant.lastName}`);
      expect(first.text).toContain(`n° ${first.sneNumber}`);
      expect(first.text).toContain('arrive à échéance le 20 juin 2026');
      const page = await reminders('mourenx.agent', '?page=2&pageSize=3');
      expect(page.body).toMatchObject({ total: 8, page: 2, pageSize: 3 });
      expect(page.body.items.map((item) => item.renewalDueOn)).toEqual([
        '2026-07-01',
        '2026-07-05',
        '2026-07-10',
      ]);
      expect((await reminders('mourenx.agent', '?pageSize=101')).status).toBe(400);
    });

    it('shows each role the files it may list: no contact for the coordinator, own files for a relay', async () => {
      const coordinator = await reminders('cclo.coordination');
      expect(coordinator.body.total).toBe(8);
      expect(coordinator.body.items[0]!.contact).toBeUndefined();
      expect(coordinator.body.items[0]!.applicant.lastName).toBeTruthy();
      const relay = await reminders('lagor.relais');
      expect(relay.body).toMatchObject({ total: 0, items: [] });
    });

    it('gives the text of one reminder, within the scope of files', async () => {
      const text = await t.request<RenewalReminderText & ApiError>(
        'GET',
        `/api/reporting/renewal-reminders/text?fileId=${n['N2']}`,
        { token: as['orthez.accueil'].token },
      );
      expect(text.status).toBe(200);
      expect(text.body).toMatchObject({ applicantFileId: n['N2'], renewalDueOn: '2026-07-01' });
      expect(text.body.text).toMatch(
        /^Madame .+,\n\nVotre demande de logement social n° \w+ arrive à échéance le 1er juillet 2026 : pensez à la renouveler/,
      );
      const relay = await t.request('GET', `/api/reporting/renewal-reminders/text?fileId=${n['N2']}`, {
        token: as['lagor.relais'].token,
      });
      expect(relay.status).toBe(404);
      const closed = await t.request('GET', `/api/reporting/renewal-reminders/text?fileId=${n['N10']}`, {
        token: as['mourenx.agent'].token,
      });
      expect(closed.status).toBe(409);
      const missing = await t.request('GET', '/api/reporting/renewal-reminders/text', {
        token: as['mourenx.agent'].token,
      });
      expect(missing.status).toBe(400);
    });

    it('marks an applicant reminded once per due date, on the timeline, through the notifier', async () => {
      const first = await remind('mourenx.agent', n['N1']!);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        applicantFileId: n['N1'],
        renewalDueOn: '2026-06-20',
        remindedOn: '2026-06-15',
        remindedBy: { organizationId: as['mourenx.agent'].organizationId },
      });
      expect(sent).toEqual([
        expect.objectContaining({
          applicantFileId: n['N1'],
          renewalDueOn: '2026-06-20',
          text: first.body.text,
        }),
      ]);
      expect((await remind('mourenx.agent', n['N1']!)).status).toBe(409);
      expect((await remind('office64.bailleur', n['N5']!)).status).toBe(201);
      expect((await remind('cclo.coordination', n['N2']!)).status).toBe(403);
      expect((await remind('lagor.relais', n['N2']!)).status).toBe(404);
      expect((await remind('mourenx.agent', n['N10']!)).status).toBe(409);
      const timeline = await t.request<TimelinePage>('GET', `/api/applicant-files/${n['N1']}/timeline`, {
        token: as['mourenx.agent'].token,
      });
      expect(timeline.body.items[0]).toMatchObject({
        type: 'RENEWAL_REMINDED',
        details: { renewalDueOn: '2026-06-20' },
      });
      const left = await reminders('mourenx.agent');
      expect(left.body.total).toBe(6);
      expect(left.body.items.map((item) => item.applicantFileId)).not.toContain(n['N1']);
    });

    it('counts renewals due within the next month (reminded or not) and closures for non-renewal', async () => {
      const coordinator = await renewals('cclo.coordination');
      expect(coordinator.status).toBe(200);
      expect(coordinator.body.territory).toEqual({
        dueWithinNextMonth: {
          from: '2026-06-15',
          to: '2026-07-15',
          total: 8,
          reminded: shown(2),
          notReminded: shown(6),
        },
        closedNotRenewed: 2,
      });
      const mourenx = await renewals('mourenx.agent');
      expect(mourenx.body.organization).toMatchObject({
        dueWithinNextMonth: { total: 3, reminded: hidden, notReminded: hidden },
        closedNotRenewed: 1,
      });
      expect(mourenx.body.territory!.dueWithinNextMonth).toMatchObject({
        total: 8,
        reminded: hidden,
        notReminded: shown(6),
      });
      const office64 = await renewals('office64.bailleur');
      expect(office64.body.organization).toMatchObject({
        dueWithinNextMonth: { total: 5, reminded: hidden, notReminded: hidden },
        closedNotRenewed: 1,
      });
      const relay = await renewals('lagor.relais');
      expect(relay.body.territory).toBeUndefined();
      expect(relay.body.organization!.dueWithinNextMonth.total).toBe(0);
      const lastYear = await renewals('cclo.coordination', '?year=2025');
      expect(lastYear.body.territory!.closedNotRenewed).toBe(1);
    });
  });

  describe('documents', () => {
    const documents = (who: Account, query = '') => report<DocumentsReport>(t, as[who], 'documents', query);

    it('measures the registered demands whose checklist is complete, as the checklist route says', async () => {
      const response = await documents('cclo.coordination');
      expect(response.status).toBe(200);
      expect(response.body.measuredOn).toBe('2026-06-15');
      // N1–N9 registered: registration line answered by N1, N2, N3, N7, N8; every line by N1, N3, N8.
      expect(response.body.territory).toMatchObject({
        registeredFiles: 9,
        registrationComplete: { cases: 9, count: 5, share: 0.556, suppressed: false },
        instructionComplete: { cases: 9, count: 3, share: 0.333, suppressed: false },
      });
      expect(response.body.territory!.byPointOfEntry?.map((row) => [row.id, row.registeredFiles])).toEqual([
        [as['office64.bailleur'].organizationId, 5],
        [as['mourenx.agent'].organizationId, 4],
      ]);
      // The same files, line by line, through the checklist route (the shared documentChecklist).
      let registration = 0;
      let instruction = 0;
      for (const name of ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']) {
        const checklist = await t.request<DocumentRequirement[]>(
          'GET',
          `/api/applicant-files/${n[name]}/document-checklist`,
          { token: as['mourenx.agent'].token },
        );
        const lines = checklist.body.filter((line) => line.mandatory);
        if (lines.filter((line) => line.stage === 'REGISTRATION').every((line) => line.satisfied))
          registration++;
        if (lines.every((line) => line.satisfied)) instruction++;
      }
      expect([registration, instruction]).toEqual([5, 3]);
    });

    it('gives an info point its own demands and the territory, shares on fewer than 5 withheld', async () => {
      const response = await documents('mourenx.agent');
      expect(response.body.organization).toMatchObject({
        registeredFiles: 4,
        registrationComplete: { cases: 4, count: hidden.count, share: null, suppressed: true },
      });
      expect(response.body.territory).toMatchObject({
        registeredFiles: 9,
        registrationComplete: { count: 5, share: 0.556 },
        instructionComplete: { count: null, share: null, suppressed: true },
      });
      expect(response.body.territory!.byPointOfEntry).toBeUndefined();
    });

    it('reads the last measure within the period, none before the first', async () => {
      const lastYear = await documents('cclo.coordination', '?year=2025');
      expect(lastYear.body.measuredOn).toBeNull();
      expect(lastYear.body.territory!.registeredFiles).toBe(0);
    });
  });
});
