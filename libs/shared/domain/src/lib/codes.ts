/**
 * Every code of the contract (API.md « Codes »), once. Each list is a readonly tuple so that
 * validators (`IsIn`), selects and exhaustive `Record<Code, …>` maps all derive from it.
 */

export const ROLES = [
  'RELAY_CLERK',
  'INFO_POINT_AGENT',
  'SOCIAL_WORKER',
  'LANDLORD_OFFICER',
  'COORDINATOR',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_TYPES = [
  'RELAY_POINT',
  'INFO_POINT',
  'LANDLORD',
  'SOCIAL_SERVICE',
  'INTERCOMMUNALITY',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** What an organisation may do beyond its users' roles. */
export const CAPABILITIES = ['registersDemands'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const FILE_STATUSES = ['CONTACT', 'REGISTERED', 'RENEWAL_DUE', 'CLOSED'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const CLOSURE_REASONS = [
  'HOUSED',
  'WITHDRAWN',
  'NO_REPLY',
  'INELIGIBLE',
  'NOT_RENEWED',
  'MERGED',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const PARTNER_EVENT_TYPES = [
  'OFFER_MADE',
  'OFFER_REFUSED',
  'COMMISSION_DECISION',
  'LEASE_SIGNED',
  'NOTE',
] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];

export const TYPOLOGIES = ['ROOM', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6_PLUS'] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export const INCOME_TYPES = [
  'SALARY',
  'UNEMPLOYMENT',
  'PENSION',
  'DISABILITY_PENSION',
  'AAH',
  'RSA',
  'FAMILY_BENEFITS',
  'HOUSING_BENEFIT',
  'ALIMONY_RECEIVED',
  'GRANT',
  'OTHER',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** Priority criteria of CCH L441-1. The law changes: see FRAGILITY_CRITERIA_VERSION. */
export const FRAGILITY_CRITERIA = [
  'DALO_DECISION',
  'SEXUAL_VIOLENCE_AT_HOME',
  'DISABILITY',
  'LEAVING_THERAPEUTIC_FLAT',
  'BADLY_HOUSED_DISADVANTAGED',
  'IN_SHELTER_OR_TRANSITIONAL_HOUSING',
  'RETURNING_TO_WORK',
  'UNFIT_HOUSING',
  'DOMESTIC_VIOLENCE_OR_FORCED_MARRIAGE',
  'EXITING_PROSTITUTION',
  'TRAFFICKING_VICTIM',
  'MINOR_IN_OVERCROWDED_OR_INDECENT_HOUSING',
  'WITHOUT_HOUSING',
  'EVICTION_WITHOUT_REHOUSING',
  'YOUNG_CARE_LEAVER',
] as const;
export type FragilityCriterion = (typeof FRAGILITY_CRITERIA)[number];
/** The version of CCH L441-1 the criteria above follow. */
export const FRAGILITY_CRITERIA_VERSION = 'CCH-L441-1-2024';

export const FLAG_STATUSES = ['SUSPECTED', 'CONFIRMED', 'RULED_OUT'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const DOCUMENT_TYPES = [
  'IDENTITY',
  'RESIDENCE_PERMIT',
  'TAX_NOTICE',
  'FAMILY_RECORD',
  'PACS_CERTIFICATE',
  'SEPARATION_DECISION',
  'BIRTH_CERTIFICATE',
  'PREGNANCY_CERTIFICATE',
  'EMPLOYMENT_CONTRACT',
  'STUDENT_CARD',
  'SELF_EMPLOYED_ACCOUNTS',
  'PAYSLIPS',
  'BENEFIT_NOTICE',
  'LEASE_OR_RENT_RECEIPTS',
  'HOSTING_CERTIFICATE',
  'DOMICILIATION_CERTIFICATE',
  'EVICTION_DOCUMENT',
  'UNFIT_HOUSING_DOCUMENT',
  'PROTECTION_ORDER',
  'DISABILITY_DECISION',
  'MEDICAL_CERTIFICATE',
  'OTHER_REASON_PROOF',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SENSITIVE_DOCUMENT_TYPES: readonly DocumentType[] = [
  'PROTECTION_ORDER',
  'MEDICAL_CERTIFICATE',
  'DISABILITY_DECISION',
  'SEPARATION_DECISION',
  'EVICTION_DOCUMENT',
];

export const DOCUMENT_STATUSES = ['PROVIDED', 'VERIFIED', 'UNUSABLE', 'OUT_OF_SCOPE', 'OBSOLETE'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const REFERRAL_STATUSES = ['SENT', 'ACCEPTED', 'DECLINED', 'DONE'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const APPOINTMENT_OUTCOMES = ['HONOURED', 'MISSED', 'CANCELLED'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

export const EVALUATION_KINDS = ['HOUSING_PROJECT', 'SOCIAL'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const AUDIT_ACTIONS = [
  'READ',
  'CREATE',
  'UPDATE',
  'LIFECYCLE',
  'DOWNLOAD',
  'EXPORT',
  'LOGIN',
  'LOGIN_FAILED',
  'ADMIN',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an administration entry of the audit log changed. */
export const AUDIT_TARGET_TYPES = ['USER', 'ORGANIZATION'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** The fields an administration entry may name, by what it changed. */
export const AUDITED_FIELDS = {
  USER: [
    'username',
    'displayName',
    'role',
    'organization',
    'active',
    'activationCode',
    'password',
    'email',
    'proconnect',
    'secondFactor',
  ],
  ORGANIZATION: ['name', 'type', 'registersDemands', 'inseeCode', 'active', 'requiresProConnect'],
} as const satisfies Record<AuditTargetType, readonly string[]>;
export type AuditedField<T extends AuditTargetType = AuditTargetType> = (typeof AUDITED_FIELDS)[T][number];

/** Is `value` one of the codes of `list`? A type guard usable on untrusted input. */
export function isCode<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
