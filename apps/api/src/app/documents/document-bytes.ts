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

/** How far a PNG's chunks have been walked: each chunk's length says where the next one starts. */
class PngWalk {
  /** Where the length of the next chunk starts. */
  private next = PNG_SIGNATURE.length;
  /** The length and type of that chunk, as far as they have arrived. */
  private header: Buffer = Buffer.alloc(0);
  private first = true;
  private state: 'WALKING' | 'BROKEN' | 'AT_END' = 'WALKING';
  /** Where the IEND chunk ends, CRC included. */
  private end = 0;

  /** `chunk` holds the bytes from `offset` on; `seen` bytes have arrived in all. */
  update(chunk: Buffer, offset: number, seen: number): void {
    while (this.state === 'WALKING') {
      const wanted = this.next + this.header.length;
      if (wanted >= seen) return;
      const from = wanted - offset;
      this.header = Buffer.concat([this.header, chunk.subarray(from, from + 8 - this.header.length)]);
      if (this.header.length < 8) return;
      const length = this.header.readUInt32BE(0);
      const type = this.header.toString('latin1', 4, 8);
      this.header = Buffer.alloc(0);
      if (this.first && type !== 'IHDR') {
        this.state = 'BROKEN';
        return;
      }
      this.first = false;
      const next = this.next + 12 + length;
      if (type === 'IEND') {
        this.state = 'AT_END';
        this.end = next;
        return;
      }
      this.next = next;
    }
  }

  /** Up to IEND, whole: a cut anywhere shows as a chunk that overruns the bytes. */
  complete(length: number): boolean {
    return this.state === 'AT_END' && this.end <= length;
  }
}

/**
 * Reads a document's bytes as they arrive, keeping only what the verdict needs: the first bytes
 * (the type), the last KiB (a PDF's %%EOF, a JPEG's end marker) and where a PNG's chunks stand.
 * So an upload can be checked while it streams, whatever its size.
 */
export class DocumentSniffer {
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);
  private length = 0;
  /** The end of the bytes without trailing zeros, and the two bytes before it (a JPEG's padding). */
  private unpaddedEnd = 0;
  private unpaddedLastTwo: Buffer = Buffer.alloc(0);
  private lastByte: number | null = null;
  private readonly png = new PngWalk();

  update(chunk: Buffer): void {
    if (chunk.length === 0) return;
    const offset = this.length;
    this.length += chunk.length;
    if (this.head.length < PNG_SIGNATURE.length) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, PNG_SIGNATURE.length - this.head.length)]);
    }
    this.tail = Buffer.concat([this.tail, chunk]);
    if (this.tail.length > PDF_EOF_WINDOW) this.tail = this.tail.subarray(this.tail.length - PDF_EOF_WINDOW);
    let last = chunk.length - 1;
    while (last >= 0 && chunk[last] === 0x00) last--;
    if (last >= 0) {
      this.unpaddedEnd = offset + last + 1;
      this.unpaddedLastTwo =
        last > 0 || this.lastByte === null
          ? chunk.subarray(Math.max(0, last - 1), last + 1)
          : Buffer.from([this.lastByte, chunk[0] ?? 0]);
    }
    this.lastByte = chunk[chunk.length - 1] ?? null;
    this.png.update(chunk, offset, this.length);
  }

  /** True as soon as the first bytes are no accepted type's: the rest need not be read. */
  get unsupported(): boolean {
    return this.head.length >= PNG_SIGNATURE.length && kindOf(this.head) === null;
  }

  verdict(): SniffedDocument {
    if (this.length === 0) return { kind: 'EMPTY' };
    switch (kindOf(this.head)) {
      case 'pdf': {
        const windowStart = Math.max(PDF_MAGIC.length, this.length - PDF_EOF_WINDOW);
        const tail = this.tail.subarray(Math.max(0, windowStart - (this.length - this.tail.length)));
        return tail.includes(PDF_EOF)
          ? { kind: 'ACCEPTED', mediaType: 'application/pdf', extension: 'pdf' }
          : { kind: 'TRUNCATED', mediaType: 'application/pdf' };
      }
      case 'jpg': {
        // Some encoders pad after the end-of-image marker with zero bytes.
        const complete =
          this.unpaddedEnd >= JPEG_SOI.length + JPEG_EOI.length && this.unpaddedLastTwo.equals(JPEG_EOI);
        return complete
          ? { kind: 'ACCEPTED', mediaType: 'image/jpeg', extension: 'jpg' }
          : { kind: 'TRUNCATED', mediaType: 'image/jpeg' };
      }
      case 'png':
        return this.png.complete(this.length)
          ? { kind: 'ACCEPTED', mediaType: 'image/png', extension: 'png' }
          : { kind: 'TRUNCATED', mediaType: 'image/png' };
      case null:
        return { kind: 'UNSUPPORTED' };
    }
  }
}

function kindOf(head: Buffer): 'pdf' | 'jpg' | 'png' | null {
  if (head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
  if (head.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) return 'jpg';
  if (head.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'png';
  return null;
}

/**
 * The type of a supporting document from its bytes (QUALITY.md « uploads »): PDF, JPEG or PNG,
 * complete. Anything else, a renamed executable or an HTML page included, is unsupported.
 */
export function sniffDocument(bytes: Buffer): SniffedDocument {
  const sniffer = new DocumentSniffer();
  sniffer.update(bytes);
  return sniffer.verdict();
}
