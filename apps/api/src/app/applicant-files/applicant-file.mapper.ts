import {
  type ApplicantFileSummary,
  type ApplicantFileView,
  type Grant,
  type Person,
  type View,
  completenessOf,
} from '@passerelle/shared/domain';
import type { FileRecord, FileSummaryRow } from './file-record';

/** How much of the priority a reader sees (flags.readConfirmed's view), if anything. */
export type PriorityView = 'full' | 'codesOnly' | 'countsOnly' | undefined;

export function priorityViewOf(grant: Grant | undefined): PriorityView {
  if (!grant) return undefined;
  return grant.view === 'codesOnly' || grant.view === 'countsOnly' ? grant.view : 'full';
}

/** An anonymised file has no applicant any more: its identity reads empty. */
const ANONYMOUS: Person = { lastName: '', firstNames: '', birthDate: '' };

/** The applicant's identity (ACCESS.md « identity »): names, birth, nationality. */
const IDENTITY_FIELDS = [
  'civility',
  'lastName',
  'usageName',
  'firstNames',
  'birthDate',
  'birthPlace',
  'nationality',
] as const;
/** A relay clerk's contact card adds the applicant's own phone and e-mail, which it may write. */
const CONTACT_FIELDS = ['phone', 'email'] as const;

function pick(person: Person | undefined, fields: readonly (keyof Person)[]): Person {
  if (!person) return ANONYMOUS;
  const result: Record<string, unknown> = {};
  for (const field of fields) if (person[field] !== undefined) result[field] = person[field];
  return result as unknown as Person;
}

const identity = (person: Person | undefined): Person => pick(person, IDENTITY_FIELDS);

function lifecycle(file: FileRecord): Partial<ApplicantFileView> {
  return {
    sneNumber: file.sneNumber,
    registeredOn: file.registeredOn,
    renewalDueOn: file.renewalDueOn,
    seniorityDate: file.seniorityDate,
    closure:
      file.closureReason && file.closedOn
        ? {
            reason: file.closureReason,
            closedOn: file.closedOn,
            ...(file.keptFileId ? { keptFileId: file.keptFileId } : {}),
          }
        : null,
    mergedFileIds: file.mergedFileIds,
  };
}

/**
 * The file as a role may see it (ACCESS.md). Fields a role may not see are absent, never null:
 * a relay clerk gets identity, contact, commune and status; the coordinator identity and status.
 */
export function toFileView(
  file: FileRecord,
  view: View | undefined,
  priority: PriorityView,
): ApplicantFileView {
  const base = {
    id: file.id,
    status: file.status,
    version: file.version,
    ...(file.anonymisedAt ? { anonymised: true } : {}),
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
  };
  if (view === 'contactCard') {
    return {
      ...base,
      applicant: pick(file.content.applicant, [...IDENTITY_FIELDS, ...CONTACT_FIELDS]),
      ...(file.content.contact ? { contact: file.content.contact } : {}),
    };
  }
  if (view === 'identityAndStatus') {
    return { ...base, applicant: identity(file.content.applicant), ...lifecycle(file) };
  }
  const result: ApplicantFileView = {
    ...base,
    ...file.content,
    applicant: file.content.applicant ?? ANONYMOUS,
    ...lifecycle(file),
    informationNoticeGivenOn: file.informationNoticeGivenOn,
    createdByOrganizationId: file.createdByOrganizationId,
    completeness: completenessOf({ ...file.content, applicant: file.content.applicant ?? ANONYMOUS }),
  };
  if (priority === 'full' || priority === 'codesOnly') {
    result.priority = { isPriority: file.priorityCriteria.length > 0, criteria: file.priorityCriteria };
  }
  return result;
}

export function toFileSummary(row: FileSummaryRow, view: View | undefined): ApplicantFileSummary {
  const summary: ApplicantFileSummary = {
    id: row.id,
    status: row.status,
    lastName: row.last_name ?? '',
    firstNames: row.first_names ?? '',
    ...(row.birth_date ? { birthDate: row.birth_date } : {}),
    ...(row.anonymised ? { anonymised: true } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.usage_name) summary.usageName = row.usage_name;
  if (row.insee_code) summary.inseeCode = row.insee_code;
  if (view === 'summary') return summary;
  return {
    ...summary,
    sneNumber: row.sne_number,
    renewalDueOn: row.renewal_due_on,
    typologies: row.wished_typologies,
    isPriority: row.priority_criteria.length > 0,
  };
}
