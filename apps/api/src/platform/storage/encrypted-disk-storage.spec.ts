import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DocumentCipher } from './document-cipher';
import {
  InvalidStorageKeyError,
  StorageIntegrityError,
  StorageObjectNotFoundError,
  UnknownDocumentKeyError,
  newStorageKey,
} from './document-storage';
import { EncryptedDiskStorage } from './encrypted-disk-storage';

describe('EncryptedDiskStorage', () => {
  let root: string;
  let storage: EncryptedDiskStorage;
  const key = randomBytes(32);
  const plain = Buffer.from('%PDF-1.4\nAvis d’imposition de Sylvie Lacoste, revenu fiscal 18 240 €\n%%EOF\n');

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'passerelle-storage-'));
    storage = new EncryptedDiskStorage(root, new DocumentCipher(key));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives back the bytes it stored', async () => {
    const id = newStorageKey();
    await storage.put(id, plain);
    expect((await storage.get(id)).equals(plain)).toBe(true);
    const empty = newStorageKey();
    await storage.put(empty, Buffer.alloc(0));
    expect((await storage.get(empty)).length).toBe(0);
  });

  it('writes the sealed envelope, never the plaintext, and nothing beside it', async () => {
    const first = newStorageKey();
    const second = newStorageKey();
    await storage.put(first, plain);
    await storage.put(second, plain);
    const onDisk = await readFile(storage.pathOf(first));
    expect(onDisk.subarray(0, 5)).toEqual(Buffer.from([0x50, 0x53, 0x44, 0x45, 3]));
    expect(onDisk.includes(Buffer.from('Lacoste'))).toBe(false);
    expect(onDisk.includes(plain.subarray(0, 16))).toBe(false);
    expect(onDisk.length).toBe(plain.length + 37);
    // Same bytes, different IV: different ciphertext.
    expect(onDisk.equals(await readFile(storage.pathOf(second)))).toBe(false);
    // Nothing but the objects is left behind (no temporary file).
    const shard = await readdir(join(root, first.slice(0, 2)));
    expect(shard.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('stores a stream as it comes, and stores nothing when the stream fails halfway, its error thrown', async () => {
    const id = newStorageKey();
    await storage.write(id, Readable.from([plain.subarray(0, 10), plain.subarray(10)]));
    expect((await storage.get(id)).equals(plain)).toBe(true);

    const failed = newStorageKey();
    const cut = new Error('client gone');
    async function* halfway(): AsyncGenerator<Buffer> {
      yield plain.subarray(0, 10);
      throw cut;
    }
    await expect(storage.write(failed, Readable.from(halfway()))).rejects.toBe(cut);
    await expect(storage.get(failed)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    expect(await readdir(join(root, failed.slice(0, 2)))).toEqual([]);
    // What was there before a failed replacement stays whole.
    await expect(storage.write(id, Readable.from(halfway()))).rejects.toBe(cut);
    expect((await storage.get(id)).equals(plain)).toBe(true);
  });

  it('copies envelopes as they are: what getSealed gives, putSealed stores, and get opens', async () => {
    const id = newStorageKey();
    await storage.put(id, plain);
    const envelope = await storage.getSealed(id);
    const elsewhere = await mkdtemp(join(tmpdir(), 'passerelle-storage-copy-'));
    try {
      const copy = new EncryptedDiskStorage(elsewhere, new DocumentCipher(key));
      await copy.putSealed(id, envelope);
      expect((await copy.getSealed(id)).equals(envelope)).toBe(true);
      expect((await copy.get(id)).equals(plain)).toBe(true);
      await expect(copy.getSealed(newStorageKey())).rejects.toBeInstanceOf(StorageObjectNotFoundError);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a tampered or misplaced object, and names the key of one sealed with a key it lacks', async () => {
    const id = newStorageKey();
    await storage.put(id, plain);
    const path = storage.pathOf(id);
    const original = await readFile(path);

    const flipped = Buffer.from(original);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
    await writeFile(path, flipped);
    await expect(storage.get(id)).rejects.toBeInstanceOf(StorageIntegrityError);

    await writeFile(path, original.subarray(0, 20));
    await expect(storage.get(id)).rejects.toBeInstanceOf(StorageIntegrityError);

    const other = newStorageKey();
    await storage.put(other, Buffer.from('x'));
    await writeFile(storage.pathOf(other), original);
    await expect(storage.get(other)).rejects.toBeInstanceOf(StorageIntegrityError);

    await writeFile(path, original);
    const rotatedAway = new EncryptedDiskStorage(root, new DocumentCipher(randomBytes(32)));
    await expect(rotatedAway.get(id)).rejects.toBeInstanceOf(UnknownDocumentKeyError);
    const rotated = new EncryptedDiskStorage(root, new DocumentCipher(randomBytes(32), [key]));
    expect((await rotated.get(id)).equals(plain)).toBe(true);
    expect((await storage.get(id)).equals(plain)).toBe(true);
  });

  it('refuses keys it did not make, so that no path can be reached', async () => {
    for (const bad of [
      '../../etc/passwd',
      '..',
      '',
      'document.pdf',
      `${newStorageKey()}/../x`,
      newStorageKey().toUpperCase(),
      `/${newStorageKey()}`,
      `${newStorageKey()}\0`,
    ]) {
      await expect(storage.put(bad, plain)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it('deletes, idempotently, and then reports the object missing', async () => {
    const id = newStorageKey();
    await storage.put(id, plain);
    await storage.delete(id);
    await storage.delete(id);
    await expect(storage.get(id)).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });
});
