import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { DocumentCipher } from './document-cipher';
import { StorageIntegrityError, UnknownDocumentKeyError, newStorageKey } from './document-storage';
import { VERSION_1_ENVELOPE as VERSION_1 } from './testing/version-1-envelope';
import { VERSION_2_ENVELOPE as VERSION_2 } from './testing/version-2-envelope';

const plain = Buffer.from('%PDF-1.4\nAvis d’imposition de Sylvie Lacoste, revenu fiscal 18 240 €\n%%EOF\n');
const keyIdOf = (key: Buffer): string =>
  createHash('sha256').update(key).digest().subarray(0, 4).toString('hex');

describe('DocumentCipher', () => {
  const key = randomBytes(32);

  it('gives back what it sealed, empty included', () => {
    const cipher = new DocumentCipher(key);
    const id = newStorageKey();
    expect(cipher.open(id, cipher.seal(id, plain)).equals(plain)).toBe(true);
    expect(cipher.open(id, cipher.seal(id, Buffer.alloc(0))).length).toBe(0);
  });

  it('writes a versioned header naming its key, a fresh IV, never the plaintext nor the key', () => {
    const cipher = new DocumentCipher(key);
    const id = newStorageKey();
    const first = cipher.seal(id, plain);
    expect(first.subarray(0, 5)).toEqual(Buffer.from([0x50, 0x53, 0x44, 0x45, 3]));
    expect(first.subarray(5, 9).toString('hex')).toBe(keyIdOf(key));
    expect(cipher.keyId).toBe(keyIdOf(key));
    expect(first.length).toBe(plain.length + 37);
    expect(first.includes(Buffer.from('Lacoste'))).toBe(false);
    expect(first.includes(plain.subarray(0, 16))).toBe(false);
    expect(first.includes(key.subarray(0, 8))).toBe(false);
    // Same bytes, different IV: different ciphertext.
    expect(first.equals(cipher.seal(id, plain))).toBe(false);
  });

  it('seals a stream as it comes into the same envelope, whatever its chunks, the tag last', async () => {
    const cipher = new DocumentCipher(key);
    const id = newStorageKey();
    const chunks = [plain.subarray(0, 3), Buffer.alloc(0), plain.subarray(3, 40), plain.subarray(40)];
    const sealed = await buffer(Readable.from(chunks).pipe(cipher.sealing(id)));
    expect(sealed.subarray(0, 9).equals(cipher.seal(id, plain).subarray(0, 9))).toBe(true);
    expect(sealed.length).toBe(plain.length + 37);
    expect(cipher.open(id, sealed).equals(plain)).toBe(true);
    const empty = await buffer(Readable.from([]).pipe(cipher.sealing(id)));
    expect(cipher.open(id, empty).length).toBe(0);
    // Cut before its tag, a stream sealed halfway never opens.
    expect(() => cipher.open(id, sealed.subarray(0, sealed.length - 16))).toThrow(StorageIntegrityError);
  });

  it('still opens an object written with the tag before the ciphertext (version 2)', () => {
    const { storageKey, envelope } = VERSION_2;
    expect(envelope[4]).toBe(2);
    expect(new DocumentCipher(VERSION_2.key).open(storageKey, envelope).toString()).toBe(VERSION_2.plain);
    const rotated = new DocumentCipher(key, [VERSION_2.key]);
    expect(rotated.open(storageKey, envelope).toString()).toBe(VERSION_2.plain);
    expect(() => rotated.open(newStorageKey(), envelope)).toThrow(StorageIntegrityError);
    const flipped = Buffer.from(envelope);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
    expect(() => rotated.open(storageKey, flipped)).toThrow(StorageIntegrityError);
  });

  it('still opens an object written before key ids, with the current key or a previous one', () => {
    const { storageKey, envelope } = VERSION_1;
    expect(new DocumentCipher(VERSION_1.key).open(storageKey, envelope).toString()).toBe(VERSION_1.plain);
    const rotated = new DocumentCipher(key, [randomBytes(32), VERSION_1.key]);
    expect(rotated.open(storageKey, envelope).toString()).toBe(VERSION_1.plain);
    // Its place is still authenticated: elsewhere, no key opens it.
    expect(() => rotated.open(newStorageKey(), envelope)).toThrow(UnknownDocumentKeyError);
    expect(() => new DocumentCipher(key).open(storageKey, envelope)).toThrow(UnknownDocumentKeyError);
  });

  it('after a rotation, opens what the old key sealed and seals with the new one', () => {
    const old = new DocumentCipher(key);
    const id = newStorageKey();
    const sealedBefore = old.seal(id, plain);

    const newKey = randomBytes(32);
    const rotated = new DocumentCipher(newKey, [key]);
    expect(rotated.open(id, sealedBefore).equals(plain)).toBe(true);
    const sealedAfter = rotated.seal(id, plain);
    expect(sealedAfter.subarray(5, 9).toString('hex')).toBe(keyIdOf(newKey));
    expect(rotated.open(id, sealedAfter).equals(plain)).toBe(true);
    // The old key alone cannot open what the new one sealed, and says which key is missing.
    expect(() => old.open(id, sealedAfter)).toThrow(
      expect.objectContaining({ name: 'UnknownDocumentKeyError', keyId: keyIdOf(newKey), key: id }),
    );
  });

  it('fails cleanly on an object sealed with a key it does not hold, naming its id, never a key', () => {
    const stranger = randomBytes(32);
    const id = newStorageKey();
    const sealed = new DocumentCipher(stranger).seal(id, plain);
    let error: unknown;
    try {
      new DocumentCipher(key, [randomBytes(32)]).open(id, sealed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownDocumentKeyError);
    const message = JSON.stringify({ ...(error as object), message: (error as Error).message });
    expect(message).toContain(keyIdOf(stranger));
    for (const secret of [stranger, key])
      for (const encoding of ['hex', 'base64'] as const)
        expect(message).not.toContain(secret.toString(encoding).slice(0, 12));
  });

  it('refuses a tampered, truncated or misplaced object as an integrity failure', () => {
    const cipher = new DocumentCipher(key);
    const id = newStorageKey();
    const original = cipher.seal(id, plain);

    const flipped = Buffer.from(original);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
    expect(() => cipher.open(id, flipped)).toThrow(StorageIntegrityError);

    for (const version of [0, 2, 4, 255]) {
      const badVersion = Buffer.from(original);
      badVersion[4] = version;
      expect(() => cipher.open(id, badVersion)).toThrow(StorageIntegrityError);
    }
    const badMagic = Buffer.from(original);
    badMagic[0] = 0x51;
    expect(() => cipher.open(id, badMagic)).toThrow(StorageIntegrityError);

    for (const length of [0, 4, 5, 20, 36])
      expect(() => cipher.open(id, original.subarray(0, length))).toThrow(StorageIntegrityError);

    // The storage key is authenticated: the same envelope under another key is refused.
    expect(() => cipher.open(newStorageKey(), original)).toThrow(StorageIntegrityError);
    expect(cipher.open(id, original).equals(plain)).toBe(true);
  });

  it('wants 32-byte keys, each once', () => {
    expect(() => new DocumentCipher(randomBytes(16))).toThrow('32 bytes');
    expect(() => new DocumentCipher(key, [randomBytes(31)])).toThrow('32 bytes');
    expect(() => new DocumentCipher(key, [Buffer.from(key)])).toThrow('twice');
  });
});
