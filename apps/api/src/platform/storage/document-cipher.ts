import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { StorageIntegrityError, UnknownDocumentKeyError } from './document-storage';

/**
 * The envelope of a stored object, version 3:
 *   magic "PSDE" (4) | version 3 (1) | key id (4) | IV (12) | AES-256-GCM ciphertext | GCM tag (16)
 * The tag comes last so that an object can be sealed as its bytes arrive (`sealing`): nothing
 * needs the whole document in memory on its way to the disk or the bucket.
 * Version 2 had the tag before the ciphertext:
 *   magic "PSDE" (4) | version 2 (1) | key id (4) | IV (12) | GCM tag (16) | AES-256-GCM ciphertext
 * Version 1, written before keys could be rotated, has no key id:
 *   magic "PSDE" (4) | version 1 (1) | IV (12) | GCM tag (16) | AES-256-GCM ciphertext
 * The header and the storage key are authenticated data: an object copied under another key, or
 * with its header changed, is refused like a tampered one. The key id (the first bytes of the key's
 * SHA-256) says which key sealed an object without revealing it, so that `DOCUMENTS_KEY` can be
 * rotated: new objects are sealed with the current key, old ones open with a previous one.
 * Opening takes the whole envelope: no plaintext leaves before the tag has vouched for all of it.
 * The disk storage and the object storage share it.
 */
const MAGIC = Buffer.from('PSDE', 'ascii');
const VERSION_WITHOUT_KEY_ID = 1;
const VERSION_TAG_FIRST = 2;
const VERSION = 3;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

interface DocumentKey {
  readonly id: Buffer;
  readonly secret: Buffer;
}

/** The id written in an envelope for `key`: 4 bytes of its SHA-256, hex in logs. */
export function documentKeyId(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);
}

export class DocumentCipher {
  private readonly current: DocumentKey;
  /** The current key first: version 1 objects are tried with each in turn. */
  private readonly keys: readonly DocumentKey[];

  constructor(currentKey: Buffer, previousKeys: readonly Buffer[] = []) {
    const keys = [currentKey, ...previousKeys].map((secret): DocumentKey => {
      if (secret.length !== KEY_BYTES) throw new Error('A documents key must be 32 bytes');
      return { id: documentKeyId(secret), secret };
    });
    const ids = new Set(keys.map((key) => key.id.toString('hex')));
    if (ids.size !== keys.length) throw new Error('A documents key is given twice');
    this.current = keys[0] as DocumentKey;
    this.keys = keys;
  }

  /** The id of the key that seals new objects (hex), for logs and tests. */
  get keyId(): string {
    return this.current.id.toString('hex');
  }

  seal(storageKey: string, plain: Buffer): Buffer {
    const sealer = this.sealer(storageKey);
    return Buffer.concat([sealer.start, sealer.update(plain), sealer.final()]);
  }

  /** A stream that turns plain bytes into the envelope as they come; its end writes the tag. */
  sealing(storageKey: string): Transform {
    const sealer = this.sealer(storageKey);
    let started = false;
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (!started) {
          started = true;
          this.push(sealer.start);
        }
        done(null, sealer.update(chunk));
      },
      flush(done) {
        if (!started) this.push(sealer.start);
        done(null, sealer.final());
      },
    });
  }

  private sealer(storageKey: string): {
    start: Buffer;
    update: (plain: Buffer) => Buffer;
    final: () => Buffer;
  } {
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), this.current.id]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.secret, iv);
    cipher.setAAD(aad(header, storageKey));
    return {
      start: Buffer.concat([header, iv]),
      update: (plain) => cipher.update(plain),
      final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
    };
  }

  /** The plain bytes; StorageIntegrityError, or UnknownDocumentKeyError when no key held opens it. */
  open(storageKey: string, envelope: Buffer): Buffer {
    if (envelope.length <= MAGIC.length || !envelope.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new StorageIntegrityError(storageKey);
    }
    const version = envelope[MAGIC.length];
    if (version === VERSION || version === VERSION_TAG_FIRST) {
      const header = envelope.subarray(0, MAGIC.length + 1 + KEY_ID_BYTES);
      if (envelope.length < header.length + IV_BYTES + TAG_BYTES) throw new StorageIntegrityError(storageKey);
      const id = header.subarray(MAGIC.length + 1);
      const key = this.keys.find((candidate) => candidate.id.equals(id));
      if (!key) throw new UnknownDocumentKeyError(storageKey, id.toString('hex'));
      const plain = decrypt(key.secret, header, storageKey, envelope, version === VERSION);
      if (!plain) throw new StorageIntegrityError(storageKey);
      return plain;
    }
    if (version === VERSION_WITHOUT_KEY_ID) {
      const header = envelope.subarray(0, MAGIC.length + 1);
      if (envelope.length < header.length + IV_BYTES + TAG_BYTES) throw new StorageIntegrityError(storageKey);
      for (const key of this.keys) {
        const plain = decrypt(key.secret, header, storageKey, envelope, false);
        if (plain) return plain;
      }
      // Without a key id, a missing previous key and an altered object look alike; after a
      // rotation the first is by far the likelier, and the one the operator can mend.
      throw new UnknownDocumentKeyError(storageKey, null);
    }
    throw new StorageIntegrityError(storageKey);
  }
}

function aad(header: Buffer, storageKey: string): Buffer {
  return Buffer.concat([header, Buffer.from(storageKey, 'ascii')]);
}

/** The plain bytes, or null when the key or the bytes fail authentication. */
function decrypt(
  secret: Buffer,
  header: Buffer,
  storageKey: string,
  envelope: Buffer,
  tagLast: boolean,
): Buffer | null {
  const ivEnd = header.length + IV_BYTES;
  const iv = envelope.subarray(header.length, ivEnd);
  const tag = tagLast
    ? envelope.subarray(envelope.length - TAG_BYTES)
    : envelope.subarray(ivEnd, ivEnd + TAG_BYTES);
  const ciphertext = tagLast
    ? envelope.subarray(ivEnd, envelope.length - TAG_BYTES)
    : envelope.subarray(ivEnd + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, iv);
    decipher.setAAD(aad(header, storageKey));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
