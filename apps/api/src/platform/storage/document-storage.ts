import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Where the bytes of supporting documents live. The API only ever sees this interface: the disk
 * implementation serves one machine; the S3-compatible one (same keys, same envelope) serves
 * several API instances sharing the documents (ARCHITECTURE.md « Past one machine »). Both seal
 * the bytes with DocumentCipher before they leave the process: the disk or the bucket only ever
 * holds ciphertext. Keys are made by the server (`newStorageKey`), never derived from user input.
 */
export abstract class DocumentStorage {
  /**
   * Seals the plain bytes of `source` as they come and stores them under `key`, replacing what was
   * there. All or nothing: when `source` fails (its error is the one thrown) or the store does,
   * nothing is left under `key`. StorageUnavailableError when the store cannot be reached.
   */
  abstract write(key: string, source: Readable): Promise<void>;

  /** `write` of bytes already in memory. */
  put(key: string, bytes: Buffer): Promise<void> {
    return this.write(key, Readable.from([bytes]));
  }

  /**
   * The plain bytes, whole: nothing is served before the tag has vouched for all of them.
   * StorageObjectNotFoundError, StorageIntegrityError, UnknownDocumentKeyError or
   * StorageUnavailableError otherwise.
   */
  abstract get(key: string): Promise<Buffer>;

  /** Removes the object (anonymisation, a failed upload); removing a missing object is not an error. */
  abstract delete(key: string): Promise<void>;

  /** The envelope as stored, unopened (copying between storages); StorageObjectNotFoundError if none. */
  abstract getSealed(key: string): Promise<Buffer>;

  /** Stores an envelope as it is (copying between storages): `get` opens it with the same keys. */
  abstract putSealed(key: string, envelope: Buffer): Promise<void>;
}

/** A storage key: a random UUID v4, lower case. Nothing else ever reaches a path or an object name. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newStorageKey(): string {
  return randomUUID();
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    super('Invalid storage key');
    this.name = 'InvalidStorageKeyError';
  }
}

export class StorageObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored document under ${key}`);
    this.name = 'StorageObjectNotFoundError';
  }
}

/**
 * The store did not answer, or refused for a reason of its own (network, credentials, bucket,
 * server error): the request may succeed later. `reason` names it for the logs, with no content.
 */
export class StorageUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The document storage is unavailable (${reason})`);
    this.name = 'StorageUnavailableError';
  }
}

/** The stored object is not one this storage wrote with this key: tampered, truncated or misplaced. */
export class StorageIntegrityError extends Error {
  constructor(readonly key: string) {
    super(`The stored document under ${key} failed its integrity check`);
    this.name = 'StorageIntegrityError';
  }
}

/**
 * The stored object was sealed with a key this server does not hold: `keyId` names it (null for an
 * object written before key ids), so that the operator can add it to DOCUMENTS_PREVIOUS_KEYS.
 */
export class UnknownDocumentKeyError extends Error {
  constructor(
    readonly key: string,
    readonly keyId: string | null,
  ) {
    super(
      keyId
        ? `The stored document under ${key} was sealed with documents key ${keyId}, which this server does not hold`
        : `The stored document under ${key} opens with none of the documents keys this server holds (it predates key ids, or was altered)`,
    );
    this.name = 'UnknownDocumentKeyError';
  }
}

export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || !STORAGE_KEY_PATTERN.test(key)) throw new InvalidStorageKeyError();
}
