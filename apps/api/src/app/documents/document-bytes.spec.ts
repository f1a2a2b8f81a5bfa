import fc from 'fast-check';
import { DocumentSniffer, sniffDocument } from './document-bytes';
import { sampleExecutable, sampleJpeg, samplePdf, samplePng } from './testing/sample-documents';

describe('sniffDocument', () => {
  it('recognises complete PDF, JPEG and PNG documents from their bytes', () => {
    expect(sniffDocument(samplePdf())).toEqual({
      kind: 'ACCEPTED',
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
    expect(sniffDocument(sampleJpeg())).toEqual({
      kind: 'ACCEPTED',
      mediaType: 'image/jpeg',
      extension: 'jpg',
    });
    expect(sniffDocument(samplePng())).toEqual({
      kind: 'ACCEPTED',
      mediaType: 'image/png',
      extension: 'png',
    });
  });

  it('tolerates what real files carry after their end: whitespace after %%EOF, zero padding after a JPEG, data after IEND', () => {
    expect(sniffDocument(Buffer.concat([samplePdf(), Buffer.from('\r\n  \n')])).kind).toBe('ACCEPTED');
    expect(sniffDocument(Buffer.concat([sampleJpeg(), Buffer.alloc(16)])).kind).toBe('ACCEPTED');
    expect(sniffDocument(Buffer.concat([samplePng(), Buffer.from('trailing')])).kind).toBe('ACCEPTED');
  });

  it('finds the %%EOF of a PDF only near its end', () => {
    const early = Buffer.concat([samplePdf(), Buffer.alloc(2048, 0x20), Buffer.from('more content')]);
    expect(sniffDocument(early)).toEqual({ kind: 'TRUNCATED', mediaType: 'application/pdf' });
  });

  it('says truncated when a known document is cut', () => {
    const pdf = samplePdf();
    expect(sniffDocument(pdf.subarray(0, pdf.length - 8))).toEqual({
      kind: 'TRUNCATED',
      mediaType: 'application/pdf',
    });
    expect(sniffDocument(Buffer.from('%PDF-'))).toMatchObject({ kind: 'TRUNCATED' });
    const jpeg = sampleJpeg();
    expect(sniffDocument(jpeg.subarray(0, jpeg.length - 1))).toMatchObject({ kind: 'TRUNCATED' });
    expect(sniffDocument(Buffer.from([0xff, 0xd8, 0xff]))).toMatchObject({ kind: 'TRUNCATED' });
    const png = samplePng();
    for (const cut of [8, 20, png.length - 12, png.length - 1]) {
      expect({ cut, result: sniffDocument(png.subarray(0, cut)) }).toEqual({
        cut,
        result: { kind: 'TRUNCATED', mediaType: 'image/png' },
      });
    }
  });

  it('refuses a PNG whose chunks are not a PNG’s', () => {
    const png = samplePng();
    const noHeader = Buffer.from(png);
    noHeader.write('XHDR', 12, 'latin1');
    expect(sniffDocument(noHeader).kind).toBe('TRUNCATED');
    const hugeChunk = Buffer.from(png);
    hugeChunk.writeUInt32BE(0xffffffff, 8);
    expect(sniffDocument(hugeChunk).kind).toBe('TRUNCATED');
  });

  it('says empty for no bytes', () => {
    expect(sniffDocument(Buffer.alloc(0))).toEqual({ kind: 'EMPTY' });
  });

  it('refuses everything else: executables, scripts, HTML, SVG, office files, text', () => {
    const others = [
      sampleExecutable(),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.from('#!/bin/sh\nrm -rf /\n'),
      Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      Buffer.from('just some text %PDF-1.4 %%EOF'),
      Buffer.from(' %PDF-1.4\n%%EOF'),
      Buffer.from([0xff, 0xd8]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    ];
    for (const bytes of others) {
      expect({ start: bytes.subarray(0, 8).toString('hex'), kind: sniffDocument(bytes).kind }).toEqual({
        start: bytes.subarray(0, 8).toString('hex'),
        kind: 'UNSUPPORTED',
      });
    }
  });

  it('comes to the same verdict on bytes that arrive in chunks, wherever they are cut', () => {
    const documents = [
      samplePdf(),
      Buffer.concat([samplePdf(), Buffer.alloc(1500, 0x20)]),
      Buffer.concat([samplePdf(), Buffer.alloc(900, 0x20)]),
      sampleJpeg(),
      Buffer.concat([sampleJpeg(), Buffer.alloc(40)]),
      Buffer.concat([sampleJpeg().subarray(0, -1), Buffer.from([0x00, 0xd9]), Buffer.alloc(3)]),
      samplePng(),
      Buffer.concat([samplePng(), Buffer.from('trailing')]),
      sampleExecutable(),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 12 }),
        (document, cut, sizes) => {
          const bytes = document.subarray(0, document.length - (cut % 24));
          const sniffer = new DocumentSniffer();
          let offset = 0;
          for (const size of sizes) {
            sniffer.update(bytes.subarray(offset, offset + size));
            offset += size;
          }
          sniffer.update(bytes.subarray(offset));
          expect(sniffer.verdict()).toEqual(sniffDocument(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('knows an unsupported type from its first eight bytes, before the rest arrives', () => {
    const sniffer = new DocumentSniffer();
    sniffer.update(sampleExecutable().subarray(0, 7));
    expect(sniffer.unsupported).toBe(false);
    sniffer.update(sampleExecutable().subarray(7, 8));
    expect(sniffer.unsupported).toBe(true);
    const pdf = new DocumentSniffer();
    pdf.update(samplePdf().subarray(0, 8));
    expect(pdf.unsupported).toBe(false);
  });
});
