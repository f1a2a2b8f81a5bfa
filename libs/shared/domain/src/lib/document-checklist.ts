import type { DocumentRequirement, RequirementStage } from './casework';
import type { DocumentStatus, DocumentType, IncomeType } from './codes';
import { type CalendarDate, addMonthsClamped } from './dates';
import type { HousingStatus, Nationality, ProfessionalSituation, Reason } from './file/file-codes';
import type { ApplicantFileContent, HouseholdMember } from './file/file';
import { DOCUMENT_TYPE_LABELS } from './labels';

/**
 * The supporting-documents checklist of a file (DOMAIN.md §5). The list is limitative: every line
 * asks for types of DOCUMENT_TYPES only, and only what the file's content calls for.
 */

/** What the checklist needs to know of a document already held. */
export interface HeldDocument {
  id: string;
  type: DocumentType;
  /** APPLICANT, CO_APPLICANT, a household member id, or none (the household as a whole). */
  personId?: string | null;
  status: DocumentStatus;
  validUntil?: CalendarDate | null;
}

/** A document in one of these statuses, still valid, answers a line: it is never asked again. */
export const SATISFYING_DOCUMENT_STATUSES: readonly DocumentStatus[] = ['PROVIDED', 'VERIFIED'];

export const ADULT_AGE_YEARS = 18;

const SITUATION_BY_REASON: Partial<Record<Reason, DocumentType>> = {
  EVICTION_PROCEDURE: 'EVICTION_DOCUMENT',
  FAMILY_VIOLENCE: 'PROTECTION_ORDER',
  DISABILITY: 'DISABILITY_DECISION',
  HEALTH: 'MEDICAL_CERTIFICATE',
  UNHEALTHY_HOUSING: 'UNFIT_HOUSING_DOCUMENT',
  NON_DECENT_HOUSING: 'UNFIT_HOUSING_DOCUMENT',
  SEPARATION: 'SEPARATION_DECISION',
  HOSTED: 'HOSTING_CERTIFICATE',
  WITHOUT_HOUSING: 'DOMICILIATION_CERTIFICATE',
  DEMOLITION: 'OTHER_REASON_PROOF',
  HOUSING_SOLD_OR_REPOSSESSED: 'OTHER_REASON_PROOF',
};

const SITUATION_BY_HOUSING: Partial<Record<HousingStatus, DocumentType>> = {
  SOCIAL_TENANT: 'LEASE_OR_RENT_RECEIPTS',
  PRIVATE_TENANT: 'LEASE_OR_RENT_RECEIPTS',
  HOSTED_BY_FAMILY: 'HOSTING_CERTIFICATE',
  HOSTED_BY_THIRD_PARTY: 'HOSTING_CERTIFICATE',
  HOMELESS: 'DOMICILIATION_CERTIFICATE',
};

const SITUATION_BY_PROFESSION: Partial<Record<ProfessionalSituation, DocumentType>> = {
  EMPLOYED_PERMANENT: 'EMPLOYMENT_CONTRACT',
  EMPLOYED_TEMPORARY: 'EMPLOYMENT_CONTRACT',
  APPRENTICE: 'EMPLOYMENT_CONTRACT',
  STUDENT: 'STUDENT_CARD',
  SELF_EMPLOYED: 'SELF_EMPLOYED_ACCOUNTS',
};

const SITUATION_BY_INCOME: Partial<Record<IncomeType, DocumentType>> = {
  SALARY: 'PAYSLIPS',
  UNEMPLOYMENT: 'BENEFIT_NOTICE',
  PENSION: 'BENEFIT_NOTICE',
  DISABILITY_PENSION: 'BENEFIT_NOTICE',
  AAH: 'BENEFIT_NOTICE',
  RSA: 'BENEFIT_NOTICE',
  FAMILY_BENEFITS: 'BENEFIT_NOTICE',
  HOUSING_BENEFIT: 'BENEFIT_NOTICE',
};

