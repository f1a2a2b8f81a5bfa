import type { DOCUMENT_MEDIA_TYPES } from '@passerelle/shared/domain';

export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** What the bytes of an upload are, whatever its name or declared type says. */
export type SniffedDocument =
  | { kind: 'ACCEPTED'; mediaType: DocumentMediaType; extension: 'pdf' | 'jpg' | 'png' }
  | { kind: 'EMPTY' }
  | { kind: 'TRUNCATED'; mediaType: DocumentMediaType }
  | { kind: 'UNSUPPORTED' };

const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');
const PDF_EOF = Buffer.from('%%EOF', 'ascii');
/** Where `%%EOF` may sit from the end (trailing whitespace and a few bytes of padding are common). */
const PDF_EOF_WINDOW = 1024;
const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPdfComplete(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(PDF_MAGIC.length, bytes.length - PDF_EOF_WINDOW));
  return tail.includes(PDF_EOF);
}

function isJpegComplete(bytes: Buffer): boolean {
  // Some encoders pad after the end-of-image marker with zero bytes.
  let end = bytes.length;
  while (end > JPEG_SOI.length && bytes[end - 1] === 0x00) end--;
  return end >= JPEG_SOI.length + JPEG_EOI.length && bytes.subarray(end - 2, end).equals(JPEG_EOI);
}

/** Walks the chunks (length, type, data, CRC) up to IEND: a cut anywhere shows as a chunk overrun. */
function isPngComplete(bytes: Buffer): boolean {
  let offset = PNG_SIGNATURE.length;
  let first = true;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (first && type !== 'IHDR') return false;
    first = false;
    const next = offset + 12 + length;
    if (next > bytes.length) return false;
    if (type === 'IEND') return true;
    offset = next;
  }
  return false;
}

/**
 * The type of a supporting document from its bytes (QUALITY.md « uploads »): PDF, JPEG or PNG,
 * complete. Anything else, a renamed executable or an HTML page included, is unsupported.
 */
export function sniffDocument(bytes: Buffer): SniffedDocument {
  if (bytes.length === 0) return { kind: 'EMPTY' };
  if (bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    return isPdfComplete(bytes)
      ? { kind: 'ACCEPTED', mediaType: 'application/pdf', extension: 'pdf' }
      : { kind: 'TRUNCATED', mediaType: 'application/pdf' };
  }
  if (bytes.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) {
    return isJpegComplete(bytes)
      ? { kind: 'ACCEPTED', mediaType: 'image/jpeg', extension: 'jpg' }
      : { kind: 'TRUNCATED', mediaType: 'image/jpeg' };
  }
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return isPngComplete(bytes)
      ? { kind: 'ACCEPTED', mediaType: 'image/png', extension: 'png' }
      : { kind: 'TRUNCATED', mediaType: 'image/png' };
  }
  return { kind: 'UNSUPPORTED' };
}
