import { randomUUID } from 'node:crypto';

/**
 * Where the bytes of supporting documents live. The API only ever sees this interface: the disk
 * implementation serves one machine; an S3-compatible implementation (same keys, same envelope)
 * replaces it when several API instances share the documents (ARCHITECTURE.md « Past one machine »).
 * Keys are made by the server (`newStorageKey`), never derived from user input.
 */
export abstract class DocumentStorage {
  /** Stores `bytes` under `key`, replacing what was there; the write is all or nothing. */
  abstract put(key: string, bytes: Buffer): Promise<void>;

  /** The plain bytes; StorageObjectNotFoundError, StorageIntegrityError or UnknownDocumentKeyError otherwise. */
  abstract get(key: string): Promise<Buffer>;

  /** Removes the object (anonymisation); removing a missing object is not an error. */
  abstract delete(key: string): Promise<void>;
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
