import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import {
  type ApiError,
  type ApplicantFileView,
  DOCUMENT_MAX_BYTES,
  type DocumentRequirement,
  type Page,
  type ReadableDocumentView,
  type SupportingDocumentView,
  type TimelinePage,
} from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { type StorageKind, type TestDocumentStore, testDocumentStore } from '@api/testing/document-store';
import { createFile, minimalFile, registeredFile, registrableFile } from '@api/testing/builders';
import { DocumentCipher, documentKeyId } from '@api/platform/storage/document-cipher';
import { STORAGE_KEY_PATTERN } from '@api/platform/storage/document-storage';
import { VERSION_1_ENVELOPE } from '@api/platform/storage/testing/version-1-envelope';
import { sampleExecutable, sampleJpeg, samplePdf, samplePng } from './testing/sample-documents';

interface Upload {
  bytes?: Buffer;
  name?: string;
  fields?: Record<string, string>;
  fileField?: string;
}

interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The documents' behaviour, whatever holds their bytes: documents.int-spec.ts runs it on disk,
 * documents-s3.int-spec.ts on a real S3 server's bucket.
 */
export function describeDocuments(kind: StorageKind): void {
  describe(`supporting documents (${kind})`, () => {
    let t: TestApp;
    let store: TestDocumentStore;
    const token: Record<string, string> = {};
    let registered: ApplicantFileView;

    const upload = async <T = SupportingDocumentView>(
      as: string,
      fileId: string,
      { bytes, name = 'document.pdf', fields = { type: 'TAX_NOTICE' }, fileField = 'file' }: Upload,
    ): Promise<Reply<T>> => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      if (bytes) form.append(fileField, new Blob([new Uint8Array(bytes)]), name);
      const response = await fetch(`${t.baseUrl}/api/applicant-files/${fileId}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token[as]}` },
        body: form,
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: (text ? JSON.parse(text) : null) as T,
      };
    };

    const download = async (as: string, documentId: string) => {
      const response = await fetch(`${t.baseUrl}/api/documents/${documentId}/content`, {
        headers: { authorization: `Bearer ${token[as]}` },
      });
      return {
        status: response.status,
        headers: response.headers,
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };

    const check = (as: string, documentId: string, body: unknown) =>
      t.request<SupportingDocumentView & ApiError>('PATCH', `/api/documents/${documentId}`, {
        token: token[as],
        body,
      });

    const uploaded = async (as: string, fileId: string, request: Upload): Promise<SupportingDocumentView> => {
      const response = await upload(as, fileId, request);
      if (response.status !== 201)
        throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };

    const countDocuments = async (): Promise<number> =>
      (
        (await t.dataSource.query('SELECT count(*)::int AS n FROM supporting_document')) as { n: number }[]
      )[0]!.n;

    const storedObjects = (): Promise<string[]> => store.keys();

    beforeAll(async () => {
      store = await testDocumentStore(kind);
      t = await startTestApp(store.overrides);
      for (const username of [
        'mourenx.agent',
        'orthez.accueil',
        'orthez.ts',
        'lagor.relais',
        'office64.bailleur',
        'bearnaise.bailleur',
        'cclo.coordination',
      ]) {
        token[username] = (await t.login(username)).accessToken;
      }
      registered = await registeredFile(t, token['mourenx.agent']!);
    });

    afterAll(async () => {
      await t.close();
      await store.close();
    });

    describe('upload and download', () => {
      it.each([
        ['a PDF', samplePdf(), 'Avis d’imposition 2025.pdf', 'application/pdf', 'Avis d’imposition 2025.pdf'],
        ['a JPEG', sampleJpeg(), 'carte-identité.jpeg', 'image/jpeg', 'carte-identité.jpeg'],
        ['a PNG', samplePng(), '../../scan.PNG', 'image/png', 'scan.PNG'],
        ['a PDF named as an image', samplePdf(), 'photo.png', 'application/pdf', 'photo.png.pdf'],
      ])(
        'stores %s encrypted under a server-made key and gives it back byte for byte',
        async (_, bytes, name, mediaType, fileName) => {
          const response = await upload<ReadableDocumentView>('mourenx.agent', registered.id, {
            bytes,
            name,
            fields: { type: 'IDENTITY', personId: 'APPLICANT', validUntil: '2031-01-01' },
          });
          expect(response.status).toBe(201);
          expect(response.body).toEqual({
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            applicantFileId: registered.id,
            confidential: false,
            type: 'IDENTITY',
            personId: 'APPLICANT',
            status: 'PROVIDED',
            statusReason: null,
            sensitive: false,
            validUntil: '2031-01-01',
            fileName,
            mediaType,
            sizeBytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            uploadedAt: expect.any(String),
            uploadedBy: {
              organizationId: expect.any(String),
              organizationName: 'Point-info logement social de Mourenx',
            },
            checkedAt: null,
            checkedBy: null,
          });

          const [{ storage_key: storageKey }] = (await t.dataSource.query(
            'SELECT storage_key FROM supporting_document WHERE id = $1',
            [response.body.id],
          )) as { storage_key: string }[];
          expect(storageKey).toMatch(STORAGE_KEY_PATTERN);
          expect(storageKey).not.toBe(response.body.id);
          expect(JSON.stringify(response.body)).not.toContain(storageKey);
          const held = await store.sealed(storageKey);
          expect(held.includes(bytes.subarray(0, 16))).toBe(false);
          expect(held.equals(bytes)).toBe(false);
          expect(held.length).toBe(bytes.length + 37);

          const content = await download('mourenx.agent', response.body.id);
          expect(content.status).toBe(200);
          expect(content.bytes.equals(bytes)).toBe(true);
          expect(content.headers.get('content-type')).toBe(mediaType);
          expect(content.headers.get('content-length')).toBe(String(bytes.length));
          expect(content.headers.get('content-disposition')).toBe(
            `attachment; filename="${fileName
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')
              .replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          );
          expect(content.headers.get('x-content-type-options')).toBe('nosniff');
          expect(content.headers.get('cache-control')).toBe('no-store');
          expect(content.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        },
      );

      it('reads the type from the bytes: a renamed executable, an ELF binary or an HTML page is 415', async () => {
        const before = await countDocuments();
        const objects = await storedObjects();
        for (const [bytes, name] of [
          [sampleExecutable(), 'avis-imposition.pdf'],
          [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array<number>(64).fill(0)]), 'scan.jpg'],
          [Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'page.png'],
        ] as const) {
          const response = await upload<ApiError>('mourenx.agent', registered.id, { bytes, name });
          expect({ name, status: response.status }).toEqual({ name, status: 415 });
          expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
        }
        expect(await countDocuments()).toBe(before);
        expect(await storedObjects()).toEqual(objects);
      });

      it('refuses an empty file and a truncated one with 400, keeping nothing of them', async () => {
        const before = await countDocuments();
        const objects = await storedObjects();
        const empty = await upload<ApiError>('mourenx.agent', registered.id, { bytes: Buffer.alloc(0) });
        expect(empty.status).toBe(400);
        expect(empty.body.details).toEqual([{ field: 'file', message: 'file is empty' }]);
        const pdf = samplePdf();
        const truncated = await upload<ApiError>('mourenx.agent', registered.id, {
          bytes: pdf.subarray(0, pdf.length - 10),
        });
        expect(truncated.status).toBe(400);
        expect(truncated.body.message).toBe('The file is truncated or damaged');
        const png = samplePng();
        expect(
          (await upload('mourenx.agent', registered.id, { bytes: png.subarray(0, 30), name: 'a.png' }))
            .status,
        ).toBe(400);
        expect(await countDocuments()).toBe(before);
        expect(await storedObjects()).toEqual(objects);
      });

      it('caps the size at 10 MB while receiving (413, keeping nothing), and accepts exactly 10 MB', async () => {
        const before = await countDocuments();
        const objects = await storedObjects();
        const pdfOf = (size: number) => {
          const bytes = Buffer.alloc(size, 0x20);
          bytes.write('%PDF-1.4\n', 0, 'latin1');
          bytes.write('%%EOF\n', size - 6, 'latin1');
          return bytes;
        };
        const tooLarge = await upload<ApiError>('mourenx.agent', registered.id, {
          bytes: pdfOf(DOCUMENT_MAX_BYTES + 1),
        });
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.body).toEqual({
          statusCode: 413,
          error: 'Payload Too Large',
          message: 'A document may not exceed 10 MB',
        });
        expect(await countDocuments()).toBe(before);
        expect(await storedObjects()).toEqual(objects);
        const exact = await upload<ReadableDocumentView>('mourenx.agent', registered.id, {
          bytes: pdfOf(DOCUMENT_MAX_BYTES),
        });
        expect(exact.status).toBe(201);
        expect(exact.body.sizeBytes).toBe(DOCUMENT_MAX_BYTES);
      });

      it('answers malformed multipart bodies and fields with 400, never 500', async () => {
        const cases: [string, Upload][] = [
          ['no file', { fields: { type: 'TAX_NOTICE' } }],
          ['no type', { bytes: samplePdf(), fields: {} }],
          ['unknown type', { bytes: samplePdf(), fields: { type: 'PASSPORT_PHOTO' } }],
          ['unknown field', { bytes: samplePdf(), fields: { type: 'TAX_NOTICE', comment: 'x' } }],
          ['bad sensitive', { bytes: samplePdf(), fields: { type: 'TAX_NOTICE', sensitive: 'yes' } }],
          ['bad date', { bytes: samplePdf(), fields: { type: 'TAX_NOTICE', validUntil: '2026-02-30' } }],
          ['bad person', { bytes: samplePdf(), fields: { type: 'TAX_NOTICE', personId: '../x' } }],
          [
            'person not in the file',
            { bytes: samplePdf(), fields: { type: 'TAX_NOTICE', personId: 'CO_APPLICANT' } },
          ],
          ['file in another field', { bytes: samplePdf(), fileField: 'document' }],
          ['oversized field', { bytes: samplePdf(), fields: { type: 'TAX_NOTICE'.padEnd(2000, 'X') } }],
        ];
        for (const [label, request] of cases) {
          const response = await upload<ApiError>('mourenx.agent', registered.id, request);
          expect({ label, status: response.status }).toEqual({ label, status: 400 });
          expect(response.body.statusCode).toBe(400);
        }
        const raw = async (contentType: string, body: string) =>
          (
            await fetch(`${t.baseUrl}/api/applicant-files/${registered.id}/documents`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token['mourenx.agent']}`, 'content-type': contentType },
              body,
            })
          ).status;
        expect(await raw('multipart/form-data', 'no boundary')).toBe(400);
        expect(
          await raw(
            'multipart/form-data; boundary=x',
            '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-',
          ),
        ).toBe(400);
        expect(await raw('multipart/form-data; boundary=x', '--x\r\nbroken header\r\n\r\n--x--')).toBe(400);
        expect(
          await raw(
            'multipart/form-data; boundary=x',
            '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n\r\n%PDF-\r\n--x--\r\n',
          ),
        ).toBe(400);
      });

      it('defaults sensitivity by type, and keeps what the uploader says', async () => {
        const medical = await uploaded('orthez.ts', registered.id, {
          bytes: samplePdf('certificat'),
          fields: { type: 'MEDICAL_CERTIFICATE' },
        });
        expect(medical.sensitive).toBe(true);
        const payslips = await uploaded('mourenx.agent', registered.id, {
          bytes: samplePdf('bulletins'),
          fields: { type: 'PAYSLIPS' },
        });
        expect(payslips.sensitive).toBe(false);
        const marked = await uploaded('mourenx.agent', registered.id, {
          bytes: samplePdf('avec NIR'),
          fields: { type: 'PAYSLIPS', sensitive: 'true' },
        });
        expect(marked.sensitive).toBe(true);
      });

      it('lists a file’s documents newest first, paginated, sensitive ones included', async () => {
        const file = await registeredFile(t, token['mourenx.agent']!);
        const first = await uploaded('mourenx.agent', file.id, {
          bytes: samplePdf('1'),
          fields: { type: 'TAX_NOTICE' },
        });
        const second = await uploaded('mourenx.agent', file.id, {
          bytes: samplePdf('2'),
          fields: { type: 'PROTECTION_ORDER' },
        });
        const third = await uploaded('mourenx.agent', file.id, {
          bytes: samplePng(),
          name: 'x.png',
          fields: { type: 'IDENTITY' },
        });
        const page = await t.request<Page<SupportingDocumentView>>(
          'GET',
          `/api/applicant-files/${file.id}/documents?pageSize=2`,
          { token: token['office64.bailleur'] },
        );
        expect(page.status).toBe(200);
        expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
        expect(page.body.items.map((d) => d.id)).toEqual([third.id, second.id]);
        // A landlord may not download the protection order: it is listed, as « Pièce confidentielle ».
        expect(page.body.items[1]).toMatchObject({ sensitive: true, confidential: true });
        expect(page.body.items[1]).not.toHaveProperty('type');
        const next = await t.request<Page<SupportingDocumentView>>(
          'GET',
          `/api/applicant-files/${file.id}/documents?page=2&pageSize=2`,
          { token: token['office64.bailleur'] },
        );
        expect(next.body.items.map((d) => d.id)).toEqual([first.id]);
        const empty = await createFile(t, token['mourenx.agent']!, minimalFile());
        expect(
          (
            await t.request('GET', `/api/applicant-files/${empty.id}/documents`, {
              token: token['mourenx.agent'],
            })
          ).body,
        ).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
        expect(
          (
            await t.request('GET', `/api/applicant-files/${file.id}/documents?pageSize=101`, {
              token: token['mourenx.agent'],
            })
          ).status,
        ).toBe(400);
      });
    });

    describe('who may do what', () => {
      let mourenxSensitive: SupportingDocumentView;
      let orthezSensitive: SupportingDocumentView;
      let plain: SupportingDocumentView;

      beforeAll(async () => {
        mourenxSensitive = await uploaded('mourenx.agent', registered.id, {
          bytes: samplePdf('certificat médical'),
          fields: { type: 'MEDICAL_CERTIFICATE', personId: 'APPLICANT' },
        });
        orthezSensitive = await uploaded('orthez.ts', registered.id, {
          bytes: samplePdf('décision CDAPH'),
          fields: { type: 'DISABILITY_DECISION' },
        });
        plain = await uploaded('orthez.accueil', registered.id, {
          bytes: sampleJpeg(),
          name: 'avis.jpg',
          fields: { type: 'TAX_NOTICE' },
        });
      });

      it('lets social workers download any sensitive document, info-point agents only their organisation’s', async () => {
        expect((await download('orthez.ts', mourenxSensitive.id)).status).toBe(200);
        expect((await download('orthez.ts', orthezSensitive.id)).status).toBe(200);
        expect((await download('mourenx.agent', mourenxSensitive.id)).status).toBe(200);
        expect((await download('mourenx.agent', orthezSensitive.id)).status).toBe(404);
        expect((await download('orthez.accueil', mourenxSensitive.id)).status).toBe(404);
        const landlord = await download('office64.bailleur', mourenxSensitive.id);
        expect(landlord.status).toBe(403);
        expect(JSON.parse(landlord.bytes.toString('utf8'))).toMatchObject({
          statusCode: 403,
          error: 'Forbidden',
        });
        // What is not sensitive, everyone who may download gets.
        for (const username of ['orthez.ts', 'mourenx.agent', 'orthez.accueil', 'office64.bailleur']) {
          expect({ username, status: (await download(username, plain.id)).status }).toEqual({
            username,
            status: 200,
          });
        }
      });

      it('refuses relay clerks and the coordinator with 403', async () => {
        for (const username of ['lagor.relais', 'cclo.coordination']) {
          expect((await upload(username, registered.id, { bytes: samplePdf() })).status).toBe(403);
          const list = await t.request('GET', `/api/applicant-files/${registered.id}/documents`, {
            token: token[username],
          });
          expect(list.status).toBe(403);
          const checklist = await t.request(
            'GET',
            `/api/applicant-files/${registered.id}/document-checklist`,
            {
              token: token[username],
            },
          );
          expect(checklist.status).toBe(403);
          expect((await download(username, plain.id)).status).toBe(403);
          expect((await check(username, plain.id, { status: 'VERIFIED' })).status).toBe(403);
        }
        const anonymous = await fetch(`${t.baseUrl}/api/documents/${plain.id}/content`);
        expect(anonymous.status).toBe(401);
      });

      it('answers 404 for a file or document out of scope, as for a missing one', async () => {
        const contact = await createFile(t, token['mourenx.agent']!, registrableFile());
        const hidden = await uploaded('mourenx.agent', contact.id, {
          bytes: samplePdf(),
          fields: { type: 'TAX_NOTICE' },
        });
        // A CONTACT file created by Mourenx is neither shared nor Office 64's own.
        expect((await upload('office64.bailleur', contact.id, { bytes: samplePdf() })).status).toBe(404);
        expect(
          (
            await t.request('GET', `/api/applicant-files/${contact.id}/documents`, {
              token: token['office64.bailleur'],
            })
          ).status,
        ).toBe(404);
        expect(
          (
            await t.request('GET', `/api/applicant-files/${contact.id}/document-checklist`, {
              token: token['office64.bailleur'],
            })
          ).status,
        ).toBe(404);
        expect((await download('office64.bailleur', hidden.id)).status).toBe(404);
        expect((await check('office64.bailleur', hidden.id, { status: 'VERIFIED' })).status).toBe(404);
        const missing = randomUUID();
        expect((await download('mourenx.agent', missing)).status).toBe(404);
        expect((await check('mourenx.agent', missing, { status: 'VERIFIED' })).status).toBe(404);
        expect((await upload('mourenx.agent', missing, { bytes: samplePdf() })).status).toBe(404);
        expect((await download('mourenx.agent', 'not-a-uuid')).status).toBe(400);
        // In scope for those who see every file.
        expect((await download('orthez.accueil', hidden.id)).status).toBe(200);
      });

      it('verifies and rejects with the reason rules, recording who checked and when', async () => {
        const doc = await uploaded('mourenx.agent', registered.id, {
          bytes: samplePdf('avis'),
          fields: { type: 'TAX_NOTICE' },
        });
        for (const [body, field] of [
          [{ status: 'UNUSABLE' }, 'reason'],
          [{ status: 'OUT_OF_SCOPE', reason: '   ' }, 'reason'],
          [{ reason: 'illisible' }, 'reason'],
          [{ status: 'LOST' }, 'status'],
          [{ status: null }, 'status'],
          [{ sensitive: 'no' }, 'sensitive'],
          [{ validUntil: '2026-13-01' }, 'validUntil'],
          [{ status: 'VERIFIED', deleted: true }, 'deleted'],
        ] as const) {
          const response = await check('orthez.accueil', doc.id, body);
          expect({ body, status: response.status }).toEqual({ body, status: 400 });
          expect(response.body.details?.map((d) => d.field)).toContain(field);
        }
        expect((await check('orthez.accueil', doc.id, {})).status).toBe(400);

        const unusable = await check('orthez.accueil', doc.id, {
          status: 'UNUSABLE',
          reason: 'Photo illisible',
        });
        expect(unusable.status).toBe(200);
        expect(unusable.body).toMatchObject({
          status: 'UNUSABLE',
          statusReason: 'Photo illisible',
          checkedBy: { userId: expect.any(String), displayName: 'Julien Lassalle' },
        });
        expect(Date.parse(unusable.body.checkedAt!)).not.toBeNaN();

        const verified = await check('orthez.ts', doc.id, { status: 'VERIFIED', validUntil: '2027-12-31' });
        expect(verified.status).toBe(200);
        expect(verified.body).toMatchObject({
          status: 'VERIFIED',
          statusReason: null,
          validUntil: '2027-12-31',
          checkedBy: { displayName: 'Maïté Bordenave' },
        });
        const cleared = await check('orthez.ts', doc.id, { validUntil: null });
        expect(cleared.body.validUntil).toBeNull();
        const outOfScope = await check('mourenx.agent', doc.id, {
          status: 'OUT_OF_SCOPE',
          reason: 'Hors liste',
        });
        expect(outOfScope.body).toMatchObject({ status: 'OUT_OF_SCOPE', statusReason: 'Hors liste' });
        // Never deleted.
        expect(
          (await t.dataSource.query('SELECT 1 FROM supporting_document WHERE id = $1', [doc.id])).length,
        ).toBe(1);
      });

      it('lets a landlord verify when its organisation registers demands, not otherwise', async () => {
        const doc = await uploaded('office64.bailleur', registered.id, {
          bytes: samplePdf(),
          fields: { type: 'IDENTITY' },
        });
        expect((await check('office64.bailleur', doc.id, { status: 'VERIFIED' })).status).toBe(200);
        await t.dataSource.query(
          `UPDATE organization SET registers_demands = false WHERE code = 'LANDLORD_BEARNAISE'`,
        );
        try {
          expect((await check('bearnaise.bailleur', doc.id, { status: 'VERIFIED' })).status).toBe(403);
          // Uploading and downloading do not need the capability.
          expect((await upload('bearnaise.bailleur', registered.id, { bytes: samplePdf() })).status).toBe(
            201,
          );
          expect((await download('bearnaise.bailleur', doc.id)).status).toBe(200);
        } finally {
          await t.dataSource.query(
            `UPDATE organization SET registers_demands = true WHERE code = 'LANDLORD_BEARNAISE'`,
          );
        }
      });

      it('lets anyone who checks mark a document sensitive, but only who may read it lift it (else 400)', async () => {
        const doc = await uploaded('office64.bailleur', registered.id, {
          bytes: samplePdf(),
          fields: { type: 'PAYSLIPS' },
        });
        const marked = await check('office64.bailleur', doc.id, { sensitive: true });
        expect(marked.body.sensitive).toBe(true);
        // Marked, it is confidential to its uploader too: a landlord may not read sensitive documents.
        expect(marked.body).toMatchObject({ confidential: true });
        expect(marked.body).not.toHaveProperty('fileName');
        expect((await download('office64.bailleur', doc.id)).status).toBe(403);
        const before = await t.dataSource.query('SELECT * FROM supporting_document WHERE id = $1', [doc.id]);
        for (const username of ['office64.bailleur', 'mourenx.agent']) {
          const refused = await check(username, doc.id, { sensitive: false });
          expect({ username, status: refused.status }).toEqual({ username, status: 400 });
          expect(refused.body.details?.map((d) => d.field)).toEqual(['sensitive']);
        }
        expect(await t.dataSource.query('SELECT * FROM supporting_document WHERE id = $1', [doc.id])).toEqual(
          before,
        );
        const lifted = await check('orthez.ts', doc.id, { sensitive: false });
        expect(lifted.status).toBe(200);
        expect(lifted.body.sensitive).toBe(false);
        expect((await download('office64.bailleur', doc.id)).status).toBe(200);
      });

      it('shows a sensitive document to whoever may not download it as « Pièce confidentielle »: where it stands, not what it is', async () => {
        const file = await registeredFile(t, token['mourenx.agent']!);
        const medical = await uploaded('mourenx.agent', file.id, {
          bytes: samplePdf('certificat médical'),
          name: 'certificat-dr-untel.pdf',
          fields: { type: 'MEDICAL_CERTIFICATE', personId: 'APPLICANT', validUntil: '2027-01-01' },
        });
        await check('orthez.ts', medical.id, { status: 'UNUSABLE', reason: 'Diagnostic illisible' });
        await uploaded('mourenx.agent', file.id, {
          bytes: samplePdf('bulletins avec NIR'),
          name: 'bulletins-nir.pdf',
          fields: { type: 'PAYSLIPS', sensitive: 'true' },
        });
        const handling = [
          'applicantFileId',
          'checkedAt',
          'checkedBy',
          'confidential',
          'id',
          'personId',
          'sensitive',
          'status',
          'uploadedAt',
          'uploadedBy',
          'validUntil',
        ];
        const content = ['fileName', 'mediaType', 'sha256', 'sizeBytes', 'statusReason', 'type'];
        // Social workers read every sensitive document; info points their own organisation's uploads.
        for (const [username, confidential] of [
          ['orthez.ts', false],
          ['mourenx.agent', false],
          ['orthez.accueil', true],
          ['office64.bailleur', true],
          ['bearnaise.bailleur', true],
        ] as const) {
          const list = await t.request<Page<SupportingDocumentView>>(
            'GET',
            `/api/applicant-files/${file.id}/documents`,
            { token: token[username] },
          );
          expect(list.status).toBe(200);
          for (const item of list.body.items) {
            expect({ username, keys: Object.keys(item).sort() }).toEqual({
              username,
              keys: confidential ? handling : [...handling, ...content].sort(),
            });
            expect({ username, confidential: item.confidential }).toEqual({ username, confidential });
          }
          const wholeList = JSON.stringify(list.body);
          for (const secret of [
            'MEDICAL_CERTIFICATE',
            'PAYSLIPS',
            'certificat-dr-untel',
            'bulletins-nir',
            'Diagnostic illisible',
          ]) {
            expect({ username, leaks: wholeList.includes(secret) }).toEqual({
              username,
              leaks: !confidential,
            });
          }
        }
        const landlordView = (
          await t.request<Page<SupportingDocumentView>>('GET', `/api/applicant-files/${file.id}/documents`, {
            token: token['office64.bailleur'],
          })
        ).body.items.find((item) => item.id === medical.id);
        expect(landlordView).toMatchObject({
          confidential: true,
          sensitive: true,
          status: 'UNUSABLE',
          personId: 'APPLICANT',
          validUntil: '2027-01-01',
          uploadedBy: { organizationName: 'Point-info logement social de Mourenx' },
          checkedBy: { displayName: 'Maïté Bordenave' },
        });

        // The answers of an upload and of a check follow the same rule.
        const landlordUpload = await upload('office64.bailleur', file.id, {
          bytes: samplePdf('ordonnance'),
          name: 'ordonnance-jaf.pdf',
          fields: { type: 'PROTECTION_ORDER' },
        });
        expect(landlordUpload.status).toBe(201);
        expect(Object.keys(landlordUpload.body).sort()).toEqual(handling);
        const landlordMark = await check('office64.bailleur', medical.id, { sensitive: true });
        expect(landlordMark.status).toBe(200);
        expect(Object.keys(landlordMark.body).sort()).toEqual(handling);
        expect(landlordMark.body).toMatchObject({ status: 'UNUSABLE', confidential: true });
        // Checking it would mean reading it: refused, and nothing changes.
        const before = await t.dataSource.query('SELECT * FROM supporting_document WHERE id = $1', [
          medical.id,
        ]);
        for (const body of [
          { status: 'OUT_OF_SCOPE', reason: 'Hors liste' },
          { status: 'VERIFIED' },
          { validUntil: '2030-01-01' },
        ]) {
          const refused = await check('office64.bailleur', medical.id, body);
          expect({ body, status: refused.status }).toEqual({ body, status: 403 });
        }
        expect(
          await t.dataSource.query('SELECT * FROM supporting_document WHERE id = $1', [medical.id]),
        ).toEqual(before);
      });

      it('refuses with 400 a sensitive type uploaded as not sensitive by whoever may not read it, storing nothing', async () => {
        const before = await countDocuments();
        const objects = await storedObjects();
        for (const username of ['office64.bailleur', 'bearnaise.bailleur']) {
          const refused = await upload<ApiError>(username, registered.id, {
            bytes: samplePdf('ordonnance'),
            fields: { type: 'PROTECTION_ORDER', sensitive: 'false' },
          });
          expect({ username, status: refused.status }).toEqual({ username, status: 400 });
          expect(refused.body.details?.map((d) => d.field)).toEqual(['sensitive']);
        }
        expect(await countDocuments()).toBe(before);
        expect(await storedObjects()).toEqual(objects);
        // Who may read its own upload decides: an info point (its organisation's upload), a social worker.
        for (const username of ['mourenx.agent', 'orthez.ts']) {
          const unmarked = await uploaded(username, registered.id, {
            bytes: samplePdf('ordonnance lisible'),
            fields: { type: 'PROTECTION_ORDER', sensitive: 'false' },
          });
          expect({ username, sensitive: unmarked.sensitive }).toEqual({ username, sensitive: false });
        }
        // A landlord may still mark any document sensitive, or upload one as such.
        const landlordMarked = await upload('office64.bailleur', registered.id, {
          bytes: samplePdf('bulletins'),
          fields: { type: 'PAYSLIPS', sensitive: 'true' },
        });
        expect(landlordMarked.status).toBe(201);
        expect(landlordMarked.body.sensitive).toBe(true);
      });
    });

    describe('checklist and timeline', () => {
      it('says a line is answered by a confidential document without saying by which one', async () => {
        const file = await registeredFile(
          t,
          token['mourenx.agent']!,
          '2026-03-02',
          registrableFile({ reasons: { codes: ['FAMILY_VIOLENCE', 'HOSTED'], main: 'FAMILY_VIOLENCE' } }),
        );
        const order = await uploaded('mourenx.agent', file.id, {
          bytes: samplePdf('ordonnance'),
          fields: { type: 'PROTECTION_ORDER' },
        });
        const lineAs = async (username: string) => {
          const lines = await t.request<DocumentRequirement[]>(
            'GET',
            `/api/applicant-files/${file.id}/document-checklist`,
            { token: token[username] },
          );
          expect(lines.status).toBe(200);
          return lines.body.find((line) => line.key === 'PROTECTION_ORDER');
        };
        expect(await lineAs('mourenx.agent')).toMatchObject({ satisfied: true, documentId: order.id });
        expect(await lineAs('orthez.ts')).toMatchObject({ satisfied: true, documentId: order.id });
        for (const username of ['orthez.accueil', 'office64.bailleur']) {
          const line = await lineAs(username);
          // Still answered (never asked again), but not tied to the confidential document.
          expect({ username, satisfied: line?.satisfied, keys: Object.keys(line ?? {}) }).toEqual({
            username,
            satisfied: true,
            keys: expect.not.arrayContaining(['documentId']),
          });
        }
      });

      it('counts a verified identity document and never one that has expired', async () => {
        const valid = await registeredFile(t, token['mourenx.agent']!);
        const doc = await uploaded('mourenx.agent', valid.id, {
          bytes: samplePdf(),
          fields: { type: 'IDENTITY', personId: 'APPLICANT', validUntil: '2030-05-01' },
        });
        await check('orthez.ts', doc.id, { status: 'VERIFIED' });
        const lines = await t.request<DocumentRequirement[]>(
          'GET',
          `/api/applicant-files/${valid.id}/document-checklist`,
          {
            token: token['office64.bailleur'],
          },
        );
        expect(lines.status).toBe(200);
        expect(Array.isArray(lines.body)).toBe(true);
        expect(lines.body.find((l) => l.key === 'IDENTITY:APPLICANT')).toEqual({
          key: 'IDENTITY:APPLICANT',
          stage: 'REGISTRATION',
          types: ['IDENTITY'],
          personId: 'APPLICANT',
          label: "Pièce d'identité du demandeur",
          mandatory: true,
          satisfied: true,
          documentId: doc.id,
        });
        // registrableFile: hosted by family, reason HOSTED, temporary employee.
        expect(lines.body.map((l) => l.key)).toEqual([
          'IDENTITY:APPLICANT',
          'TAX_NOTICE:APPLICANT',
          'HOSTING_CERTIFICATE',
          'EMPLOYMENT_CONTRACT:APPLICANT',
        ]);

        const expired = await registeredFile(t, token['mourenx.agent']!);
        const old = await uploaded('mourenx.agent', expired.id, {
          bytes: samplePdf(),
          fields: { type: 'IDENTITY', personId: 'APPLICANT', validUntil: '2026-06-14' },
        });
        await check('orthez.ts', old.id, { status: 'VERIFIED' });
        const again = await t.request<DocumentRequirement[]>(
          'GET',
          `/api/applicant-files/${expired.id}/document-checklist`,
          {
            token: token['mourenx.agent'],
          },
        );
        const line = again.body.find((l) => l.key === 'IDENTITY:APPLICANT');
        expect(line?.satisfied).toBe(false);
        expect(line?.documentId).toBeUndefined();
        // Still valid on the last day.
        await check('orthez.ts', old.id, { validUntil: '2026-06-15' });
        const lastDay = await t.request<DocumentRequirement[]>(
          'GET',
          `/api/applicant-files/${expired.id}/document-checklist`,
          {
            token: token['mourenx.agent'],
          },
        );
        expect(lastDay.body.find((l) => l.key === 'IDENTITY:APPLICANT')?.satisfied).toBe(true);
      });

      it('writes DOCUMENT_ADDED and DOCUMENT_CHECKED events with codes, never the content; a confidential document’s events show « Pièce confidentielle »', async () => {
        const file = await registeredFile(t, token['mourenx.agent']!);
        const bytes = samplePdf('CONTENU-SECRET');
        const doc = await uploaded('mourenx.agent', file.id, {
          bytes,
          name: 'nom-du-fichier-secret.pdf',
          fields: { type: 'PROTECTION_ORDER' },
        });
        await check('orthez.ts', doc.id, { status: 'UNUSABLE', reason: 'Pages manquantes' });
        const events = async (username: string) => {
          const timeline = await t.request<TimelinePage>('GET', `/api/applicant-files/${file.id}/timeline`, {
            token: token[username],
          });
          expect(timeline.status).toBe(200);
          return {
            text: timeline.text,
            events: timeline.body.items.filter((e) => e.type.startsWith('DOCUMENT_')),
          };
        };
        // Who may download it: its uploader's organisation, social workers.
        for (const username of ['mourenx.agent', 'orthez.ts']) {
          const [checked, added] = (await events(username)).events;
          expect(added).toMatchObject({
            type: 'DOCUMENT_ADDED',
            actor: { displayName: 'Claire Etcheverry' },
            details: { documentId: doc.id, type: 'PROTECTION_ORDER', personId: null, sensitive: true },
          });
          expect(checked).toMatchObject({
            type: 'DOCUMENT_CHECKED',
            actor: { displayName: 'Maïté Bordenave' },
            details: {
              documentId: doc.id,
              type: 'PROTECTION_ORDER',
              status: 'UNUSABLE',
              reason: 'Pages manquantes',
            },
            changes: expect.arrayContaining([
              { field: 'status', before: 'PROVIDED', after: 'UNUSABLE' },
              { field: 'statusReason', before: null, after: 'Pages manquantes' },
            ]),
          });
        }
        // The others: that a confidential document was added and checked, not what it is or why.
        for (const username of ['orthez.accueil', 'office64.bailleur']) {
          const {
            text,
            events: [checked, added],
          } = await events(username);
          expect(added).toEqual({
            id: expect.any(String),
            occurredAt: expect.any(String),
            type: 'DOCUMENT_ADDED',
            actor: expect.objectContaining({ displayName: 'Claire Etcheverry' }),
            details: { documentId: doc.id, personId: null, confidential: true },
          });
          expect(checked).toEqual({
            id: expect.any(String),
            occurredAt: expect.any(String),
            type: 'DOCUMENT_CHECKED',
            actor: expect.objectContaining({ displayName: 'Maïté Bordenave' }),
            details: { documentId: doc.id, status: 'UNUSABLE', confidential: true },
            changes: [{ field: 'status', before: 'PROVIDED', after: 'UNUSABLE' }],
          });
          expect({
            username,
            leaks: ['PROTECTION_ORDER', 'Pages manquantes'].filter((s) => text.includes(s)),
          }).toEqual({ username, leaks: [] });
        }
        const [{ storage_key: storageKey }] = (await t.dataSource.query(
          'SELECT storage_key FROM supporting_document WHERE id = $1',
          [doc.id],
        )) as { storage_key: string }[];
        const stored = JSON.stringify(
          await t.dataSource.query(
            'SELECT details, changes FROM timeline_event WHERE applicant_file_id = $1',
            [file.id],
          ),
        );
        for (const secret of [
          'CONTENU-SECRET',
          'nom-du-fichier-secret',
          storageKey,
          bytes.toString('base64').slice(0, 20),
        ]) {
          expect(stored).not.toContain(secret);
        }
      });
    });

    it('hides the earlier events of a document marked sensitive since, and shows them again once lifted', async () => {
      const file = await registeredFile(t, token['mourenx.agent']!);
      const doc = await uploaded('orthez.accueil', file.id, {
        bytes: samplePdf('bulletins'),
        fields: { type: 'PAYSLIPS' },
      });
      const addedAs = async (username: string) =>
        (
          await t.request<TimelinePage>('GET', `/api/applicant-files/${file.id}/timeline`, {
            token: token[username],
          })
        ).body.items.find((e) => e.type === 'DOCUMENT_ADDED')?.details;
      expect(await addedAs('office64.bailleur')).toMatchObject({ type: 'PAYSLIPS', sensitive: false });
      expect((await check('orthez.ts', doc.id, { sensitive: true })).status).toBe(200);
      expect(await addedAs('office64.bailleur')).toEqual({
        documentId: doc.id,
        personId: null,
        confidential: true,
      });
      // Its uploader's organisation still reads it.
      expect(await addedAs('orthez.accueil')).toMatchObject({ type: 'PAYSLIPS' });
      expect((await check('orthez.ts', doc.id, { sensitive: false })).status).toBe(200);
      expect(await addedAs('office64.bailleur')).toMatchObject({ type: 'PAYSLIPS' });
    });

    it('describes the routes in the OpenAPI document, the multipart body included', async () => {
      const doc = await t.request<{
        paths: Record<
          string,
          Record<
            string,
            {
              requestBody?: { content: Record<string, { schema: unknown }> };
              responses: Record<string, unknown>;
            }
          >
        >;
        components: { schemas: Record<string, { required?: string[] }> };
      }>('GET', '/api/docs-json');
      const paths = doc.body.paths;
      // What a confidential document leaves out is optional; the marker is always there.
      const required = doc.body.components.schemas['SupportingDocumentResponse']?.required ?? [];
      expect(required).toContain('confidential');
      for (const field of ['type', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'statusReason'])
        expect({ field, required: required.includes(field) }).toEqual({ field, required: false });
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/applicant-files/{id}/documents',
          '/api/applicant-files/{id}/document-checklist',
          '/api/documents/{id}/content',
          '/api/documents/{id}',
        ]),
      );
      const post = paths['/api/applicant-files/{id}/documents']?.['post'];
      expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
      expect(post?.requestBody?.content['multipart/form-data']?.schema).toMatchObject({
        required: ['file', 'type'],
        properties: { file: { type: 'string', format: 'binary' } },
      });
      expect(Object.keys(post?.responses ?? {})).toEqual(
        expect.arrayContaining(['201', '400', '403', '404', '413', '415']),
      );
      expect(Object.keys(paths['/api/documents/{id}/content']?.['get']?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '403', '404', '409']),
      );
      expect(paths['/api/documents/{id}']?.['patch']?.requestBody).toBeDefined();
    });
  });

  describe(`supporting documents after a rotation of DOCUMENTS_KEY (${kind})`, () => {
    let t: TestApp;
    let store: TestDocumentStore;
    let agent: string;
    let coordinator: string;
    let file: ApplicantFileView;
    let log = '';
    const newKey = randomBytes(32);
    const retiredKey = randomBytes(32);
    const lostKey = randomBytes(32);
    const storageKeyOf = async (documentId: string): Promise<string> =>
      (
        (await t.dataSource.query('SELECT storage_key FROM supporting_document WHERE id = $1', [
          documentId,
        ])) as { storage_key: string }[]
      )[0]!.storage_key;

    /** A document record whose bytes the test stores itself, as an older server left them. */
    const storedBefore = async (storageKey: string, envelope: Buffer): Promise<string> => {
      await store.putSealed(storageKey, envelope);
      const [row] = (await t.dataSource.query(
        `INSERT INTO supporting_document (applicant_file_id, type, person_id, status, sensitive, storage_key, file_name,
         media_type, size_bytes, sha256, uploaded_by_user_id, uploaded_by_organization_id)
       SELECT $1, 'TAX_NOTICE', 'APPLICANT', 'PROVIDED', false, $2, 'avis.pdf', 'application/pdf', 10, $3, u.id,
              u.organization_id
         FROM app_user u WHERE u.username = 'mourenx.agent'
       RETURNING id`,
        [file.id, storageKey, 'a'.repeat(64)],
      )) as { id: string }[];
      return row!.id;
    };

    const download = (documentId: string, token = agent) =>
      fetch(`${t.baseUrl}/api/documents/${documentId}/content`, {
        headers: { authorization: `Bearer ${token}` },
      });

    beforeAll(async () => {
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          log += chunk.toString('utf8');
          done();
        },
      });
      store = await testDocumentStore(kind);
      t = await startTestApp(
        {
          ...store.overrides,
          documentsKey: newKey,
          documentsPreviousKeys: [retiredKey, VERSION_1_ENVELOPE.key],
          logLevel: 'warn',
        },
        { logDestination: destination },
      );
      agent = (await t.login('mourenx.agent')).accessToken;
      coordinator = (await t.login('cclo.coordination')).accessToken;
      file = await registeredFile(t, agent);
    });

    afterAll(async () => {
      await t.close();
      await store.close();
    });

    it('opens documents stored before key ids and under a previous key, and seals new ones with the new key', async () => {
      const { storageKey, envelope, plain } = VERSION_1_ENVELOPE;
      const before = await download(await storedBefore(storageKey, envelope));
      expect(before.status).toBe(200);
      expect(Buffer.from(await before.arrayBuffer()).toString()).toBe(plain);

      const retiredObject = randomUUID();
      const sealedByRetired = new DocumentCipher(retiredKey).seal(retiredObject, samplePdf('avant rotation'));
      const retired = await download(await storedBefore(retiredObject, sealedByRetired));
      expect(retired.status).toBe(200);
      expect(Buffer.from(await retired.arrayBuffer()).equals(samplePdf('avant rotation'))).toBe(true);

      const form = new FormData();
      form.append('type', 'TAX_NOTICE');
      form.append('file', new Blob([new Uint8Array(samplePdf('après rotation'))]), 'avis.pdf');
      const uploaded = await fetch(`${t.baseUrl}/api/applicant-files/${file.id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}` },
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const { id } = (await uploaded.json()) as SupportingDocumentView;
      const held = await store.sealed(await storageKeyOf(id));
      expect(held.subarray(5, 9).equals(documentKeyId(newKey))).toBe(true);
      expect(Buffer.from(await (await download(id)).arrayBuffer()).equals(samplePdf('après rotation'))).toBe(
        true,
      );
    });

    it('answers 409, not 500, for a document sealed with a key the server lacks, and logs its key id only', async () => {
      const storageKey = randomUUID();
      const id = await storedBefore(storageKey, new DocumentCipher(lostKey).seal(storageKey, samplePdf()));
      log = '';
      const response = await download(id);
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining('key'),
      });
      // The right-of-access export of the file meets the same document.
      const exported = await t.request<ApiError>('GET', `/api/applicant-files/${file.id}/export`, {
        token: coordinator,
      });
      expect(exported.status).toBe(409);

      const lines = log
        .split('\n')
        .filter(Boolean)
        .map(
          (line) => JSON.parse(line) as { level: number; msg?: string; keyId?: string; storageKey?: string },
        );
      const errors = lines.filter((line) => line.level >= 50);
      expect(errors).toHaveLength(2);
      for (const line of errors) {
        expect(line).toMatchObject({ keyId: documentKeyId(lostKey).toString('hex'), storageKey });
        expect(line.msg).toContain('DOCUMENTS_PREVIOUS_KEYS');
      }
      for (const key of [lostKey, newKey, retiredKey])
        for (const encoding of ['hex', 'base64'] as const)
          expect(log).not.toContain(key.toString(encoding).slice(0, 12));
      expect(log).not.toContain(file.applicant?.lastName ?? 'no name');
    });
  });

  describe(`supporting documents when their storage fails (${kind})`, () => {
    let t: TestApp;
    let store: TestDocumentStore;
    let agent: string;
    let coordinator: string;
    let file: ApplicantFileView;
    let log = '';
    interface LogLine {
      level: number;
      msg?: string;
      alert?: string;
      documentId?: string;
      storageKey?: string;
      problem?: string;
    }
    const lines = (): LogLine[] =>
      log
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
    /** Resolves once a log line says what `match` looks for: the server's own word that it is done. */
    const logged = async (match: (line: LogLine) => boolean): Promise<LogLine> => {
      for (;;) {
        const found = lines().find(match);
        if (found) return found;
        await new Promise((next) => setTimeout(next, 20));
      }
    };
    const countDocuments = async (): Promise<number> =>
      (
        (await t.dataSource.query('SELECT count(*)::int AS n FROM supporting_document')) as { n: number }[]
      )[0]!.n;
    const storageKeyOf = async (documentId: string): Promise<string> =>
      (
        (await t.dataSource.query('SELECT storage_key FROM supporting_document WHERE id = $1', [
          documentId,
        ])) as { storage_key: string }[]
      )[0]!.storage_key;
    const upload = async (bytes: Buffer, name = 'avis.pdf'): Promise<Response> => {
      const form = new FormData();
      form.append('type', 'TAX_NOTICE');
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${t.baseUrl}/api/applicant-files/${file.id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}` },
        body: form,
      });
    };
    const download = (documentId: string): Promise<Response> =>
      fetch(`${t.baseUrl}/api/documents/${documentId}/content`, {
        headers: { authorization: `Bearer ${agent}` },
      });

    beforeAll(async () => {
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          log += chunk.toString('utf8');
          done();
        },
      });
      store = await testDocumentStore(kind);
      t = await startTestApp({ ...store.overrides, logLevel: 'warn' }, { logDestination: destination });
      agent = (await t.login('mourenx.agent')).accessToken;
      coordinator = (await t.login('cclo.coordination')).accessToken;
      file = await registeredFile(t, agent);
    });

    afterAll(async () => {
      await t.close();
      await store.close();
    });

    it('answers 410 for a document whose object was removed or damaged behind Passerelle’s back, with an alert in the logs naming the document and its key only', async () => {
      const missing = (await (await upload(samplePdf('disparue'), 'nom-secret.pdf')).json()) as {
        id: string;
      };
      const damaged = (await (await upload(samplePdf('abîmée'))).json()) as { id: string };
      const missingKey = await storageKeyOf(missing.id);
      const damagedKey = await storageKeyOf(damaged.id);
      await store.remove(missingKey);
      const held = await store.sealed(damagedKey);
      held[held.length - 1] = (held[held.length - 1] ?? 0) ^ 0x01;
      await store.putSealed(damagedKey, held);
      log = '';

      for (const [id, storageKey, problem] of [
        [missing.id, missingKey, 'MISSING'],
        [damaged.id, damagedKey, 'DAMAGED'],
      ] as const) {
        const response = await download(id);
        expect({ problem, status: response.status }).toEqual({ problem, status: 410 });
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toEqual({
          statusCode: 410,
          error: 'Gone',
          message: expect.stringContaining('no longer held'),
        });
        expect(
          lines().filter((line) => line.alert === 'DOCUMENT_CONTENT_LOST' && line.documentId === id),
        ).toEqual([expect.objectContaining({ level: 50, documentId: id, storageKey, problem })]);
      }
      // The right of access still gets everything else, the lost content said so.
      const exported = await t.request<{ documents: Record<string, unknown>[] }>(
        'GET',
        `/api/applicant-files/${file.id}/export`,
        { token: coordinator },
      );
      expect(exported.status).toBe(200);
      expect(exported.body.documents.find((d) => d['id'] === missing.id)).toMatchObject({
        contentBase64: null,
        contentLost: true,
      });
      for (const secret of ['nom-secret', 'disparue', file.applicant?.lastName ?? 'no name'])
        expect(log).not.toContain(secret);
    });

    it('answers 503 with Retry-After while the storage is unreachable, stores nothing, and serves again once it is back', async () => {
      const kept = (await (await upload(samplePdf('avant la panne'))).json()) as { id: string };
      const documents = await countDocuments();
      const objects = await store.keys();
      const restore = await store.outage();
      try {
        for (const response of [await upload(samplePdf('pendant la panne')), await download(kept.id)]) {
          expect(response.status).toBe(503);
          expect(response.headers.get('retry-after')).toBe('5');
          expect(await response.json()).toEqual({
            statusCode: 503,
            error: 'Service Unavailable',
            message: expect.stringContaining('try again'),
          });
        }
        expect(await countDocuments()).toBe(documents);
      } finally {
        await restore();
      }
      expect(await store.keys()).toEqual(objects);
      const after = await download(kept.id);
      expect(after.status).toBe(200);
      expect(Buffer.from(await after.arrayBuffer()).equals(samplePdf('avant la panne'))).toBe(true);
      expect((await upload(samplePdf('après la panne'))).status).toBe(201);
    });

    it('leaves no record and no object when the transaction fails after the bytes were stored', async () => {
      const documents = await countDocuments();
      const objects = await store.keys();
      const admin = new Client({ connectionString: t.database.adminUrl });
      await admin.connect();
      try {
        // The record is written, then its timeline event fails: the whole transaction goes.
        await admin.query(`CREATE FUNCTION refuse_document_event() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
        await admin.query(`CREATE TRIGGER refuse_document_event BEFORE INSERT ON timeline_event FOR EACH ROW
          WHEN (NEW.type = 'DOCUMENT_ADDED') EXECUTE FUNCTION refuse_document_event()`);
        const refused = await upload(samplePdf('refusée'));
        expect(refused.status).not.toBe(201);
        expect(await countDocuments()).toBe(documents);
        expect(await store.keys()).toEqual(objects);
      } finally {
        await admin.query('DROP TRIGGER IF EXISTS refuse_document_event ON timeline_event');
        await admin.query('DROP FUNCTION IF EXISTS refuse_document_event()');
        await admin.end();
      }
      // Uploading into a file out of scope or unknown stores nothing either.
      const unknown = await fetch(`${t.baseUrl}/api/applicant-files/${randomUUID()}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}` },
        body: (() => {
          const form = new FormData();
          form.append('type', 'TAX_NOTICE');
          form.append('file', new Blob([new Uint8Array(samplePdf())]), 'avis.pdf');
          return form;
        })(),
      });
      expect(unknown.status).toBe(404);
      expect(await store.keys()).toEqual(objects);
    });

    it('leaves no record and no object when the client goes away in the middle of an upload', async () => {
      const documents = await countDocuments();
      const objects = await store.keys();
      log = '';
      const boundary = 'passerelle-cut-short';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nTAX_NOTICE\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="avis.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      );
      // More than one 5 MiB part of the bucket's multipart upload, then the connection drops.
      const sent = Buffer.concat([head, Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
      const port = new URL(t.baseUrl).port;
      await new Promise<void>((done, fail) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /api/applicant-files/${file.id}/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
              `Authorization: Bearer ${agent}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
              `Content-Length: ${sent.length + 1024}\r\n\r\n`,
          );
          socket.write(sent, () => {
            socket.destroy();
            done();
          });
        });
        socket.on('error', fail);
      });
      await logged(
        (line) => line.msg === 'An upload stopped before its document was whole: nothing was kept',
      );
      expect(await countDocuments()).toBe(documents);
      expect(await store.keys()).toEqual(objects);
    });
  });
}
