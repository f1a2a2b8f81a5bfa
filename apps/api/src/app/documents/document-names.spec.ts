import { MAX_FILE_NAME_LENGTH, attachmentDisposition, safeFileName } from './document-names';

describe('safeFileName', () => {
  it('keeps a plain name, accents included', () => {
    expect(safeFileName('Avis d’imposition 2025.pdf', 'pdf')).toBe('Avis d’imposition 2025.pdf');
    expect(safeFileName('photo.JPEG', 'jpg')).toBe('photo.JPEG');
  });

  it('keeps the last path segment only', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\agent\\Desktop\\carte.png', 'png')).toBe('carte.png');
    expect(safeFileName('..', 'pdf')).toBe('document.pdf');
  });

  it('gives the name the extension of what the bytes are', () => {
    expect(safeFileName('setup.exe', 'pdf')).toBe('setup.exe.pdf');
    expect(safeFileName('scan.png', 'jpg')).toBe('scan.png.jpg');
    expect(safeFileName('sans extension', 'png')).toBe('sans extension.png');
  });

  it('removes control, reserved and bidirectional characters', () => {
    expect(safeFileName('facture\u202Efdp.exe', 'pdf')).toBe('facture fdp.exe.pdf');
    expect(safeFileName('a\r\nb\t"c"<d>|e?.pdf', 'pdf')).toBe('a b c d e.pdf');
    expect(safeFileName('  .hidden.pdf  ', 'pdf')).toBe('hidden.pdf');
    expect(safeFileName('CON.pdf', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName(undefined, 'pdf')).toBe('document.pdf');
    expect(safeFileName('', 'jpg')).toBe('document.jpg');
  });

  it('shortens long names without splitting a character', () => {
    const long = safeFileName(`${'é'.repeat(100)}${'😀'.repeat(100)}.pdf`, 'pdf');
    expect([...long].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(long)).toBe(false);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Avis d’imposition é.pdf')).toBe(
      `attachment; filename="Avis d_imposition e.pdf"; filename*=UTF-8''Avis%20d%E2%80%99imposition%20%C3%A9.pdf`,
    );
    expect(attachmentDisposition(`it's (1).pdf`)).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});
