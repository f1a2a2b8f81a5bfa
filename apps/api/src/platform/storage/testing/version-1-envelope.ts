/**
 * An object as the storage wrote it before key ids (envelope version 1): the bytes that
 * EncryptedDiskStorage.put wrote at commit eac086f for this plaintext, under this storage key, with
 * a key of 32 bytes 0x5a. Documents stored before key rotation look like this and must still open.
 */
export const VERSION_1_ENVELOPE = {
  key: Buffer.alloc(32, 0x5a),
  storageKey: '3f2b8c1e-7d4a-4e6b-9a5c-1b2d3e4f5a6b',
  envelope: Buffer.from(
    'UFNERQF9fC8O5H6El2UyqaUMH39xqXi5RGJ5lQXh6Yli8ecrVWrWcoIfp8wlZIdP+VB72at+ONHLHuNXGTFQE4OyZKBb4J7dQLXZjw==',
    'base64',
  ),
  plain: '%PDF-1.4\nAvis de situation, format 1\n%%EOF\n',
} as const;
