import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { ApplicantFileContent, FieldError } from '@passerelle/shared/domain';
import { DomainError } from '@api/platform/http/domain-error';
import { toFieldErrors } from '@api/platform/http/validation';
import { FileContentDto } from './dto/file-content.dto';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Dotted paths of every leaf of a JSON value; arrays are leaves. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isObject(value)) return prefix ? [prefix] : [];
  const entries = Object.entries(value);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Leaf values by path, for a before/after comparison. */
function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** Which fields changed, before and after (`undefined` reads as null). */
export function contentChanges(
  before: unknown,
  after: unknown,
): { field: string; before: unknown; after: unknown }[] {
  const a = leaves(before);
  const b = leaves(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((field) => JSON.stringify(a.get(field)) !== JSON.stringify(b.get(field)))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}

/** A field a grant may not write: 400, naming the fields (ACCESS.md). */
export function assertWritable(body: unknown, writable: readonly string[] | undefined): void {
  if (!writable) return;
  const refused = leafPaths(body).filter(
    (path) => !writable.some((w) => path === w || path.startsWith(`${w}.`)),
  );
  if (refused.length > 0) {
    throw new DomainError(
      'INVALID',
      'Your role may not write these fields',
      refused.map((field) => ({ field, message: `${field} is not writable by your role` })),
    );
  }
}

/** Class-validator on a whole content document (after a merge patch). */
export async function validateContent(content: unknown): Promise<ApplicantFileContent> {
  const instance = plainToInstance(FileContentDto, content);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw new DomainError('INVALID', 'Invalid input', toFieldErrors(errors));
  return content as ApplicantFileContent;
}

/**
 * Rules across fields that validators cannot see: member ids, who a resource belongs to, the
 * main reason, dates in the past. Gives household members their ids. Returns the content to store.
 */
export function checkContent(content: ApplicantFileContent, today: string): ApplicantFileContent {
  const errors: FieldError[] = [];
  const members = (content.householdMembers ?? []).map((member) => ({
    ...member,
    id: member.id ?? randomUUID(),
  }));
  const ids = new Set<string>();
  members.forEach((member, index) => {
    if (ids.has(member.id))
      errors.push({ field: `householdMembers.${index}.id`, message: 'duplicate member id' });
    ids.add(member.id);
  });
  const knownPerson = (person: string): boolean =>
    person === 'APPLICANT' || (person === 'CO_APPLICANT' && Boolean(content.coApplicant)) || ids.has(person);
  content.resources?.incomes?.forEach((income, index) => {
    if (!knownPerson(income.person)) {
      errors.push({
        field: `resources.incomes.${index}.person`,
        message: 'person must be APPLICANT, CO_APPLICANT or a household member id',
      });
    }
  });
  content.resources?.referenceTaxIncomes?.forEach((tax, index) => {
    if (!knownPerson(tax.person)) {
      errors.push({
        field: `resources.referenceTaxIncomes.${index}.person`,
        message: 'person must be APPLICANT, CO_APPLICANT or a household member id',
      });
    }
  });
  if (content.reasons?.main && !content.reasons.codes.includes(content.reasons.main)) {
    errors.push({ field: 'reasons.main', message: 'the main reason must be one of the reasons' });
  }
  const birthDates: [string, string | undefined][] = [
    ['applicant.birthDate', content.applicant.birthDate],
    ['coApplicant.birthDate', content.coApplicant?.birthDate],
    ...members.map((m, i): [string, string | undefined] => [`householdMembers.${i}.birthDate`, m.birthDate]),
  ];
  for (const [field, date] of birthDates) {
    if (date && (date > today || date < '1900-01-01'))
      errors.push({ field, message: 'birth date must be a past date' });
  }
  if (errors.length > 0) throw new DomainError('INVALID', 'Invalid input', errors);
  return members.length > 0 || content.householdMembers ? { ...content, householdMembers: members } : content;
}
