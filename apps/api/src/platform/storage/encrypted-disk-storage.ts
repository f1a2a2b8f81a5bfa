import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentCipher } from './document-cipher';
import {
  DocumentStorage,
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
  StorageUnavailableError,
  assertStorageKey,
} from './document-storage';

const isMissing = (error: unknown): boolean => (error as { code?: unknown }).code === 'ENOENT';

/**
 * A failure of the file system itself (full, read-only, a folder gone or replaced, an I/O error)
 * is the storage's unavailability; any other error (the source's) goes on as it is.
 */
function fromFileSystem(error: unknown): unknown {
  const { syscall, code } = error as { syscall?: unknown; code?: unknown };
  return typeof syscall === 'string' ? new StorageUnavailableError(`${String(code)} on ${syscall}`) : error;
}

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

  write(key: string, source: Readable): Promise<void> {
    return this.store(key, (sink) => pipeline(source, this.cipher.sealing(key), sink));
  }

  putSealed(key: string, envelope: Buffer): Promise<void> {
    return this.store(key, (sink) => pipeline(Readable.from([envelope]), sink));
  }

  /**
   * Written aside then renamed: a reader never sees half an object, a failure leaves nothing. The
   * sink opens its file itself, so that `fill` joins its streams at once: an error of the source
   * is never left without a listener while the folder and the file are made.
   */
  private async store(key: string, fill: (sink: Writable) => Promise<void>): Promise<void> {
    const path = this.pathOf(key);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    let handle: FileHandle | null = null;
    const close = async (): Promise<void> => {
      const open = handle;
      handle = null;
      await open?.close();
    };
    const sink = new Writable({
      construct: (done) => {
        mkdir(dirname(path), { recursive: true, mode: 0o700 })
          .then(() => open(temporary, 'wx', 0o600))
          .then((opened) => {
            handle = opened;
            done();
          }, done);
      },
      write: (chunk: Buffer, _encoding, done) => {
        (handle as FileHandle).write(chunk).then(() => done(), done);
      },
      final: (done) => {
        (handle as FileHandle).sync().then(() => done(), done);
      },
      // Runs once the file is open, if it opens: a failure while it opens leaves no descriptor.
      destroy: (error, done) => {
        close().then(
          () => done(error),
          () => done(error),
        );
      },
    });
    try {
      await fill(sink);
      await close();
      await rename(temporary, path);
    } catch (error) {
      if (!sink.closed) {
        await new Promise((closed) => {
          sink.once('close', closed);
          sink.destroy();
        });
      }
      await rm(temporary, { force: true }).catch(() => undefined);
      throw fromFileSystem(error);
    }
  }

  async get(key: string): Promise<Buffer> {
    return this.cipher.open(key, await this.getSealed(key));
  }

  async getSealed(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFoundError(key);
      throw fromFileSystem(error);
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true }).catch((error: unknown) => {
      throw fromFileSystem(error);
    });
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