/** A person to be housed, as the checklist names them. */
interface PersonToHouse {
  /** The `personId` documents carry; absent for a member without id (then nothing can answer). */
  ref?: string;
  /** Stable part of the line key. */
  key: string;
  /** « du demandeur », « de Léa Lacoste »… */
  of: string;
  nationality?: Nationality;
  professionalSituation?: ProfessionalSituation;
}

interface Line {
  requirement: DocumentRequirement;
  /** null: the household as a whole (any person). */
  person: PersonToHouse | null;
}

const startsWithVowel = (text: string): boolean => /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(text);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function memberOf(member: HouseholdMember, index: number): PersonToHouse {
  const name = [member.firstNames, member.lastName]
    .filter((part) => part && part.trim() !== '')
    .join(' ')
    .trim();
  return {
    ...(member.id ? { ref: member.id } : {}),
    key: member.id ?? `MEMBER_${index + 1}`,
    of: name ? `${startsWithVowel(name) ? "d'" : 'de '}${name}` : `de la personne à loger n° ${index + 1}`,
  };
}

function isAdult(member: HouseholdMember, today: CalendarDate): boolean {
  if (member.kind === 'EXPECTED_CHILD') return false;
  // Without a birth date, a dependant is taken for a child and another person to house for an adult.
  if (!member.birthDate) return member.kind === 'OTHER_MEMBER';
  return member.birthDate <= addMonthsClamped(today, -12 * ADULT_AGE_YEARS);
}

/** Identity or residence permit: the permit for non-EU nationals, either when the nationality is unknown. */
function identityTypes(nationality: Nationality | undefined): DocumentType[] {
  if (nationality === 'NON_EU') return ['RESIDENCE_PERMIT'];
  if (nationality === 'FRENCH' || nationality === 'EU') return ['IDENTITY'];
  return ['IDENTITY', 'RESIDENCE_PERMIT'];
}

function labelOf(types: readonly DocumentType[], person: PersonToHouse | null): string {
  const what = types.map((type, i) =>
    i === 0 ? DOCUMENT_TYPE_LABELS[type] : lowerFirst(DOCUMENT_TYPE_LABELS[type]),
  );
  return person ? `${what.join(' ou ')} ${person.of}` : what.join(' ou ');
}

function answers(document: HeldDocument, line: Line, today: CalendarDate): boolean {
  if (!line.requirement.types.includes(document.type)) return false;
  if (!SATISFYING_DOCUMENT_STATUSES.includes(document.status)) return false;
  if (document.validUntil && document.validUntil < today) return false;
  if (!line.person) return true;
  if (!line.person.ref) return false;
  // A document that names no one is taken for the applicant's.
  return document.personId === line.person.ref || (line.person.ref === 'APPLICANT' && !document.personId);
}

/**
 * What the file calls for, line by line, and whether a document held answers each line: a
 * `PROVIDED` or `VERIFIED` document of an accepted type, for that person, whose `validUntil` is
 * absent or not before `today`. Registration and instruction lines are mandatory; situation lines
 * (proof of the reasons, household, resources, housing) may be asked.
 */
