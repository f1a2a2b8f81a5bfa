import { nameWords } from '@passerelle/shared/domain';

export interface NamedPerson {
  lastName?: string;
  usageName?: string;
  firstNames?: string;
  birthDate?: string;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/** Close enough for a typo: one edit per five letters, at least one. */
function similarWords(a: string, b: string): boolean {
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 5));
}

function similarLastNames(a: NamedPerson, b: NamedPerson): boolean {
  const left = [...nameWords(a.lastName), ...nameWords(a.usageName)].filter((w) => w.length > 1);
  const right = [...nameWords(b.lastName), ...nameWords(b.usageName)].filter((w) => w.length > 1);
  if (left.some((word) => right.includes(word))) return true;
  const joined = (person: NamedPerson) => nameWords(person.lastName).join('');
  return similarWords(joined(a), joined(b));
}

function similarFirstNames(a: NamedPerson, b: NamedPerson): boolean {
  const [first] = nameWords(a.firstNames);
  const [other] = nameWords(b.firstNames);
  if (!first || !other) return false;
  return first.startsWith(other) || other.startsWith(first) || similarWords(first, other);
}

/**
 * « Looks like the same person »: the same birth date and a similar name (last name shared or
 * one typo away, first name alike). Twins, who share the rest, differ by first name.
 */
export function looksLikeSamePerson(a: NamedPerson, b: NamedPerson): boolean {
  return (
    Boolean(a.birthDate) && a.birthDate === b.birthDate && similarLastNames(a, b) && similarFirstNames(a, b)
  );
}
