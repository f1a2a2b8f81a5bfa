/** The longest name kept (the column holds 160 characters). */
export const MAX_FILE_NAME_LENGTH = 150;

const EXTENSIONS: Record<string, readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
};

// Control characters, characters no file system accepts, and bidirectional overrides
// (« facture‮fdp.exe » would display as « facture‮exe.pdf »).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * The uploaded name made safe to keep and to suggest on download: its last path segment only,
 * without control or reserved characters, with the extension of the type the bytes really are.
 */
export function safeFileName(original: string | undefined, extension: 'pdf' | 'jpg' | 'png'): string {
  const base = (original ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const currentExtension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const keepsExtension = (EXTENSIONS[extension] ?? []).includes(currentExtension);
  let stem = (keepsExtension ? cleaned.slice(0, dot) : cleaned).replace(/[\s.]+$/g, '');
  const suffix = keepsExtension ? cleaned.slice(dot) : `.${extension}`;
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = stem ? `_${stem}` : 'document';
  // Cut on code points, never in the middle of a surrogate pair.
  const room = MAX_FILE_NAME_LENGTH - [...suffix].length;
  return [...stem].slice(0, room).join('').trimEnd() + suffix;
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266, 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
