import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import {
  DocumentStorage,
  InvalidStorageKeyError,
  StorageIntegrityError,
  StorageObjectNotFoundError,
  assertStorageKey,
} from './document-storage';

/**
 * The envelope of a stored object, version 1:
 *   magic "PSDE" (4) | version (1) | IV (12) | GCM tag (16) | AES-256-GCM ciphertext
 * The magic, the version and the storage key are authenticated data: an object copied under
 * another key, or with its header changed, is refused like a tampered one.
 */
const MAGIC = Buffer.from('PSDE', 'ascii');
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + IV_BYTES + TAG_BYTES;

const isMissing = (error: unknown): boolean => (error as { code?: unknown }).code === 'ENOENT';

/** Documents encrypted at rest (AES-256-GCM, a random IV per object) under `<root>/<2 hex>/<key>`. */
export class EncryptedDiskStorage extends DocumentStorage {
  private readonly root: string;

  constructor(
    root: string,
    private readonly key: Buffer,
  ) {
    super();
    if (key.length !== 32) throw new Error('The documents key must be 32 bytes');
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const iv = randomBytes(IV_BYTES);
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION])]);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.aad(header, key));
    const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
    const envelope = Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);

    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside then renamed: a reader never sees half an object, a crash leaves only a temp file.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(envelope);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    const path = this.pathOf(key);
    let envelope: Buffer;
    try {
      envelope = await readFile(path);
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFoundError(key);
      throw error;
    }
    const header = envelope.subarray(0, MAGIC.length + 1);
    if (
      envelope.length < HEADER_BYTES ||
      !header.subarray(0, MAGIC.length).equals(MAGIC) ||
      header[MAGIC.length] !== VERSION
    ) {
      throw new StorageIntegrityError(key);
    }
    const iv = envelope.subarray(header.length, header.length + IV_BYTES);
    const tag = envelope.subarray(header.length + IV_BYTES, HEADER_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(this.aad(header, key));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(envelope.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new StorageIntegrityError(key);
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Where an object lives on disk; for tests and backups, never for serving. */
  pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, key.slice(0, 2), key);
    // The key pattern already rules out any traversal; this keeps it so if the pattern ever changes.
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKeyError();
    return path;
  }

  private aad(header: Buffer, key: string): Buffer {
    return Buffer.concat([header, Buffer.from(key, 'ascii')]);
  }
}

/** The folder of the documents under the data directory. */
export const documentsDirectory = (dataDir: string): string => join(dataDir, 'documents');
