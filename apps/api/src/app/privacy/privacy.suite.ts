import { randomUUID } from 'node:crypto';
import type { ApplicantFileView, Page, TimelineEventView } from '@passerelle/shared/domain';
import { DocumentStorage } from '@api/platform/storage/document-storage';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { type StorageKind, type TestDocumentStore, testDocumentStore } from '@api/testing/document-store';
import { registeredFile, registrableFile } from '@api/testing/builders';
import type { PersonalDataExport } from './privacy.service';
import { PrivacyService } from './privacy.service';

/**
 * Right of access and anonymisation, whatever holds the documents' bytes: privacy.int-spec.ts
 * runs it on disk, privacy-s3.int-spec.ts on a real S3 server's bucket.
 */
export function describePrivacy(kind: StorageKind): void {
  describe(`personal data (${kind})`, () => {
    let t: TestApp;
    let store: TestDocumentStore;
    const token: Record<string, string> = {};

    beforeAll(async () => {
      store = await testDocumentStore(kind);
      t = await startTestApp(store.overrides);
      for (const username of ['mourenx.agent', 'orthez.ts', 'cclo.coordination', 'lagor.relais']) {
        token[username] = (await t.login(username)).accessToken;
      }
    });

    afterAll(async () => {
      await t.close();
      await store.close();
    });

    beforeEach(() => t.clock.set('2026-06-15T10:00:00Z'));

    /** A document stored the way the documents context stores one. */
    async function storeDocument(fileId: string, bytes: Buffer): Promise<string> {
      const key = randomUUID();
      await t.app.get(DocumentStorage).put(key, bytes);
      const [user] = (await t.dataSource.query(
        `SELECT id, organization_id FROM app_user WHERE username = 'orthez.ts'`,
      )) as {
        id: string;
        organization_id: string;
      }[];
      await t.dataSource.query(
        `INSERT INTO supporting_document (applicant_file_id, type, person_id, status, sensitive, storage_key, file_name, media_type,
         size_bytes, sha256, uploaded_by_user_id, uploaded_by_organization_id)
       VALUES ($1, 'MEDICAL_CERTIFICATE', 'APPLICANT', 'PROVIDED', true, $2, 'certificat.pdf', 'application/pdf', $3, $4, $5, $6)`,
        [fileId, key, bytes.length, 'a'.repeat(64), user!.id, user!.organization_id],
      );
      return key;
    }

    async function fileWithCaseWork(
      lastName: string,
      registeredOn = '2026-03-02',
    ): Promise<ApplicantFileView> {
      const file = await registeredFile(
        t,
        token['mourenx.agent']!,
        registeredOn,
        registrableFile({ applicant: { ...registrableFile().applicant, lastName } }),
      );
      await t.request('POST', `/api/applicant-files/${file.id}/evaluations`, {
        token: token['orthez.ts'],
        body: { kind: 'SOCIAL', notes: `Notes sociales ${lastName}` },
      });
      const flag = await t.request<{ id: string }>(
        'POST',
        `/api/applicant-files/${file.id}/fragility-flags`,
        {
          token: token['orthez.ts'],
          body: { criterion: 'UNFIT_HOUSING', note: `Moisissures chez ${lastName}` },
        },
      );
      await t.request('PATCH', `/api/fragility-flags/${flag.body.id}`, {
        token: token['orthez.ts'],
        body: { status: 'CONFIRMED', note: 'Vu' },
      });
      return file;
    }

    it('exports everything held about an applicant for the coordinator, audited as EXPORT', async () => {
      const file = await fileWithCaseWork('Exportée');
      await storeDocument(file.id, Buffer.from('%PDF-1.4 certificat %%EOF'));
      const json = await t.request<PersonalDataExport>('GET', `/api/applicant-files/${file.id}/export`, {
        token: token['cclo.coordination'],
      });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toContain('attachment');
      expect(json.body.file.applicant?.lastName).toBe('Exportée');
      expect(json.body.evaluations.map((e) => e['notes'])).toEqual(['Notes sociales Exportée']);
      expect(json.body.fragilityFlags[0]).toMatchObject({
        criterion: 'UNFIT_HOUSING',
        suspicion_note: 'Moisissures chez Exportée',
        decision_note: 'Vu',
      });
      expect(Buffer.from(String(json.body.documents[0]?.['contentBase64']), 'base64').toString()).toBe(
        '%PDF-1.4 certificat %%EOF',
      );
      expect(json.body.timeline.map((e) => e['type'])).toEqual(
        expect.arrayContaining(['FILE_CREATED', 'REGISTERED', 'SOCIAL_EVALUATION', 'FLAG_CONFIRMED']),
      );

      const html = await t.request('GET', `/api/applicant-files/${file.id}/export?format=html`, {
        token: token['cclo.coordination'],
      });
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(html.text).toContain('<html lang="fr">');
      expect(html.text).toContain('Données personnelles détenues par Passerelle');
      expect(html.text).toContain('Exportée');
      expect(html.text).toContain('Notes sociales Exportée');

      const audit = await t.request<Page<{ action: string }>>(
        'GET',
        `/api/audit-entries?applicantFileId=${file.id}&action=EXPORT`,
        {
          token: token['cclo.coordination'],
        },
      );
      expect(audit.body.total).toBe(2);
      expect(
        (await t.request('GET', `/api/applicant-files/${file.id}/export`, { token: token['orthez.ts'] }))
          .status,
      ).toBe(403);
    });

    it('escapes what users typed in the readable export', async () => {
      const file = await registeredFile(
        t,
        token['mourenx.agent']!,
        '2026-03-02',
        registrableFile({
          applicant: { ...registrableFile().applicant, lastName: '<script>alert(1)</script>' },
        }),
      );
      const html = await t.request('GET', `/api/applicant-files/${file.id}/export?format=html`, {
        token: token['cclo.coordination'],
      });
      expect(html.text).not.toContain('<script>alert(1)</script>');
      expect(html.text).toContain('&lt;script&gt;');
    });

    it('records the information notice given to the applicant', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!);
      const path = `/api/applicant-files/${file.id}/information-notice`;
      expect(
        (await t.request('POST', path, { token: token['mourenx.agent'], body: { givenOn: '2026-06-16' } }))
          .status,
      ).toBe(400);
      const given = await t.request<ApplicantFileView>('POST', path, {
        token: token['mourenx.agent'],
        body: { givenOn: '2026-06-15' },
      });
      expect(given.status).toBe(200);
      expect(given.body.informationNoticeGivenOn).toBe('2026-06-15');
      const timeline = await t.request<Page<TimelineEventView>>(
        'GET',
        `/api/applicant-files/${file.id}/timeline`,
        { token: token['mourenx.agent'] },
      );
      expect(timeline.body.items[0]).toMatchObject({
        type: 'INFORMATION_NOTICE_GIVEN',
        details: { givenOn: '2026-06-15' },
      });
      expect(
        (
          await t.request('POST', path, {
            token: token['cclo.coordination'],
            body: { givenOn: '2026-06-15' },
          })
        ).status,
      ).toBe(403);
    });

    it('anonymises files closed more than a year ago, keeping what statistics need, once', async () => {
      t.clock.set('2025-03-10T10:00:00Z');
      const old = await fileWithCaseWork('Ancienne', '2025-03-02');
      const recent = await fileWithCaseWork('Récente', '2025-03-02');
      const key = await storeDocument(old.id, Buffer.from('%PDF-1.4 vieux %%EOF'));
      expect(await store.keys()).toContain(key);
      const close = (file: ApplicantFileView, closedOn: string) =>
        t.request('POST', `/api/applicant-files/${file.id}/closure`, {
          token: token['mourenx.agent'],
          headers: { 'if-match': `"${file.version}"` },
          body: { reason: 'WITHDRAWN', closedOn },
        });
      t.clock.set('2025-05-05T10:00:00Z');
      expect((await close(old, '2025-05-01')).status).toBe(200);
      t.clock.set('2025-08-10T10:00:00Z');
      expect((await close(recent, '2025-08-01')).status).toBe(200);

      t.clock.set('2026-06-15T10:00:00Z');
      const privacy = t.app.get(PrivacyService);
      expect(await privacy.anonymiseDue()).toBe(1);
      expect(await privacy.anonymiseDue()).toBe(0);

      const read = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${old.id}`, {
        token: token['mourenx.agent'],
      });
      expect(read.body).toMatchObject({
        anonymised: true,
        status: 'CLOSED',
        closure: { reason: 'WITHDRAWN', closedOn: '2025-05-01' },
        sneNumber: null,
      });
      expect(read.body.applicant).toEqual({ lastName: '', firstNames: '', birthDate: '' });
      expect(read.body.wishes).toEqual({ typologies: ['T2'], communes: ['64430', '64410'] });
      expect(read.body.contact).toEqual({ inseeCode: '64430' });
      expect(read.body.registeredOn).toBe('2025-03-02');
      const stored = JSON.stringify(
        await t.dataSource.query('SELECT * FROM applicant_file WHERE id = $1', [old.id]),
      );
      expect(stored).not.toContain('Ancienne');
      expect(stored).not.toContain('Pont-Vieux');
      const held = JSON.stringify([
        await t.dataSource.query('SELECT * FROM timeline_event WHERE applicant_file_id = $1', [old.id]),
        await t.dataSource.query('SELECT * FROM evaluation WHERE applicant_file_id = $1', [old.id]),
        await t.dataSource.query('SELECT * FROM fragility_flag WHERE applicant_file_id = $1', [old.id]),
      ]);
      expect(held).not.toContain('Ancienne');
      expect(held).not.toContain('Moisissures');
      expect(
        await t.dataSource.query('SELECT 1 FROM supporting_document WHERE applicant_file_id = $1', [old.id]),
      ).toEqual([]);
      await expect(t.app.get(DocumentStorage).get(key)).rejects.toThrow();
      expect(await store.keys()).not.toContain(key);
      expect(
        (
          await t.request<Page<unknown>>('GET', '/api/applicant-files?q=ancienne', {
            token: token['mourenx.agent'],
          })
        ).body.total,
      ).toBe(0);
      expect(
        (
          await t.request('PATCH', `/api/applicant-files/${old.id}`, {
            token: token['mourenx.agent'],
            headers: { 'if-match': `"${read.body.version}"` },
            body: { contact: { phone: '0600000000' } },
          })
        ).status,
      ).toBe(409);

      const untouched = await t.request<ApplicantFileView>('GET', `/api/applicant-files/${recent.id}`, {
        token: token['mourenx.agent'],
      });
      expect(untouched.body.applicant?.lastName).toBe('Récente');
      expect(untouched.body.anonymised).toBeUndefined();
    });
  });
}
