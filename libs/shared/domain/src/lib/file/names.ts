/**
 * The search rule of API.md: names compared word by word, ignoring case and accents; hyphens and
 * apostrophes split words. « Dupré-Ménard » → ["dupre", "menard"]; « L'Hôpital » → ["l", "hopital"].
 */
export function nameWords(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Every distinct word of several names. */
export function allNameWords(...values: (string | null | undefined)[]): string[] {
  return [...new Set(values.flatMap(nameWords))];
}

/** A `q` that looks like an SNE number is matched against SNE numbers by prefix. */
export function looksLikeSneNumber(q: string): boolean {
  const compact = q.trim().toUpperCase();
  return /^[0-9A-Z]{6,20}$/.test(compact) && /\d{4}/.test(compact);
}
