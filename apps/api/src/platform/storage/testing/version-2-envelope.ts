/**
 * An object as the storage wrote it before streaming (envelope version 2, the GCM tag before the
 * ciphertext): the bytes that DocumentCipher.seal made at commit 1bb7b67 for this plaintext, under
 * this storage key, with a key of 32 bytes 0x6b. Documents stored then look like this and must
 * still open.
 */
export const VERSION_2_ENVELOPE = {
  key: Buffer.alloc(32, 0x6b),
  storageKey: '8c4e2a1f-5b3d-4c7e-8f9a-0d1e2f3a4b5c',
  envelope: Buffer.from(
    'UFNERQJeMY+MMWDZ/z70LKNlX1xpbcJxQUVUQiPrwHysazcWKsHC1t6YhdE+Y8ljmhmKdPkcvkJNOCnoQk3n5AgAttywM9x13oN+21K9fhk=',
    'base64',
  ),
  plain: '%PDF-1.4\nAvis de situation, format 2\n%%EOF\n',
} as const;
