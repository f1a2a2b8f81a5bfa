import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { ApplicantFileView, SupportingDocumentView } from '@passerelle/shared/domain';
import { type TestBucket, createTestBucket } from '@passerelle/testing';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { type TestDocumentStore, testDocumentStore } from '@api/testing/document-store';
import { registeredFile } from '@api/testing/builders';
import { DEMO_DOCUMENTS_KEY } from '@api/platform/config/config';
import { DocumentCipher } from '@api/platform/storage/document-cipher';
import { S3DocumentStorage, s3Client } from '@api/platform/storage/s3-document-storage';
import { samplePdf, samplePng } from './testing/sample-documents';

const root = join(__dirname, '../../../../..');

/** `npm run documents:migrate` as an operator runs it: its exit code and what it says. */
function migrate(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['tools/documents/migrate.mjs'],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('npm run documents:migrate', () => {
  let t: TestApp;
  let disk: TestDocumentStore;
  let bucket: TestBucket;
  let agent: string;
  let file: ApplicantFileView;
  let env: Record<string, string>;

  const upload = async (bytes: Buffer, name: string): Promise<SupportingDocumentView> => {
    const form = new FormData();
    form.append('type', 'TAX_NOTICE');
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${t.baseUrl}/api/applicant-files/${file.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as SupportingDocumentView;
  };
  const storageKeyOf = async (documentId: string): Promise<string> =>
    (
      (await t.dataSource.query('SELECT storage_key FROM supporting_document WHERE id = $1', [
        documentId,
      ])) as { storage_key: string }[]
    )[0]!.storage_key;

  beforeAll(async () => {
    disk = await testDocumentStore('disk');
    t = await startTestApp(disk.overrides);
    bucket = await createTestBucket();
    agent = (await t.login('mourenx.agent')).accessToken;
    file = await registeredFile(t, agent);
    env = {
      PASSERELLE_MODE: 'demo',
      DATABASE_URL: t.database.url,
      DATA_DIR: String(disk.overrides.dataDir),
      DOCUMENTS_STORAGE: 's3',
      S3_ENDPOINT: bucket.endpoint,
      S3_REGION: bucket.region,
      S3_BUCKET: bucket.bucket,
      S3_ACCESS_KEY_ID: bucket.accessKeyId,
      S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  });

  afterAll(async () => {
    await t.close();
    await disk.close();
    await bucket.drop();
  });

  it('copies every disk document to the bucket as it is sealed, checks each, copies nothing twice, and exits 1 on any problem', async () => {
    const documents = [
      await upload(samplePdf('avis 2024'), 'avis-2024.pdf'),
      await upload(samplePng(), 'scan.png'),
      await upload(samplePdf('avis 2025'), 'avis-2025.pdf'),
    ];
    const keys = await Promise.all(documents.map((document) => storageKeyOf(document.id)));
    // One record whose object is gone from the disk, one whose object is not what its record says.
    const lost = await upload(samplePdf('perdu'), 'perdu.pdf');
    await disk.remove(await storageKeyOf(lost.id));
    const altered = await upload(samplePdf('modifié'), 'modifie.pdf');
    await t.dataSource.query('UPDATE supporting_document SET sha256 = $2 WHERE id = $1', [
      altered.id,
      'f'.repeat(64),
    ]);

    const first = await migrate(env);
    expect(first.code).toBe(1);
    expect(first.output).toContain(
      '5 documents: 3 copied and checked, 0 already in the bucket and checked, 2 problems',
    );
    expect(first.output).toContain(`MISSING_IN_SOURCE: document ${lost.id}`);
    expect(first.output).toContain(`CHECKSUM_MISMATCH: document ${altered.id}`);
    // Nothing of the documents' names or content in what it prints.
    for (const secret of ['avis-2024', 'scan.png', 'avis 2025', file.applicant?.lastName ?? 'no name'])
      expect(first.output).not.toContain(secret);
    // The bucket holds the envelopes byte for byte (ciphertext, never the plain bytes), and the S3
    // storage opens them with the same keys.
    const s3 = new S3DocumentStorage(
      s3Client({
        kind: 's3',
        endpoint: bucket.endpoint,
        region: bucket.region,
        bucket: bucket.bucket,
        credentials: { accessKeyId: bucket.accessKeyId, secretAccessKey: bucket.secretAccessKey },
        forcePathStyle: true,
      }),
      bucket.bucket,
      new DocumentCipher(Buffer.from(DEMO_DOCUMENTS_KEY, 'base64')),
    );
    try {
      expect(await bucket.keys()).toEqual([...keys, await storageKeyOf(altered.id)].sort());
      for (const [index, key] of keys.entries()) {
        const held = await s3.getSealed(key);
        expect(held.equals(await disk.sealed(key))).toBe(true);
        expect(held.includes(Buffer.from('avis'))).toBe(false);
        expect(
          (await s3.get(key)).equals([samplePdf('avis 2024'), samplePng(), samplePdf('avis 2025')][index]!),
        ).toBe(true);
      }
    } finally {
      s3.onModuleDestroy();
    }

    // Mended (the two records removed, as an operator would after looking), it passes, copying nothing again.
    await t.dataSource.query('DELETE FROM supporting_document WHERE id = ANY($1)', [[lost.id, altered.id]]);
    const second = await migrate(env);
    expect(second.output).toContain(
      '3 documents: 0 copied and checked, 3 already in the bucket and checked, 0 problems',
    );
    expect(second.code).toBe(0);
  });

  it('refuses to run without a bucket to fill, saying what to set', async () => {
    const { code, output } = await migrate({ ...env, DOCUMENTS_STORAGE: 'disk' });
    expect(code).toBe(2);
    expect(output).toContain('set DOCUMENTS_STORAGE=s3');
  });
});
