import type {
  ApiError,
  ApplicantFileView,
  CreatedApplicantFile,
  PossibleDuplicate,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { createFile, minimalFile, registeredFile, registrableFile } from '@api/testing/builders';

describe('applicant files: create, read, update, duplicates', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of [
      'mourenx.agent',
      'orthez.accueil',
      'orthez.ts',
      'lagor.relais',
      'monein.relais',
      'office64.bailleur',
      'cclo.coordination',
    ]) {
      token[username] = (await t.login(username)).accessToken;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  describe('creation', () => {
    it('creates a file from names and birth date only, and says what is missing', async () => {
      const response = await t.request<CreatedApplicantFile>('POST', '/api/applicant-files', {
        token: token['mourenx.agent'],
        body: { applicant: { lastName: 'Lacoste', firstNames: 'Sylvie', birthDate: '1985-04-12' } },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/applicant-files/${response.body.id}`);
      expect(response.body).toMatchObject({ status: 'CONTACT', version: 1, possibleDuplicates: [] });
      expect(response.body.completeness?.registration.complete).toBe(false);
      expect(response.body.completeness?.registration.missing.map((m) => m.field)).toContain(
        'wishes.communes',
      );
      const stored = await t.dataSource.query(
        `SELECT f.sort_name, f.name_words, o.code FROM applicant_file f
           JOIN file_organization l ON l.applicant_file_id = f.id JOIN organization o ON o.id = l.organization_id
          WHERE f.id = $1`,
        [response.body.id],
      );
      expect(stored).toEqual([
        { sort_name: 'lacoste sylvie', name_words: ['lacoste', 'sylvie'], code: 'INFO_POINT_MOURENX' },
      ]);
    });

    it('refuses invalid input with 400 and details, and stores nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM applicant_file');
      const cases: [unknown, string][] = [
        [{ applicant: { lastName: 'A', firstNames: 'B' } }, 'applicant.birthDate'],
        [{ applicant: { lastName: 'A', firstNames: 'B', birthDate: '2025-02-29' } }, 'applicant.birthDate'],
        [{ applicant: { lastName: 'A', firstNames: 'B', birthDate: '2090-01-01' } }, 'applicant.birthDate'],
        [{ ...minimalFile(), status: 'REGISTERED' }, 'status'],
        [
          {
            ...minimalFile(),
            wishes: {
              communes: ['64430', '64410', '64300', '64301', '64393', '64019', '64061', '64073', '64138'],
            },
          },
          'wishes.communes',
        ],
        [{ ...minimalFile(), wishes: { communes: ['75056'] } }, 'wishes.communes'],
        [
          {
            ...minimalFile(),
            resources: { incomes: [{ person: 'CO_APPLICANT', type: 'SALARY', monthlyAmount: 1200 }] },
          },
          'resources.incomes.0.person',
        ],
        [{ ...minimalFile(), reasons: { codes: ['TOO_SMALL'], main: 'HOSTED' } }, 'reasons.main'],
        [{ ...minimalFile(), wishes: { typologies: ['T9'] } }, 'wishes.typologies'],
      ];
      for (const [body, field] of cases) {
        const response = await t.request<ApiError>('POST', '/api/applicant-files', {
          token: token['mourenx.agent'],
          body,
        });
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.details?.map((d) => d.field)).toContain(field);
      }
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM applicant_file')).toEqual(before);
    });

    it('lets a relay clerk record identity and contact only', async () => {
      const ok = await t.request<CreatedApplicantFile>('POST', '/api/applicant-files', {
        token: token['lagor.relais'],
        body: { ...minimalFile(), contact: { phone: '06 12 34 56 78', inseeCode: '64301' } },
      });
      expect(ok.status).toBe(201);
      expect(Object.keys(ok.body).sort()).toEqual(
        [
          'applicant',
          'contact',
          'createdAt',
          'id',
          'possibleDuplicates',
          'status',
          'updatedAt',
          'version',
        ].sort(),
      );
      const refused = await t.request<ApiError>('POST', '/api/applicant-files', {
        token: token['lagor.relais'],
        body: { ...minimalFile(), wishes: { typologies: ['T2'] } },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        { field: 'wishes.typologies', message: 'wishes.typologies is not writable by your role' },
      ]);
    });

    it('refuses creation to the coordinator', async () => {
      expect(
        (
          await t.request('POST', '/api/applicant-files', {
            token: token['cclo.coordination'],
            body: minimalFile(),
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('duplicates', () => {
    it('always creates, and names the files that look like the same person within the caller’s scope', async () => {
      const first = await createFile(
        t,
        token['mourenx.agent']!,
        minimalFile({ lastName: 'Dupré-Ménard', firstNames: 'Marie', birthDate: '1979-11-03' }),
      );
      const twin = await createFile(
        t,
        token['mourenx.agent']!,
        minimalFile({ lastName: 'Dupré-Ménard', firstNames: 'Jeanne', birthDate: '1979-11-03' }),
      );
      const second = await createFile(
        t,
        token['orthez.accueil']!,
        minimalFile({ lastName: 'DUPRE MENARD', firstNames: 'marie anne', birthDate: '1979-11-03' }),
      );
      expect(second.possibleDuplicates).toEqual([first.id]);
      expect(second.possibleDuplicates).not.toContain(twin.id);

      const listed = await t.request<PossibleDuplicate[]>(
        'GET',
        `/api/applicant-files/${first.id}/duplicates`,
        { token: token['orthez.ts'] },
      );
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([
        expect.objectContaining({
          id: second.id,
          lastName: 'DUPRE MENARD',
          birthDate: '1979-11-03',
          matchedOn: ['BIRTH_DATE_AND_NAME'],
        }),
      ]);

      // A relay clerk's creation succeeds without revealing anything.
      const fromRelay = await createFile(
        t,
        token['lagor.relais']!,
        minimalFile({ lastName: 'Dupre-Menard', firstNames: 'Marie', birthDate: '1979-11-03' }),
      );
      expect(fromRelay.possibleDuplicates).toEqual([]);
      expect(
        (
          await t.request('GET', `/api/applicant-files/${fromRelay.id}/duplicates`, {
            token: token['lagor.relais'],
          })
        ).status,
      ).toBe(403);

      // A landlord sees only duplicates among shared files and its own.
      const landlordFile = await createFile(
        t,
        token['office64.bailleur']!,
        minimalFile({ lastName: 'Dupré Ménard', firstNames: 'Marie', birthDate: '1979-11-03' }),
      );
      expect(landlordFile.possibleDuplicates).toEqual([]);
    });

    it('matches a co-applicant of another file', async () => {
      const couple = await createFile(t, token['mourenx.agent']!, {
        ...minimalFile({ lastName: 'Haurat', firstNames: 'Louis', birthDate: '1970-01-20' }),
        coApplicant: { lastName: 'Béguerie', firstNames: 'Odile', birthDate: '1972-08-08' },
      });
      const alone = await createFile(
        t,
        token['mourenx.agent']!,
        minimalFile({ lastName: 'Beguerie', firstNames: 'Odile', birthDate: '1972-08-08' }),
      );
      expect(alone.possibleDuplicates).toEqual([couple.id]);
    });
  });

  describe('reading', () => {
    it('shows each role what ACCESS.md gives it, fields absent rather than null', async () => {
      const file = await createFile(t, token['lagor.relais']!, {
        applicant: { lastName: 'Larrieu', firstNames: 'Paul', birthDate: '1960-02-02', civility: 'MR' },
        contact: { phone: '05 59 00 00 01', inseeCode: '64301' },
      });
      await t.request('PATCH', `/api/applicant-files/${file.id}`, {
        token: token['mourenx.agent'],
        headers: { 'if-match': '"1"' },
        body: { wishes: { typologies: ['T3'] }, applicant: { nationality: 'FRENCH' } },
      });
      const agent = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['orthez.accueil'],
      });
      expect(agent.status).toBe(200);
      expect(agent.headers.get('etag')).toBe('"2"');
      expect(agent.body).toMatchObject({
        wishes: { typologies: ['T3'] },
        completeness: expect.any(Object),
        priority: { isPriority: false, criteria: [] },
      });

      const relay = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['lagor.relais'],
      });
      expect(Object.keys(relay.body).sort()).toEqual(
        ['applicant', 'contact', 'createdAt', 'id', 'status', 'updatedAt', 'version'].sort(),
      );
      expect(relay.body.applicant).toEqual({
        lastName: 'Larrieu',
        firstNames: 'Paul',
        birthDate: '1960-02-02',
        civility: 'MR',
        // Written by the info-point agent: identity, which the relay clerk reads too.
        nationality: 'FRENCH',
      });

      const coordinator = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['cclo.coordination'],
      });
      expect(coordinator.body.wishes).toBeUndefined();
      expect(coordinator.body.contact).toBeUndefined();
      expect(coordinator.body.completeness).toBeUndefined();
      expect(coordinator.body).toMatchObject({
        status: 'CONTACT',
        sneNumber: null,
        applicant: { lastName: 'Larrieu' },
      });

      // Out of scope answers 404, like a missing file.
      expect(
        (await t.request('GET', `/api/applicant-files/${file.id}`, { token: token['monein.relais'] })).status,
      ).toBe(404);
      expect(
        (await t.request('GET', `/api/applicant-files/${file.id}`, { token: token['office64.bailleur'] }))
          .status,
      ).toBe(404);
      expect(
        (
          await t.request('GET', '/api/applicant-files/00000000-0000-4000-8000-000000000000', {
            token: token['mourenx.agent'],
          })
        ).status,
      ).toBe(404);
      expect(
        (await t.request('GET', '/api/applicant-files/not-a-uuid', { token: token['mourenx.agent'] })).status,
      ).toBe(400);
    });

    it('shares registered files with landlords', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!);
      const landlord = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['office64.bailleur'],
      });
      expect(landlord.status).toBe(200);
      expect(landlord.body.status).toBe('REGISTERED');
      expect(landlord.body.priority).toEqual({ isPriority: false, criteria: [] });
    });

    it('keeps the number of SQL statements of a read fixed, whatever the size of the file', async () => {
      const small = await createFile(t, token['mourenx.agent']!, minimalFile());
      const big = await createFile(t, token['mourenx.agent']!, {
        ...registrableFile(),
        householdMembers: Array.from({ length: 25 }, (_, i) => ({
          kind: 'DEPENDANT' as const,
          firstNames: `Enfant ${i}`,
          birthDate: '2015-01-01',
        })),
        resources: {
          incomes: Array.from({ length: 40 }, () => ({
            person: 'APPLICANT',
            type: 'SALARY' as const,
            monthlyAmount: 100,
          })),
        },
      });
      const count = async (id: string) => {
        const before = t.queries.count;
        expect(
          (await t.request('GET', `/api/applicant-files/${id}`, { token: token['mourenx.agent'] })).status,
        ).toBe(200);
        return t.queries.count - before;
      };
      const forSmall = await count(small.id);
      expect(await count(big.id)).toBe(forSmall);
      // The session check (its keep-alive in the same statement), the file with its audit entry.
      expect(forSmall).toBeLessThanOrEqual(2);
    });
  });

  describe('merge patch with If-Match', () => {
    it('needs If-Match (428), refuses a stale one (412) and changes nothing then', async () => {
      const file = await createFile(t, token['mourenx.agent']!, registrableFile());
      const path = `/api/applicant-files/${file.id}`;
      expect(
        (
          await t.request('PATCH', path, {
            token: token['mourenx.agent'],
            body: { contact: { phone: '0600000000' } },
          })
        ).status,
      ).toBe(428);
      expect(
        (
          await t.request('PATCH', path, {
            token: token['mourenx.agent'],
            headers: { 'if-match': '"7"' },
            body: { contact: { phone: '0600000000' } },
          })
        ).status,
      ).toBe(412);
      const unchanged = await t.request<ApplicantFileView>('GET', path, { token: token['mourenx.agent'] });
      expect(unchanged.body.version).toBe(1);
      expect(unchanged.body.contact?.phone).toBe('05 59 60 00 00');
    });

    it('merges objects, replaces arrays, clears with null', async () => {
      const file = await createFile(t, token['mourenx.agent']!, registrableFile());
      const response = await t.request<ApplicantFileView>('PATCH', `/api/applicant-files/${file.id}`, {
        token: token['orthez.ts'],
        headers: { 'if-match': `"${file.version}"` },
        body: {
          contact: { address: { line2: 'Bâtiment B' }, phone: null, email: 'camille@example.org' },
          wishes: { communes: ['64300'] },
        },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body.contact).toEqual({
        email: 'camille@example.org',
        address: { line1: '12 rue du Pont-Vieux', line2: 'Bâtiment B', postcode: '64300', city: 'Orthez' },
        inseeCode: '64430',
      });
      expect(response.body.wishes).toEqual({ typologies: ['T2'], communes: ['64300'] });
    });

    it('refuses read-only fields, unknown fields and an invalid result with 400', async () => {
      const file = await createFile(t, token['mourenx.agent']!, minimalFile());
      const patch = (body: unknown) =>
        t.request<ApiError>('PATCH', `/api/applicant-files/${file.id}`, {
          token: token['mourenx.agent'],
          headers: { 'if-match': '"1"' },
          body,
        });
      expect((await patch({ status: 'CLOSED' })).body.details).toEqual([
        { field: 'status', message: 'status is read-only' },
      ]);
      expect((await patch({ nickname: 'x' })).status).toBe(400);
      expect((await patch({ applicant: { lastName: null } })).body.details?.map((d) => d.field)).toContain(
        'applicant.lastName',
      );
      expect((await patch({ applicant: null })).status).toBe(400);
      expect((await patch([1, 2])).status).toBe(400);
      expect(
        (
          await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
            token: token['mourenx.agent'],
          })
        ).body.version,
      ).toBe(1);
    });

    it('lets exactly one of two concurrent edits with the same If-Match win', async () => {
      const file = await createFile(t, token['mourenx.agent']!, minimalFile());
      const edit = (phone: string, who: string) =>
        t.request('PATCH', `/api/applicant-files/${file.id}`, {
          token: token[who],
          headers: { 'if-match': '"1"' },
          body: { contact: { phone } },
        });
      const results = await Promise.all([
        edit('0600000001', 'mourenx.agent'),
        edit('0600000002', 'orthez.accueil'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200);
      const stored = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${file.id}`, {
        token: token['mourenx.agent'],
      });
      expect(stored.body.version).toBe(2);
      expect(stored.body.contact?.phone).toBe((winner?.body as ApplicantFileView).contact?.phone);
    });

    it('lets a relay clerk edit identity and contact of its own CONTACT file only', async () => {
      const file = await createFile(t, token['lagor.relais']!, minimalFile());
      const path = `/api/applicant-files/${file.id}`;
      const ok = await t.request<ApplicantFileView>('PATCH', path, {
        token: token['lagor.relais'],
        headers: { 'if-match': '"1"' },
        body: { contact: { phone: '0612345678' } },
      });
      expect(ok.status).toBe(200);
      const other = await t.request<ApiError>('PATCH', path, {
        token: token['lagor.relais'],
        headers: { 'if-match': '"2"' },
        body: { currentHousing: { status: 'HOMELESS' } },
      });
      expect(other.status).toBe(400);
      expect(
        (
          await t.request('PATCH', path, {
            token: token['monein.relais'],
            headers: { 'if-match': '"2"' },
            body: { contact: { phone: '0611111111' } },
          })
        ).status,
      ).toBe(404);
      // Once the demand is registered, the relay clerk may no longer change it.
      await t.request('PATCH', path, {
        token: token['mourenx.agent'],
        headers: { 'if-match': '"2"' },
        body: registrableFile(),
      });
      const registered = await t.request<ApplicantFileView>('POST', `${path}/registration`, {
        token: token['mourenx.agent'],
        headers: { 'if-match': '"3"' },
        body: { sneNumber: '0640226000012345', registeredOn: '2026-06-01' },
      });
      expect(registered.status).toBe(200);
      expect(
        (
          await t.request('PATCH', path, {
            token: token['lagor.relais'],
            headers: { 'if-match': '"4"' },
            body: { contact: { phone: '0600000000' } },
          })
        ).status,
      ).toBe(403);
    });

    it('writes each change on the timeline, newest first, in the same transaction', async () => {
      const file = await createFile(t, token['mourenx.agent']!, minimalFile({ lastName: 'Casenave' }));
      await t.request('PATCH', `/api/applicant-files/${file.id}`, {
        token: token['orthez.ts'],
        headers: { 'if-match': '"1"' },
        body: { applicant: { lastName: 'Casenave-Puyau' }, contact: { phone: '0559000000' } },
      });
      const timeline = await t.request<{
        items: {
          type: string;
          actor?: { displayName?: string; organizationName?: string };
          changes?: unknown[];
        }[];
        total: number;
      }>('GET', `/api/applicant-files/${file.id}/timeline`, { token: token['mourenx.agent'] });
      expect(timeline.status).toBe(200);
      expect(timeline.body.total).toBe(2);
      expect(timeline.body.items.map((e) => e.type)).toEqual(['FILE_UPDATED', 'FILE_CREATED']);
      expect(timeline.body.items[0]).toMatchObject({
        actor: { displayName: 'Maïté Bordenave', organizationName: "CCAS d'Orthez" },
        changes: [
          { field: 'applicant.lastName', before: 'Casenave', after: 'Casenave-Puyau' },
          { field: 'contact.phone', before: null, after: '0559000000' },
        ],
      });
      const relay = await t.request<{ items: unknown[] }>('GET', `/api/applicant-files/${file.id}/timeline`, {
        token: token['lagor.relais'],
      });
      expect(relay.status).toBe(404);
      expect(
        (
          await t.request('GET', `/api/applicant-files/${file.id}/timeline`, {
            token: token['cclo.coordination'],
          })
        ).status,
      ).toBe(403);
    });
  });
});
