import {
  type ApplicantFileView,
  CONFIDENTIAL_DOCUMENT_LABEL,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_TYPE_LABELS,
  type DocumentRequirement,
  type DocumentStatus,
  grantFor,
  type Principal,
  type SupportingDocumentView,
} from '@passerelle/shared/domain';
import { fullName } from '../../file-format';

/** What the « Pièces justificatives » section offers: the permission table (ACCESS.md), nothing more. */
export interface DocumentAbilities {
  /** The list and the checklist (their routes need the right to download documents). */
  readonly read: boolean;
  readonly upload: boolean;
  readonly verify: boolean;
}

export function documentAbilities(principal: Principal | null): DocumentAbilities {
  if (!principal) return { read: false, upload: false, verify: false };
  return {
    read: grantFor(principal, 'documents.download') !== undefined,
    upload: grantFor(principal, 'documents.upload') !== undefined,
    verify: grantFor(principal, 'documents.verify') !== undefined,
  };
}

/**
 * May this user fetch the bytes? A sensitive document needs `documents.downloadSensitive` (social
 * workers any, info-point agents their own organisation's uploads): the API says `confidential`
 * when the user may not, and leaves out what the document is.
 */
export function mayDownload(
  principal: Principal | null,
  document: Pick<SupportingDocumentView, 'confidential'>,
): boolean {
  if (!principal || grantFor(principal, 'documents.download') === undefined) return false;
  return !document.confidential;
}

/** What the document is, in French: its type, or « Pièce confidentielle » (ACCESS.md). */
export function documentTitle(document: SupportingDocumentView): string {
  return document.confidential ? CONFIDENTIAL_DOCUMENT_LABEL : DOCUMENT_TYPE_LABELS[document.type];
}

/** The statuses a check may give instead of « Vérifiée », and whether they need a reason. */
export const REJECTIONS: readonly { status: DocumentStatus; reasonRequired: boolean }[] = [
  { status: 'UNUSABLE', reasonRequired: true },
  { status: 'OUT_OF_SCOPE', reasonRequired: true },
  { status: 'OBSOLETE', reasonRequired: false },
];

export function reasonRequired(status: DocumentStatus | ''): boolean {
  return REJECTIONS.some((rejection) => rejection.status === status && rejection.reasonRequired);
}

/** Whom a document concerns, in French: `APPLICANT`, `CO_APPLICANT`, a member's id, or the household. */
export function personLabel(file: ApplicantFileView | null, personId: string | null | undefined): string {
  if (!personId) return 'Ménage';
  if (personId === 'APPLICANT') return 'Demandeur';
  if (personId === 'CO_APPLICANT') return 'Co-demandeur';
  const member = (file?.householdMembers ?? []).find((item) => item.id === personId);
  if (!member) return 'Personne du ménage';
  const name = fullName(member);
  return name ? name : 'Personne du ménage';
}

/** The people a document may concern: the applicant, the co-applicant, members that have an id. */
export function peopleOf(file: ApplicantFileView | null): { id: string; label: string }[] {
  const people = [{ id: 'APPLICANT', label: 'Demandeur' }];
  if (file?.coApplicant) people.push({ id: 'CO_APPLICANT', label: 'Co-demandeur' });
  for (const member of file?.householdMembers ?? []) {
    if (member.id) people.push({ id: member.id, label: personLabel(file, member.id) });
  }
  return people;
}

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/**
 * Why a chosen file cannot be sent, before sending it: empty, over the size limit, or neither a PDF
 * nor a JPEG or PNG image. The API reads the type from the bytes and has the last word (415).
 */
export function fileProblem(file: { size: number; type: string; name: string }): string | null {
  if (file.size === 0) return 'Ce fichier est vide.';
  if (file.size > DOCUMENT_MAX_BYTES) {
    return `Ce fichier dépasse la taille maximale de ${megabytes(DOCUMENT_MAX_BYTES)}.`;
  }
  const knownType = (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(file.type);
  if (!knownType && !EXTENSIONS.test(file.name)) {
    return 'Seuls les fichiers PDF, JPEG et PNG sont acceptés.';
  }
  return null;
}

/** `10485760` → `10 Mo`; `2300` → `2,2 ko`; `7` → `7 octets`. */
export function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ko`;
  }
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** The checklist by stage, in the order the file goes through them. */
export function checklistByStage(
  lines: readonly DocumentRequirement[],
): { stage: DocumentRequirement['stage']; title: string; lines: DocumentRequirement[] }[] {
  const titles: Record<DocumentRequirement['stage'], string> = {
    REGISTRATION: "Pour l'enregistrement",
    INSTRUCTION: "Pour l'instruction",
    SITUATION: 'Selon la situation (peuvent être demandées)',
  };
  return (['REGISTRATION', 'INSTRUCTION', 'SITUATION'] as const)
    .map((stage) => ({ stage, title: titles[stage], lines: lines.filter((line) => line.stage === stage) }))
    .filter((group) => group.lines.length > 0);
}
