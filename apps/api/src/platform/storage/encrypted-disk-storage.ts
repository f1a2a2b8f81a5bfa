import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DocumentCipher } from './document-cipher';
import {
  DocumentStorage,
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
  assertStorageKey,
} from './document-storage';

const isMissing = (error: unknown): boolean => (error as { code?: unknown }).code === 'ENOENT';

/**
 * Documents encrypted at rest (DocumentCipher: AES-256-GCM, a random IV per object) under
 * `<root>/<2 hex>/<key>`.
 */
export class EncryptedDiskStorage extends DocumentStorage {
  private readonly root: string;

  constructor(
    root: string,
    private readonly cipher: DocumentCipher,
  ) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const envelope = this.cipher.seal(key, bytes);
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
    return this.cipher.open(key, envelope);
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
}

/** The folder of the documents under the data directory. */
export const documentsDirectory = (dataDir: string): string => join(dataDir, 'documents');