export function documentChecklist(
  content: ApplicantFileContent,
  documents: readonly HeldDocument[],
  today: CalendarDate,
): DocumentRequirement[] {
  const lines = new Map<string, Line>();
  const add = (
    kind: string,
    stage: RequirementStage,
    types: DocumentType[],
    person: PersonToHouse | null,
  ) => {
    const key = person ? `${kind}:${person.key}` : kind;
    if (lines.has(key)) return;
    lines.set(key, {
      person,
      requirement: {
        key,
        stage,
        types,
        ...(person?.ref ? { personId: person.ref } : {}),
        label: labelOf(types, person),
        mandatory: stage !== 'SITUATION',
        satisfied: false,
      },
    });
  };

  const { applicant, coApplicant } = content;
  const members = content.householdMembers ?? [];
  const applicantPerson: PersonToHouse = {
    ref: 'APPLICANT',
    key: 'APPLICANT',
    of: 'du demandeur',
    ...(applicant.nationality ? { nationality: applicant.nationality } : {}),
    ...(applicant.professionalSituation ? { professionalSituation: applicant.professionalSituation } : {}),
  };
  const coApplicantPerson: PersonToHouse | null = coApplicant
    ? {
        ref: 'CO_APPLICANT',
        key: 'CO_APPLICANT',
        of: 'du co-demandeur',
        ...(coApplicant.nationality ? { nationality: coApplicant.nationality } : {}),
        ...(coApplicant.professionalSituation
          ? { professionalSituation: coApplicant.professionalSituation }
          : {}),
      }
    : null;
  const memberPeople = members.map((member, index) => ({ member, person: memberOf(member, index) }));
  const adultMembers = memberPeople.filter(({ member }) => isAdult(member, today)).map((m) => m.person);
  const adults = [applicantPerson, ...(coApplicantPerson ? [coApplicantPerson] : []), ...adultMembers];

  // Registration: the applicant's identity document (or residence permit outside the EU).
  add('IDENTITY', 'REGISTRATION', identityTypes(applicantPerson.nationality), applicantPerson);

  // Instruction: identity of every adult to be housed; tax notice of each of them.
  for (const person of adults) add('IDENTITY', 'INSTRUCTION', identityTypes(person.nationality), person);
  for (const person of adults) add('TAX_NOTICE', 'INSTRUCTION', ['TAX_NOTICE'], person);

  // Situation: proof of the stated reasons and of the current housing.
  const reasons = new Set<Reason>([
    ...(content.reasons?.codes ?? []),
    ...(content.reasons?.main ? [content.reasons.main] : []),
  ]);
  for (const reason of reasons) {
    const type = SITUATION_BY_REASON[reason];
    if (type) add(type, 'SITUATION', [type], null);
  }
  const housingType = content.currentHousing?.status && SITUATION_BY_HOUSING[content.currentHousing.status];
  if (housingType) add(housingType, 'SITUATION', [housingType], null);

  // Family situation.
  if (applicant.familySituation === 'PACS' || coApplicant?.relationship === 'PACS_PARTNER') {
    add('PACS_CERTIFICATE', 'SITUATION', ['PACS_CERTIFICATE'], null);
  }
  if (applicant.familySituation === 'DIVORCED' || applicant.familySituation === 'SEPARATED') {
    add('SEPARATION_DECISION', 'SITUATION', ['SEPARATION_DECISION'], null);
  }
  if (members.some((m) => m.kind === 'DEPENDANT')) {
    add('FAMILY_RECORD', 'SITUATION', ['FAMILY_RECORD', 'BIRTH_CERTIFICATE'], null);
  }
  if (members.some((m) => m.kind === 'EXPECTED_CHILD')) {
    add('PREGNANCY_CERTIFICATE', 'SITUATION', ['PREGNANCY_CERTIFICATE'], null);
  }

  // Professional situation and monthly resources, person by person.
  for (const person of [applicantPerson, ...(coApplicantPerson ? [coApplicantPerson] : [])]) {
    const type = person.professionalSituation && SITUATION_BY_PROFESSION[person.professionalSituation];
    if (type) add(type, 'SITUATION', [type], person);
  }
  const people = new Map<string, PersonToHouse>([
    ['APPLICANT', applicantPerson],
    ...(coApplicantPerson ? [['CO_APPLICANT', coApplicantPerson] as const] : []),
    ...memberPeople.filter(({ person }) => person.ref).map(({ person }) => [person.key, person] as const),
  ]);
  for (const income of content.resources?.incomes ?? []) {
    const type = SITUATION_BY_INCOME[income.type];
    const person = people.get(income.person);
    if (type && person) add(type, 'SITUATION', [type], person);
  }

  // Lines were added registration first, then instruction, then situation.
  return [...lines.values()].map((line) => {
    const held = documents.filter((document) => answers(document, line, today));
    const best = held.find((document) => document.status === 'VERIFIED') ?? held[0];
    return best ? { ...line.requirement, satisfied: true, documentId: best.id } : { ...line.requirement };
  });
}
