import { createHash } from 'node:crypto';
import {
  type DocumentStorage,
  StorageIntegrityError,
  StorageObjectNotFoundError,
  UnknownDocumentKeyError,
} from '@api/platform/storage/document-storage';

/** A document the migration could not vouch for in the target, and why (no content, no name). */
export interface MigrationProblem {
  documentId: string;
  storageKey: string;
  problem: 'MISSING_IN_SOURCE' | 'NOT_KEPT_BY_TARGET' | 'UNKNOWN_KEY' | 'DAMAGED' | 'CHECKSUM_MISMATCH';
}

export interface MigrationReport {
  documents: number;
  /** Copied by this run, then read back and checked. */
  copied: number;
  /** Already in the target and checked: not copied again. */
  alreadyThere: number;
  problems: MigrationProblem[];
}

interface DocumentRecord {
  id: string;
  storage_key: string;
  sha256: string;
}

type Query = (sql: string) => Promise<DocumentRecord[]>;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Copies every document's envelope from `source` to `target` as it is (still sealed: the target
 * never sees plain bytes), then reads it back from the target, opens it and compares the plain
 * bytes' SHA-256 with the one its record keeps. Idempotent: a document already in the target that
 * checks out is not copied again, one that does not is copied again. Never deletes anything.
 */
export async function migrateDocuments(
  query: Query,
  source: DocumentStorage,
  target: DocumentStorage,
  progress: (line: string) => void = () => undefined,
): Promise<MigrationReport> {
  const records = await query(
    'SELECT id, storage_key, sha256 FROM supporting_document ORDER BY uploaded_at, id',
  );
  const report: MigrationReport = { documents: records.length, copied: 0, alreadyThere: 0, problems: [] };
  const problem = (record: DocumentRecord, what: MigrationProblem['problem']): void => {
    report.problems.push({ documentId: record.id, storageKey: record.storage_key, problem: what });
    progress(`${record.id}: ${what}`);
  };

  for (const record of records) {
    if ((await check(target, record)) === 'OK') {
      report.alreadyThere++;
      continue;
    }
    let envelope: Buffer;
    try {
      envelope = await source.getSealed(record.storage_key);
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError) {
        problem(record, 'MISSING_IN_SOURCE');
        continue;
      }
      throw error;
    }
    await target.putSealed(record.storage_key, envelope);
    const verdict = await check(target, record);
    if (verdict === 'OK') report.copied++;
    else problem(record, verdict === 'MISSING' ? 'NOT_KEPT_BY_TARGET' : verdict);
    if ((report.copied + report.alreadyThere) % 100 === 0 && verdict === 'OK')
      progress(`${report.copied + report.alreadyThere} of ${records.length} documents in place`);
  }
  return report;
}

/** What the target holds for a record, opened and compared with the record's checksum. */
async function check(
  target: DocumentStorage,
  record: DocumentRecord,
): Promise<'OK' | 'MISSING' | 'UNKNOWN_KEY' | 'DAMAGED' | 'CHECKSUM_MISMATCH'> {
  try {
    return sha256(await target.get(record.storage_key)) === record.sha256 ? 'OK' : 'CHECKSUM_MISMATCH';
  } catch (error) {
    if (error instanceof StorageObjectNotFoundError) return 'MISSING';
    if (error instanceof UnknownDocumentKeyError) return 'UNKNOWN_KEY';
    if (error instanceof StorageIntegrityError) return 'DAMAGED';
    throw error;
  }
}
