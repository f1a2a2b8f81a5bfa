import type { ApiError, ApplicantFileView, TimelineEventView } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile, registrableFile, sneNumber } from '@api/testing/builders';
import { LifecycleService } from './lifecycle.service';
import { RenewalJob } from './renewal.job';

describe('applicant files: lifecycle', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  const post = <T = ApplicantFileView>(who: string, path: string, version: number, body: unknown) =>
    t.request<T>('POST', path, { token: token[who], headers: { 'if-match': `"${version}"` }, body });

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of [
      'mourenx.agent',
      'orthez.accueil',
      'orthez.ts',
      'office64.bailleur',
      'bearnaise.bailleur',
      'lagor.relais',
    ]) {
      token[username] = (await t.login(username)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => t.clock.set('2026-06-15T10:00:00Z'));

  describe('registration', () => {
    it('registers a complete file: REGISTERED, due one year later, seniority set', async () => {
      const file = await createFile(t, token['mourenx.agent']!, registrableFile());
      const sne = sneNumber();
      const response = await post('mourenx.agent', `/api/applicant-files/${file.id}/registration`, 1, {
        sneNumber: sne,
        registeredOn: '2026-03-14',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({
        status: 'REGISTERED',
        sneNumber: sne,
        registeredOn: '2026-03-14',
        renewalDueOn: '2027-03-14',
        seniorityDate: '2026-03-14',
      });
    });

    it('refuses an incomplete file (409, saying what is missing), a second registration and a taken SNE number', async () => {
      const incomplete = await createFile(t, token['mourenx.agent']!, minimalFile());
      const refused = await post<ApiError>(
        'mourenx.agent',
        `/api/applicant-files/${incomplete.id}/registration`,
        1,
        { sneNumber: sneNumber(), registeredOn: '2026-06-01' },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.details).toEqual(
        expect.arrayContaining([{ field: 'wishes.communes', message: 'Communes souhaitées' }]),
      );

      const registered = await registeredFile(t, token['mourenx.agent']!);
      expect(
        (
          await post(
            'mourenx.agent',
            `/api/applicant-files/${registered.id}/registration`,
            registered.version,
            { sneNumber: sneNumber(), registeredOn: '2026-06-01' },
          )
        ).status,
      ).toBe(409);

      const other = await createFile(t, token['mourenx.agent']!, registrableFile());
      const taken = await post<ApiError>(
        'mourenx.agent',
        `/api/applicant-files/${other.id}/registration`,
        1,
        { sneNumber: registered.sneNumber, registeredOn: '2026-06-01' },
      );
      expect(taken.status).toBe(409);
      expect(taken.body.message).toContain('SNE number');
      const unchanged = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${other.id}`, {
        token: token['mourenx.agent'],
      });
      expect(unchanged.body).toMatchObject({ status: 'CONTACT', version: 1, sneNumber: null });
    });

    it('checks the SNE number format and the dates', async () => {
      const file = await createFile(t, token['mourenx.agent']!, registrableFile());
      const path = `/api/applicant-files/${file.id}/registration`;
      expect(
        (await post('mourenx.agent', path, 1, { sneNumber: 'abc', registeredOn: '2026-06-01' })).status,
      ).toBe(400);
      expect(
        (await post('mourenx.agent', path, 1, { sneNumber: '064 0226 0001', registeredOn: '2026-06-01' }))
          .status,
      ).toBe(400);
      expect(
        (await post('mourenx.agent', path, 1, { sneNumber: sneNumber(), registeredOn: '2026-06-16' })).status,
      ).toBe(400);
      expect(
        (await post('mourenx.agent', path, 1, { sneNumber: sneNumber(), registeredOn: '2025-06-15' })).status,
      ).toBe(400);
      expect((await post('mourenx.agent', path, 1, { sneNumber: sneNumber() })).status).toBe(400);
    });

    it('lets only registering organisations register (Orthez may not), and needs If-Match', async () => {
      const file = await createFile(t, token['mourenx.agent']!, registrableFile());
      const path = `/api/applicant-files/${file.id}/registration`;
      const body = { sneNumber: sneNumber(), registeredOn: '2026-06-01' };
      expect((await post('orthez.accueil', path, 1, body)).status).toBe(403);
      expect((await post('orthez.ts', path, 1, body)).status).toBe(403);
      expect((await t.request('POST', path, { token: token['mourenx.agent'], body })).status).toBe(428);
      expect((await post('mourenx.agent', path, 9, body)).status).toBe(412);
      // A landlord registers files it was given (own) — not someone else's contact file.
      expect((await post('office64.bailleur', path, 1, body)).status).toBe(404);
      const landlordFile = await createFile(t, token['office64.bailleur']!, registrableFile());
      expect(
        (await post('office64.bailleur', `/api/applicant-files/${landlordFile.id}/registration`, 1, body))
          .status,
      ).toBe(200);
    });

    it('puts a demand registered eleven months ago straight into RENEWAL_DUE', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!, '2025-07-10');
      expect(file).toMatchObject({ status: 'RENEWAL_DUE', renewalDueOn: '2026-07-10' });
    });
  });

  describe('renewal', () => {
    it('renews for one more year from the renewal date; the seniority date never changes', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!, '2025-07-10');
      const renewed = await post(
        'office64.bailleur',
        `/api/applicant-files/${file.id}/renewal`,
        file.version,
        { renewedOn: '2026-06-12' },
      );
      expect(renewed.status).toBe(200);
      expect(renewed.body).toMatchObject({
        status: 'REGISTERED',
        registeredOn: '2025-07-10',
        seniorityDate: '2025-07-10',
        renewalDueOn: '2027-06-12',
      });
    });

    it('turns 29 February into 28 February', async () => {
      t.clock.set('2028-03-01T09:00:00Z');
      const file = await registeredFile(t, token['mourenx.agent']!, '2028-02-29');
      expect(file.renewalDueOn).toBe('2029-02-28');
    });

    it('refuses to renew a demand that is not registered, or before its last date', async () => {
      const contact = await createFile(t, token['mourenx.agent']!, registrableFile());
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${contact.id}/renewal`, 1, {
            renewedOn: '2026-06-01',
          })
        ).status,
      ).toBe(409);
      const file = await registeredFile(t, token['mourenx.agent']!, '2026-05-01');
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${file.id}/renewal`, file.version, {
            renewedOn: '2026-04-30',
          })
        ).status,
      ).toBe(400);
    });
  });

  describe('closure and partner events', () => {
    it('closes with a reason; a closed demand accepts no further transition (409)', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!);
      const closed = await post('mourenx.agent', `/api/applicant-files/${file.id}/closure`, file.version, {
        reason: 'WITHDRAWN',
        closedOn: '2026-06-10',
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'CLOSED',
        closure: { reason: 'WITHDRAWN', closedOn: '2026-06-10' },
      });
      const v = closed.body.version;
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${file.id}/renewal`, v, {
            renewedOn: '2026-06-11',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${file.id}/closure`, v, {
            reason: 'WITHDRAWN',
            closedOn: '2026-06-11',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${file.id}/events`, v, {
            type: 'NOTE',
            occurredOn: '2026-06-11',
            details: 'x',
          })
        ).status,
      ).toBe(409);
    });

    it('follows the rules of each reason', async () => {
      const contact = await createFile(t, token['mourenx.agent']!, registrableFile());
      const path = `/api/applicant-files/${contact.id}/closure`;
      expect(
        (await post('mourenx.agent', path, 1, { reason: 'NO_REPLY', closedOn: '2026-06-10' })).status,
      ).toBe(409);
      expect(
        (await post('mourenx.agent', path, 1, { reason: 'HOUSED', closedOn: '2026-06-10' })).status,
      ).toBe(409);
      expect((await post('mourenx.agent', path, 1, { reason: 'LOST', closedOn: '2026-06-10' })).status).toBe(
        400,
      );
      const registered = await registeredFile(t, token['mourenx.agent']!);
      expect(
        (
          await post('mourenx.agent', `/api/applicant-files/${registered.id}/closure`, registered.version, {
            reason: 'NOT_RENEWED',
            closedOn: '2026-06-10',
          })
        ).status,
      ).toBe(409);
    });

    it('closes a duplicate as MERGED with a link that the kept file shows', async () => {
      const kept = await registeredFile(t, token['mourenx.agent']!);
      const duplicate = await createFile(t, token['mourenx.agent']!, minimalFile());
      const path = `/api/applicant-files/${duplicate.id}/closure`;
      const missing = await post<ApiError>('mourenx.agent', path, 1, {
        reason: 'MERGED',
        closedOn: '2026-06-10',
      });
      expect(missing.status).toBe(400);
      expect(new Set(missing.body.details?.map((d) => d.field))).toEqual(new Set(['keptFileId']));
      expect(
        (
          await post('mourenx.agent', path, 1, {
            reason: 'MERGED',
            closedOn: '2026-06-10',
            keptFileId: duplicate.id,
          })
        ).status,
      ).toBe(400);
      const merged = await post('mourenx.agent', path, 1, {
        reason: 'MERGED',
        closedOn: '2026-06-10',
        keptFileId: kept.id,
      });
      expect(merged.status).toBe(200);
      expect(merged.body.closure).toEqual({ reason: 'MERGED', closedOn: '2026-06-10', keptFileId: kept.id });
      const keptNow = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${kept.id}`, {
        token: token['mourenx.agent'],
      });
      expect(keptNow.body.mergedFileIds).toEqual([duplicate.id]);
      expect(keptNow.body.status).toBe('REGISTERED');
    });

    it('records partner events; a landlord’s signed lease closes the file as HOUSED', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!);
      const events = `/api/applicant-files/${file.id}/events`;
      const offer = await post<TimelineEventView>('office64.bailleur', events, file.version, {
        type: 'OFFER_MADE',
        occurredOn: '2026-06-01',
        details: 'T2 à Mourenx, résidence Les Pins',
      });
      expect(offer.status).toBe(201);
      expect(offer.body).toMatchObject({
        type: 'OFFER_MADE',
        details: { occurredOn: '2026-06-01', details: 'T2 à Mourenx, résidence Les Pins' },
      });
      let version = Number(offer.headers.get('etag')?.replace(/"/g, ''));
      expect(
        (
          await post('office64.bailleur', events, version, {
            type: 'OFFER_REFUSED',
            occurredOn: '2026-06-02',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await post('office64.bailleur', events, version, {
            type: 'COMMISSION_DECISION',
            occurredOn: '2026-06-02',
          })
        ).status,
      ).toBe(400);
      expect(
        (await post('mourenx.agent', events, version, { type: 'LEASE_SIGNED', occurredOn: '2026-06-05' }))
          .status,
      ).toBe(403);
      expect(
        (await post('orthez.ts', events, version, { type: 'OFFER_MADE', occurredOn: '2026-06-05' })).status,
      ).toBe(403);
      const note = await post('orthez.ts', events, version, {
        type: 'NOTE',
        occurredOn: '2026-06-05',
        details: 'Rappelée',
      });
      expect(note.status).toBe(201);
      version = Number(note.headers.get('etag')?.replace(/"/g, ''));
      const lease = await post('office64.bailleur', events, version, {
        type: 'LEASE_SIGNED',
        occurredOn: '2026-06-12',
      });
      expect(lease.status).toBe(201);
      const housed = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['mourenx.agent'],
      });
      expect(housed.body).toMatchObject({
        status: 'CLOSED',
        closure: { reason: 'HOUSED', closedOn: '2026-06-12' },
      });
      const timeline = await t.request<{ items: TimelineEventView[] }>(
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
        { token: token['office64.bailleur'] },
      );
      expect(timeline.body.items.map((e) => e.type)).toEqual([
        'CLOSED',
        'LEASE_SIGNED',
        'NOTE',
        'OFFER_MADE',
        'REGISTERED',
        'FILE_CREATED',
      ]);
    });
  });

  describe('renewal calendar (daily job)', () => {
    it('marks RENEWAL_DUE one month before, closes as NOT_RENEWED after the due date, and is idempotent', async () => {
      t.clock.set('2025-08-05T08:00:00Z');
      const endOfMonth = await registeredFile(t, token['mourenx.agent']!, '2025-07-31');
      expect(endOfMonth.renewalDueOn).toBe('2026-07-31');
      const job = t.app.get(RenewalJob);
      const lifecycle = t.app.get(LifecycleService);
      const statusOf = async () =>
        (
          await t.request<ApplicantFileView>('GET', `/api/applicant-files/${endOfMonth.id}`, {
            token: token['mourenx.agent'],
          })
        ).body;

      // 29 June 2026 in Paris: not yet (one month before 31 July is 30 June).
      t.clock.set('2026-06-29T21:59:00Z');
      await job.run();
      expect((await statusOf()).status).toBe('REGISTERED');
      // 22:00 UTC on 29 June is already 30 June in Paris.
      t.clock.set('2026-06-29T22:00:00Z');
      const first = await job.run();
      expect(first?.renewalDue).toBeGreaterThanOrEqual(1);
      expect((await statusOf()).status).toBe('RENEWAL_DUE');
      const again = await t.app.get(RenewalJob).run();
      expect(again).toEqual({ renewalDue: 0, notRenewed: 0 });

      t.clock.set('2026-08-01T10:00:00Z');
      await job.run();
      expect(await statusOf()).toMatchObject({
        status: 'CLOSED',
        closure: { reason: 'NOT_RENEWED', closedOn: '2026-07-31' },
      });
      const timeline = await t.request<{ items: TimelineEventView[] }>(
        'GET',
        `/api/applicant-files/${endOfMonth.id}/timeline`,
        { token: token['mourenx.agent'] },
      );
      expect(timeline.body.items.slice(0, 2).map((e) => [e.type, e.actor])).toEqual([
        ['CLOSED', undefined],
        ['RENEWAL_DUE', undefined],
      ]);
      expect(lifecycle).toBeDefined();
    });
  });
});
