import type {
  ApiError,
  CreatedApplicantFile,
  Page,
  ReferralView,
  TimelinePage,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile } from '@api/testing/builders';

const ACCOUNTS = [
  'mourenx.agent',
  'orthez.accueil',
  'orthez.ts',
  'sdsei.ts',
  'lagor.relais',
  'monein.relais',
  'office64.bailleur',
  'bearnaise.bailleur',
  'cclo.coordination',
] as const;
type Account = (typeof ACCOUNTS)[number];

const MISSING = '00000000-0000-4000-8000-000000000000';

// The database is cloned and the app started per file; on a busy machine that exceeds Jest's 5 s.
jest.setTimeout(30_000);

describe('referrals', () => {
  let t: TestApp;
  const token = {} as Record<Account, string>;
  const org = {} as Record<Account, string>;

  const as = <T = ReferralView>(who: Account, method: string, path: string, body?: unknown) =>
    t.request<T>(method, path, { token: token[who], body });

  const refer = (who: Account, body: Record<string, unknown>) =>
    as('lagor.relais' === who ? who : who, 'POST', '/api/referrals', body);

  /** A file created by `who` and referred by it to `to`. */
  async function referral(
    who: Account,
    to: Account,
    extra: Record<string, unknown> = {},
  ): Promise<{ file: CreatedApplicantFile; referral: ReferralView }> {
    const file = await createFile(t, token[who], minimalFile());
    const response = await refer(who, {
      applicantFileId: file.id,
      toOrganizationId: org[to],
      reason: 'Hébergée chez un tiers, demande à être reçue',
      ...extra,
    });
    if (response.status !== 201) throw new Error(`refer: ${response.status} ${response.text}`);
    return { file, referral: response.body };
  }

  const answer = (who: Account, id: string, body: unknown) =>
    as<ReferralView & ApiError>(who, 'PATCH', `/api/referrals/${id}`, body);

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

  describe('sending', () => {
    it('lets a relay clerk refer its minimal file to Mourenx with suspected criteria: flags, inbox, sent list, timeline', async () => {
      const unhandledBefore = (
        await as<{ unhandled: number }>('mourenx.agent', 'GET', '/api/referrals/inbox-count')
      ).body.unhandled;
      const file = await createFile(t, token['lagor.relais'], minimalFile({ lastName: 'Etchegaray' }));
      const created = await refer('lagor.relais', {
        applicantFileId: file.id,
        toOrganizationId: org['mourenx.agent'],
        reason: 'Hébergée chez sa sœur avec deux enfants',
        suspectedCriteria: ['WITHOUT_HOUSING', 'DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE', 'WITHOUT_HOUSING'],
        appointmentWish: 'Le mercredi matin',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        applicantFileId: file.id,
        applicant: { lastName: 'Etchegaray', firstNames: 'Camille' },
        from: {
          organizationId: org['lagor.relais'],
          organizationName: 'Mairie de Lagor',
          organizationType: 'RELAY_POINT',
          displayName: 'Sylvie Lacoste',
        },
        to: { organizationId: org['mourenx.agent'], organizationType: 'INFO_POINT' },
        reason: 'Hébergée chez sa sœur avec deux enfants',
        suspectedCriteria: ['WITHOUT_HOUSING', 'DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE'],
        appointmentWish: 'Le mercredi matin',
        status: 'SENT',
        declineReason: null,
        respondedAt: null,
        doneAt: null,
      });
      const referralId = created.body.id;

      const flags = await t.dataSource.query<{ criterion: string; status: string; referral_id: string }[]>(
        `SELECT criterion, status, referral_id, suspected_by_organization_id AS organization_id
           FROM fragility_flag WHERE applicant_file_id = $1 ORDER BY criterion`,
        [file.id],
      );
      expect(flags).toEqual([
        {
          criterion: 'DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE',
          status: 'SUSPECTED',
          referral_id: referralId,
          organization_id: org['lagor.relais'],
        },
        {
          criterion: 'WITHOUT_HOUSING',
          status: 'SUSPECTED',
          referral_id: referralId,
          organization_id: org['lagor.relais'],
        },
      ]);

      const inbox = await as<Page<ReferralView>>(
        'mourenx.agent',
        'GET',
        '/api/referrals?direction=received&status=SENT',
      );
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.find((r) => r.id === referralId)).toMatchObject({
        applicant: { lastName: 'Etchegaray', firstNames: 'Camille' },
        from: { organizationName: 'Mairie de Lagor' },
        status: 'SENT',
      });
      expect(
        (await as<{ unhandled: number }>('mourenx.agent', 'GET', '/api/referrals/inbox-count')).body,
      ).toEqual({ unhandled: unhandledBefore + 1 });

      const sent = await as<Page<ReferralView>>('lagor.relais', 'GET', '/api/referrals?direction=sent');
      expect(sent.body.items.find((r) => r.id === referralId)?.status).toBe('SENT');
      // The sender's received box does not hold what it sent.
      const received = await as<Page<ReferralView>>(
        'lagor.relais',
        'GET',
        '/api/referrals?direction=received',
      );
      expect(received.body.items.map((r) => r.id)).not.toContain(referralId);

      const relayTimeline = await as<TimelinePage>(
        'lagor.relais',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      expect(relayTimeline.status).toBe(200);
      expect(relayTimeline.body.items.map((e) => e.type)).toEqual(['REFERRAL_SENT']);
      expect(relayTimeline.body.items[0]?.details).toMatchObject({
        referralId,
        toOrganizationId: org['mourenx.agent'],
      });

      const agentTimeline = await as<TimelinePage>(
        'mourenx.agent',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      // The timeline says a fragility was suspected; the criteria are read from the flags list.
      const suspected = agentTimeline.body.items.filter((e) => e.type === 'FLAG_SUSPECTED');
      expect(suspected).toHaveLength(2);
      expect(suspected.every((e) => e.details?.['criterion'] === undefined)).toBe(true);
      const socialTimeline = await as<TimelinePage>(
        'orthez.ts',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      expect(
        socialTimeline.body.items
          .filter((e) => e.type === 'FLAG_SUSPECTED')
          .map((e) => e.details?.['criterion'])
          .sort(),
      ).toEqual(['DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE', 'WITHOUT_HOUSING']);
      expect(agentTimeline.body.items.map((e) => e.type)).toEqual(
        expect.arrayContaining(['FILE_CREATED', 'REFERRAL_SENT']),
      );

      const accepted = await answer('mourenx.agent', referralId, { status: 'ACCEPTED' });
      expect(accepted.status).toBe(200);
      const afterAnswer = await as<TimelinePage>(
        'lagor.relais',
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
      );
      expect(afterAnswer.body.items.map((e) => e.type)).toEqual(['REFERRAL_ACCEPTED', 'REFERRAL_SENT']);
      expect(
        (await as<{ unhandled: number }>('mourenx.agent', 'GET', '/api/referrals/inbox-count')).body,
      ).toEqual({ unhandled: unhandledBefore });
    });

    it('gives the receiving organisation the file (« own » scope)', async () => {
      const file = await createFile(t, token['lagor.relais'], minimalFile());
      const path = `/api/applicant-files/${file.id}`;
      expect((await as('office64.bailleur', 'GET', path)).status).toBe(404);
      expect((await as('monein.relais', 'GET', path)).status).toBe(404);
      const created = await refer('lagor.relais', {
        applicantFileId: file.id,
        toOrganizationId: org['office64.bailleur'],
        reason: 'Souhaite un T2 à Mourenx',
      });
      expect(created.status).toBe(201);
      expect((await as('office64.bailleur', 'GET', path)).status).toBe(200);
      expect((await as('monein.relais', 'GET', path)).status).toBe(404);
    });

    it('refuses a file outside the caller’s scope (404) and a bad destination (400)', async () => {
      const moneinFile = await createFile(t, token['monein.relais'], minimalFile());
      const body = { toOrganizationId: org['mourenx.agent'], reason: 'Orientation' };
      expect((await refer('lagor.relais', { ...body, applicantFileId: moneinFile.id })).status).toBe(404);
      expect((await refer('lagor.relais', { ...body, applicantFileId: MISSING })).status).toBe(404);
      // A landlord reaches shared and own files only: a contact file of someone else is not there.
      expect((await refer('office64.bailleur', { ...body, applicantFileId: moneinFile.id })).status).toBe(
        404,
      );

      const own = await createFile(t, token['lagor.relais'], minimalFile());
      const to = async (toOrganizationId: string) => {
        const response = await as<ApiError>('lagor.relais', 'POST', '/api/referrals', {
          applicantFileId: own.id,
          toOrganizationId,
          reason: 'Orientation',
        });
        return { status: response.status, fields: response.body.details?.map((d) => d.field) };
      };
      expect(await to(org['lagor.relais'])).toEqual({ status: 400, fields: ['toOrganizationId'] });
      expect(await to(MISSING)).toEqual({ status: 400, fields: ['toOrganizationId'] });
      expect(await to(org['cclo.coordination'])).toEqual({ status: 400, fields: ['toOrganizationId'] });
      expect(await to('not-a-uuid')).toEqual({ status: 400, fields: ['toOrganizationId'] });

      const inactive = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO organization (code, name, type) VALUES ('TEST_CLOSED_SERVICE', 'Service fermé', 'SOCIAL_SERVICE')
         RETURNING id`,
      );
      await t.dataSource.query('UPDATE organization SET active = false WHERE id = $1', [inactive[0]!.id]);
      expect(await to(inactive[0]!.id)).toEqual({ status: 400, fields: ['toOrganizationId'] });

      const nothingWritten = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM referral WHERE applicant_file_id = $1',
        [own.id],
      );
      expect(nothingWritten[0]?.n).toBe(0);
    });

    it('validates the body: reason required and not blank, known criteria, no unknown fields', async () => {
      const own = await createFile(t, token['lagor.relais'], minimalFile());
      const base = { applicantFileId: own.id, toOrganizationId: org['mourenx.agent'] };
      const fields = async (body: unknown) => {
        const response = await as<ApiError>('lagor.relais', 'POST', '/api/referrals', body);
        expect(response.status).toBe(400);
        return [...new Set(response.body.details?.map((d) => d.field))];
      };
      expect(await fields(base)).toEqual(['reason']);
      expect(await fields({ ...base, reason: '   ' })).toEqual(['reason']);
      expect(await fields({ ...base, reason: 'x', suspectedCriteria: ['NOT_A_CRITERION'] })).toEqual([
        'suspectedCriteria',
      ]);
      expect(await fields({ ...base, reason: 'x', status: 'DONE' })).toEqual(['status']);
      expect(await fields({ reason: 'x' })).toEqual(['applicantFileId', 'toOrganizationId']);
    });
  });

  it('documents the case-work routes in the OpenAPI document', async () => {
    const doc = await t.request<{ paths: Record<string, Record<string, { responses: object }>> }>(
      'GET',
      '/api/docs-json',
    );
    const operations = Object.entries(doc.body.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        codes: Object.keys(operation.responses),
      })),
    );
    const expected: Record<string, string[]> = {
      'POST /api/referrals': ['201', '400', '401', '403', '404'],
      'GET /api/referrals': ['200', '400', '401', '403'],
      'GET /api/referrals/inbox-count': ['200', '401', '403'],
      'GET /api/referrals/{id}': ['200', '401', '403', '404'],
      'PATCH /api/referrals/{id}': ['200', '400', '401', '403', '404', '409'],
      'POST /api/appointments': ['201', '400', '401', '403', '404'],
      'GET /api/appointments': ['200', '400', '401', '403'],
      'GET /api/appointments/walk-in-slots': ['200', '400', '401', '403'],
      'PATCH /api/appointments/{id}': ['200', '400', '401', '403', '404', '409'],
      'POST /api/applicant-files/{id}/reception-requests': ['201', '400', '401', '403', '404', '409'],
      'GET /api/applicant-files/{id}/reception-requests': ['200', '400', '401', '403', '404'],
    };
    for (const [route, codes] of Object.entries(expected)) {
      expect({ route, codes: operations.find((o) => o.route === route)?.codes }).toEqual({
        route,
        codes: expect.arrayContaining(codes),
      });
    }
  });

  it('audits the reads of referrals: one entry per file shown', async () => {
    const { file, referral: sent } = await referral('lagor.relais', 'orthez.ts');
    const reads = async () =>
      (
        await t.dataSource.query<{ route: string }[]>(
          `SELECT route FROM audit_entry WHERE applicant_file_id = $1 AND username = 'orthez.ts' AND action = 'READ'
            ORDER BY at`,
          [file.id],
        )
      ).map((row) => row.route);
    expect(await reads()).toEqual([]);
    await as('orthez.ts', 'GET', `/api/referrals?applicantFileId=${file.id}`);
    await as('orthez.ts', 'GET', `/api/referrals/${sent.id}`);
    await as('orthez.ts', 'GET', '/api/referrals/inbox-count');
    expect(await reads()).toEqual(['GET /api/referrals', 'GET /api/referrals/:id']);
  });

  describe('answering', () => {
    it('declines only with a reason, and a declined referral stays declined', async () => {
      const { referral: sent } = await referral('lagor.relais', 'mourenx.agent');
      const missing = await answer('mourenx.agent', sent.id, { status: 'DECLINED' });
      expect(missing.status).toBe(400);
      expect(missing.body.details?.map((d) => d.field)).toContain('reason');
      expect((await answer('mourenx.agent', sent.id, { status: 'DECLINED', reason: ' ' })).status).toBe(400);

      const declined = await answer('mourenx.agent', sent.id, {
        status: 'DECLINED',
        reason: 'Relève du CCAS de la commune',
      });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({
        status: 'DECLINED',
        declineReason: 'Relève du CCAS de la commune',
        respondedAt: expect.any(String),
        doneAt: null,
      });
      expect((await answer('mourenx.agent', sent.id, { status: 'ACCEPTED' })).status).toBe(409);
      expect((await answer('mourenx.agent', sent.id, { status: 'DONE' })).status).toBe(409);

      const timeline = await as<TimelinePage>(
        'lagor.relais',
        'GET',
        `/api/applicant-files/${sent.applicantFileId}/timeline`,
      );
      expect(timeline.body.items[0]).toMatchObject({
        type: 'REFERRAL_DECLINED',
        details: { referralId: sent.id, reason: 'Relève du CCAS de la commune' },
      });
      // Other readers of the file's timeline read the referral's codes and dates, not its text.
      for (const other of ['orthez.accueil', 'orthez.ts', 'sdsei.ts'] as const) {
        const theirs = await as<TimelinePage>(
          other,
          'GET',
          `/api/applicant-files/${sent.applicantFileId}/timeline`,
        );
        expect(theirs.status).toBe(200);
        const events = theirs.body.items.filter((e) => e.type.startsWith('REFERRAL_'));
        expect({ other, events: events.map((e) => [e.type, e.details]) }).toEqual({
          other,
          events: [
            ['REFERRAL_DECLINED', { referralId: sent.id }],
            ['REFERRAL_SENT', { referralId: sent.id, toOrganizationId: org['mourenx.agent'] }],
          ],
        });
        expect(theirs.body.items.every((e) => typeof e.occurredAt === 'string')).toBe(true);
        expect(theirs.text).not.toContain('Relève du CCAS');
        expect(theirs.text).not.toContain('Hébergée chez un tiers');
      }
      const receiver = await as<TimelinePage>(
        'mourenx.agent',
        'GET',
        `/api/applicant-files/${sent.applicantFileId}/timeline`,
      );
      expect(receiver.body.items.find((e) => e.type === 'REFERRAL_SENT')?.details).toMatchObject({
        reason: 'Hébergée chez un tiers, demande à être reçue',
      });
    });

    it('accepts, then completes; other transitions are conflicts', async () => {
      const { referral: sent } = await referral('lagor.relais', 'sdsei.ts', {
        suspectedCriteria: ['EVICTION_WITHOUT_REHOUSING'],
      });
      expect((await answer('sdsei.ts', sent.id, { status: 'DONE' })).status).toBe(409);
      const accepted = await answer('sdsei.ts', sent.id, { status: 'ACCEPTED' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'ACCEPTED',
        respondedAt: expect.any(String),
        doneAt: null,
      });
      expect((await answer('sdsei.ts', sent.id, { status: 'ACCEPTED' })).status).toBe(409);
      expect((await answer('sdsei.ts', sent.id, { status: 'DECLINED', reason: 'Trop tard' })).status).toBe(
        409,
      );
      const done = await answer('sdsei.ts', sent.id, { status: 'DONE', reason: 'Évaluation faite' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'DONE',
        respondedAt: accepted.body.respondedAt,
        doneAt: expect.any(String),
      });
      expect((await answer('sdsei.ts', sent.id, { status: 'DONE' })).status).toBe(409);

      const sentList = await as<Page<ReferralView>>(
        'lagor.relais',
        'GET',
        `/api/referrals?direction=sent&applicantFileId=${sent.applicantFileId}`,
      );
      expect(sentList.body).toMatchObject({ total: 1, items: [{ id: sent.id, status: 'DONE' }] });
      const timeline = await as<TimelinePage>(
        'lagor.relais',
        'GET',
        `/api/applicant-files/${sent.applicantFileId}/timeline`,
      );
      expect(timeline.body.items.map((e) => e.type)).toEqual([
        'REFERRAL_DONE',
        'REFERRAL_ACCEPTED',
        'REFERRAL_SENT',
      ]);
    });

    it('hides a referral from third organisations (404) and lets only the receiver answer (sender: 404, out of its scope)', async () => {
      const { referral: sent } = await referral('lagor.relais', 'mourenx.agent');
      const path = `/api/referrals/${sent.id}`;
      expect((await answer('lagor.relais', sent.id, { status: 'ACCEPTED' })).status).toBe(404);
      expect((await as('lagor.relais', 'GET', path)).status).toBe(200);
      expect((await as('mourenx.agent', 'GET', path)).status).toBe(200);
      for (const third of ['monein.relais', 'orthez.accueil', 'office64.bailleur', 'sdsei.ts'] as const) {
        expect({ third, status: (await answer(third, sent.id, { status: 'ACCEPTED' })).status }).toEqual({
          third,
          status: 404,
        });
        expect({ third, status: (await as(third, 'GET', path)).status }).toEqual({ third, status: 404 });
        const list = await as<Page<ReferralView>>(third, 'GET', '/api/referrals');
        expect(list.body.items.map((r) => r.id)).not.toContain(sent.id);
      }
      expect((await answer('mourenx.agent', MISSING, { status: 'ACCEPTED' })).status).toBe(404);
      expect((await answer('mourenx.agent', 'not-a-uuid', { status: 'ACCEPTED' })).status).toBe(400);
      expect((await answer('mourenx.agent', sent.id, { status: 'SENT' })).status).toBe(400);
      // Nothing changed.
      expect((await as('mourenx.agent', 'GET', path)).body.status).toBe('SENT');
    });

    it('refuses the coordinator everywhere (403)', async () => {
      const { file, referral: sent } = await referral('lagor.relais', 'mourenx.agent');
      const coordinator = 'cclo.coordination';
      expect(
        (
          await as(coordinator, 'POST', '/api/referrals', {
            applicantFileId: file.id,
            toOrganizationId: org['mourenx.agent'],
            reason: 'x',
          })
        ).status,
      ).toBe(403);
      expect((await as(coordinator, 'GET', '/api/referrals')).status).toBe(403);
      expect((await as(coordinator, 'GET', '/api/referrals/inbox-count')).status).toBe(403);
      expect((await as(coordinator, 'GET', `/api/referrals/${sent.id}`)).status).toBe(403);
      expect((await answer(coordinator, sent.id, { status: 'ACCEPTED' })).status).toBe(403);
      expect((await t.request('GET', '/api/referrals')).status).toBe(401);
    });
  });

  describe('listing', () => {
    it('pages newest first, filters by direction, status and file, and validates its parameters', async () => {
      const first = await referral('monein.relais', 'orthez.accueil');
      const second = await referral('monein.relais', 'orthez.ts');
      const third = await referral('monein.relais', 'orthez.accueil');
      await answer('orthez.accueil', third.referral.id, { status: 'ACCEPTED' });

      const all = await as<Page<ReferralView>>('monein.relais', 'GET', '/api/referrals?pageSize=2');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(all.body.items.map((r) => r.id)).toEqual([third.referral.id, second.referral.id]);
      const next = await as<Page<ReferralView>>('monein.relais', 'GET', '/api/referrals?pageSize=2&page=2');
      expect(next.body.items.map((r) => r.id)[0]).toBe(first.referral.id);
      expect(next.body.total).toBe(all.body.total);

      const inbox = await as<Page<ReferralView>>(
        'orthez.accueil',
        'GET',
        '/api/referrals?direction=received&status=SENT',
      );
      const inboxIds = inbox.body.items.map((r) => r.id);
      expect(inboxIds).toContain(first.referral.id);
      expect(inboxIds).not.toContain(third.referral.id);
      expect(inboxIds).not.toContain(second.referral.id);
      const byFile = await as<Page<ReferralView>>(
        'orthez.ts',
        'GET',
        `/api/referrals?applicantFileId=${second.file.id}`,
      );
      expect(byFile.body).toMatchObject({ total: 1, items: [{ id: second.referral.id }] });

      for (const query of [
        'direction=inbox',
        'status=OPEN',
        'applicantFileId=12',
        'pageSize=101',
        'sort=name',
      ]) {
        expect({
          query,
          status: (await as('monein.relais', 'GET', `/api/referrals?${query}`)).status,
        }).toEqual({
          query,
          status: 400,
        });
      }
      expect((await as('monein.relais', 'GET', '/api/referrals/inbox-count?x=1')).status).toBe(400);

      const statements = async (query: string) => {
        const before = t.queries.count;
        expect((await as('monein.relais', 'GET', `/api/referrals${query}`)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await statements('?pageSize=1')).toBe(await statements('?pageSize=100'));
    });
  });
});
