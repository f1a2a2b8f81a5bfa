import type {
  ClosureReason,
  FileStatus,
  FragilityCriterion,
  IncomeType,
  PartnerEventType,
  Typology,
} from '../codes';
import type { CalendarDate } from '../dates';
import type {
  Civility,
  CoApplicantRelationship,
  FamilySituation,
  HouseholdMemberKind,
  HouseholdRelationship,
  HousingStatus,
  HousingType,
  Nationality,
  PersonRef,
  ProfessionalSituation,
  Reason,
} from './file-codes';

/** The request and response shapes of the applicant file (API.md « Bodies the contract fixes »). */

export interface ResidencePermit {
  kind?: string;
  validUntil?: CalendarDate;
}

export interface Person {
  civility?: Civility;
  /** Birth name (nom de naissance). */
  lastName: string;
  /** Name in use, when it differs (nom d'usage). */
  usageName?: string;
  firstNames: string;
  birthDate: CalendarDate;
  birthPlace?: string;
  nationality?: Nationality;
  residencePermit?: ResidencePermit;
  familySituation?: FamilySituation;
  professionalSituation?: ProfessionalSituation;
  /** INSEE code of the employer's commune. */
  employerInseeCode?: string;
  phone?: string;
  email?: string;
}

export interface CoApplicant extends Person {
  relationship?: CoApplicantRelationship;
}

export interface HouseholdMember {
  /** Server-made when absent; referenced by resources' `person`. */
  id?: string;
  kind: HouseholdMemberKind;
  relationship?: HouseholdRelationship;
  lastName?: string;
  firstNames?: string;
  birthDate?: CalendarDate;
  /** EXPECTED_CHILD only. */
  expectedBirthDate?: CalendarDate;
  sharedCustody?: boolean;
}

export interface Income {
  person: PersonRef;
  type: IncomeType;
  monthlyAmount: number;
}

export interface ReferenceTaxIncome {
  person: PersonRef;
  year: number;
  amount: number;
}

export interface Resources {
  incomes?: Income[];
  referenceTaxIncomes?: ReferenceTaxIncome[];
}

export interface CurrentHousing {
  status?: HousingStatus;
  type?: HousingType;
  rooms?: number;
  surface?: number;
  occupants?: number;
  monthlyRent?: number;
  monthlyCharges?: number;
  housingBenefit?: number;
  landlordName?: string;
  since?: CalendarDate;
}

export interface Reasons {
  codes: Reason[];
  main?: Reason;
  comment?: string;
}

export interface Wishes {
  typologies?: Typology[];
  /** INSEE codes of reference communes, at most 8. */
  communes?: string[];
  housingTypes?: HousingType[];
  maxFloor?: number;
  liftRequired?: boolean;
  groundFloor?: boolean;
  parking?: boolean;
  maxRent?: number;
}

export interface DisabilityNeeds {
  wheelchairAccess?: boolean;
  stepFree?: boolean;
  adaptedShower?: boolean;
  parking?: boolean;
  comment?: string;
}

export interface Address {
  line1?: string;
  line2?: string;
  postcode?: string;
  city?: string;
}

export interface Contact {
  phone?: string;
  email?: string;
  address?: Address;
  /** INSEE code of the applicant's commune (the list's `commune` filter). */
  inseeCode?: string;
}

/** What a user writes: every section of the file. */
export interface ApplicantFileContent {
  applicant: Person;
  coApplicant?: CoApplicant;
  householdMembers?: HouseholdMember[];
  resources?: Resources;
  currentHousing?: CurrentHousing;
  reasons?: Reasons;
  wishes?: Wishes;
  disabilityNeeds?: DisabilityNeeds;
  contact?: Contact;
}

export const FILE_CONTENT_KEYS = [
  'applicant',
  'coApplicant',
  'householdMembers',
  'resources',
  'currentHousing',
  'reasons',
  'wishes',
  'disabilityNeeds',
  'contact',
] as const;
export type FileContentKey = (typeof FILE_CONTENT_KEYS)[number];

export const FILE_READ_ONLY_KEYS = [
  'id',
  'status',
  'version',
  'sneNumber',
  'registeredOn',
  'renewalDueOn',
  'seniorityDate',
  'closure',
  'completeness',
  'priority',
] as const;

export interface MissingItem {
  /** Dotted path of the missing field (`applicant.civility`). */
  field: string;
  /** What the UI says (« Civilité du demandeur »). */
  label: string;
}

export interface Completeness {
  registration: { complete: boolean; missing: MissingItem[] };
  instruction: { complete: boolean; missing: MissingItem[] };
}

export interface Closure {
  reason: ClosureReason;
  closedOn: CalendarDate;
  keptFileId?: string;
}

export interface Priority {
  /** A confirmed criterion makes the file a priority one. */
  isPriority: boolean;
  criteria: FragilityCriterion[];
}

/**
 * The file as a caller may see it. Sections the caller's role may not read are absent, hence
 * optional here (ACCESS.md).
 */
export interface ApplicantFileView extends Partial<ApplicantFileContent> {
  id: string;
  status: FileStatus;
  version: number;
  sneNumber?: string | null;
  registeredOn?: CalendarDate | null;
  renewalDueOn?: CalendarDate | null;
  seniorityDate?: CalendarDate | null;
  closure?: Closure | null;
  /** Files closed as MERGED into this one. */
  mergedFileIds?: string[];
  completeness?: Completeness;
  priority?: Priority;
  /** The day the personal-data notice was given to the applicant. */
  informationNoticeGivenOn?: CalendarDate | null;
  /** Present (true) once the file has lost its personal data, a year after closure. */
  anonymised?: boolean;
  createdAt: string;
  updatedAt: string;
  createdByOrganizationId?: string;
}

/** A line of a list of files. */
export interface ApplicantFileSummary {
  id: string;
  status: FileStatus;
  lastName: string;
  usageName?: string;
  firstNames: string;
  birthDate?: CalendarDate;
  inseeCode?: string;
  sneNumber?: string | null;
  renewalDueOn?: CalendarDate | null;
  typologies?: Typology[];
  isPriority?: boolean;
  anonymised?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreatedApplicantFile extends ApplicantFileView {
  /** Ids of files that look like the same person, among those the caller may see. */
  possibleDuplicates: string[];
}

export interface PossibleDuplicate {
  id: string;
  status: FileStatus;
  lastName: string;
  usageName?: string;
  firstNames: string;
  birthDate: CalendarDate;
  sneNumber?: string | null;
  /** Why it looks like the same person. */
  matchedOn: ('BIRTH_DATE_AND_NAME' | 'SNE_NUMBER')[];
}

export interface RegistrationRequest {
  sneNumber: string;
  registeredOn: CalendarDate;
}

export interface RenewalRequest {
  renewedOn: CalendarDate;
}

export interface ClosureRequest {
  reason: ClosureReason;
  closedOn: CalendarDate;
  keptFileId?: string;
}

export interface PartnerEventRequest {
  type: PartnerEventType;
  occurredOn: CalendarDate;
  details?: string;
  reason?: string;
}

export const FILE_SORTS = ['updatedAt', 'createdAt', 'name', 'renewalDueOn', 'seniorityDate'] as const;
export type FileSort = (typeof FILE_SORTS)[number];

export interface ApplicantFileQuery {
  q?: string;
  status?: FileStatus;
  commune?: string;
  typology?: Typology;
  renewalDueBefore?: CalendarDate;
  organization?: string;
  sort?: FileSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}
