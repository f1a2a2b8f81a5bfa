import 'reflect-metadata';
import { Client } from 'pg';
import { ConfigError, loadConfig } from '@api/platform/config/config';
import { DocumentCipher } from '@api/platform/storage/document-cipher';
import { EncryptedDiskStorage, documentsDirectory } from '@api/platform/storage/encrypted-disk-storage';
import { S3DocumentStorage, s3Client } from '@api/platform/storage/s3-document-storage';
import { safeErrorMessage } from '@api/platform/logging/error-serializer';
import { migrateDocuments } from '@api/app/documents/documents-migration';

const say = (line: string): void => void process.stderr.write(`[documents:migrate] ${line}\n`);

/**
 * `npm run documents:migrate`: copies the documents of DATA_DIR/documents into the bucket that
 * DOCUMENTS_STORAGE=s3 and the S3_* variables name, with the API's own configuration, then reads
 * each back and checks it. Exits 1 when any document could not be vouched for.
 */
export async function runDocumentsMigration(env: NodeJS.ProcessEnv): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      say(`cannot start.\n${error.message}`);
      return 2;
    }
    throw error;
  }
  const storage = config.documentsStorage;
  if (storage.kind !== 's3') {
    say(
      'set DOCUMENTS_STORAGE=s3 and the S3_* variables of the bucket to fill (README « Documents in object storage »)',
    );
    return 2;
  }
  const cipher = new DocumentCipher(config.documentsKey, config.documentsPreviousKeys);
  const source = new EncryptedDiskStorage(documentsDirectory(config.dataDir), cipher);
  const client = s3Client(storage);
  const target = new S3DocumentStorage(client, storage.bucket, cipher);
  const db = new Client({ connectionString: config.databaseUrl });
  await db.connect();
  try {
    say(
      `from ${documentsDirectory(config.dataDir)} to bucket ${storage.bucket}${storage.endpoint ? ` at ${storage.endpoint}` : ''}`,
    );
    const report = await migrateDocuments(
      async (sql) => (await db.query<{ id: string; storage_key: string; sha256: string }>(sql)).rows,
      source,
      target,
      say,
    );
    say(
      `${report.documents} documents: ${report.copied} copied and checked, ${report.alreadyThere} already in the bucket and checked, ${report.problems.length} problems`,
    );
    for (const { documentId, storageKey, problem } of report.problems)
      say(`  ${problem}: document ${documentId} (storage key ${storageKey})`);
    if (report.problems.length > 0) {
      say(
        'not every document is in the bucket: keep DOCUMENTS_STORAGE=disk until the problems above are mended',
      );
      return 1;
    }
    say('every document is in the bucket: DOCUMENTS_STORAGE=s3 can serve them');
    return 0;
  } finally {
    await db.end();
    client.destroy();
  }
}

if (require.main === module) {
  runDocumentsMigration(process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      say(`failed: ${safeErrorMessage(error)}`);
      process.exit(1);
    },
  );
}
