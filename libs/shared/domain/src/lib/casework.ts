import type {
  AppointmentOutcome,
  DocumentStatus,
  DocumentType,
  EvaluationKind,
  FlagStatus,
  FragilityCriterion,
  OrganizationType,
  ReferralStatus,
  Typology,
} from './codes';
import type { CalendarDate } from './dates';

/** Request and response shapes of the case-work routes (API.md « Bodies the contract fixes »). */

// ── Evaluations ────────────────────────────────────────────────────────────────
export interface Diagnosis {
  typologies?: Typology[];
  /** INSEE codes of reference communes, at most 8. */
  communes?: string[];
  familySituation?: string;
  economicSituation?: string;
  conclusion?: string;
}

export interface CreateEvaluationRequest {
  kind: EvaluationKind;
  notes: string;
  diagnosis?: Diagnosis;
}

export interface EvaluationView {
  id: string;
  applicantFileId: string;
  kind: EvaluationKind;
  notes: string;
  diagnosis?: Diagnosis;
  author: { userId: string; displayName: string; organizationId: string; organizationName: string };
  createdAt: string;
  /** When the recommended wishes were applied to the file, if they were. */
  appliedAt?: string | null;
}

// ── Fragility flags ────────────────────────────────────────────────────────────
export interface SuspectFlagRequest {
  criterion: FragilityCriterion;
  note?: string;
}

export interface DecideFlagRequest {
  status: 'CONFIRMED' | 'RULED_OUT';
  note: string;
  /** The date of the decision; today when absent. */
  decidedOn?: CalendarDate;
}

export interface FragilityFlagView {
  id: string;
  applicantFileId: string;
  criterion: FragilityCriterion;
  status: FlagStatus;
  suspectedAt: string;
  suspectedBy?: { organizationId: string; organizationName: string };
  /** Social workers only. */
  note?: string;
  decidedOn?: CalendarDate | null;
  /** Social workers only. */
  decisionNote?: string | null;
}

export interface FragilityCriterionView {
  code: FragilityCriterion;
  label: string;
  version: string;
}

// ── Supporting documents ───────────────────────────────────────────────────────
/** Where a document stands: what every reader of the file's documents sees of it. */
export interface DocumentHandlingView {
  id: string;
  applicantFileId: string;
  /** APPLICANT, CO_APPLICANT or a household member id. */
  personId?: string | null;
  status: DocumentStatus;
  sensitive: boolean;
  validUntil?: CalendarDate | null;
  uploadedAt: string;
  uploadedBy: { organizationId: string; organizationName: string };
  checkedAt?: string | null;
  checkedBy?: { userId: string; displayName: string } | null;
}

/** A document the caller may download: what it is and what it holds, too. */
export interface ReadableDocumentView extends DocumentHandlingView {
  confidential: false;
  type: DocumentType;
  statusReason?: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * A sensitive document the caller may not download, shown as « Pièce confidentielle »
 * (CONFIDENTIAL_DOCUMENT_LABEL): nothing of what it is or holds (type, file name, media type, size,
 * hash, rejection reason), only where it stands (ACCESS.md).
 */
export interface ConfidentialDocumentView extends DocumentHandlingView {
  confidential: true;
}

export type SupportingDocumentView = ReadableDocumentView | ConfidentialDocumentView;

export interface UpdateDocumentRequest {
  status?: DocumentStatus;
  reason?: string;
  validUntil?: CalendarDate | null;
  sensitive?: boolean;
}

export type RequirementStage = 'REGISTRATION' | 'INSTRUCTION' | 'SITUATION';

export interface DocumentRequirement {
  /** Stable key of the line (`IDENTITY:APPLICANT`). */
  key: string;
  stage: RequirementStage;
  /** Acceptable document types (one is enough). */
  types: DocumentType[];
  personId?: string;
  /** What the UI says (« Pièce d'identité du demandeur »). */
  label: string;
  mandatory: boolean;
  /** A valid document already held: never asked again. */
  satisfied: boolean;
  documentId?: string;
}

// ── Referrals ──────────────────────────────────────────────────────────────────
export interface CreateReferralRequest {
  applicantFileId: string;
  toOrganizationId: string;
  reason: string;
  suspectedCriteria?: FragilityCriterion[];
  appointmentWish?: string;
}

export interface UpdateReferralRequest {
  status: 'ACCEPTED' | 'DECLINED' | 'DONE';
  reason?: string;
}

export interface ReferralView {
  id: string;
  applicantFileId: string;
  /** The applicant's names, for inboxes. */
  applicant: { lastName: string; firstNames: string };
  from: {
    organizationId: string;
    organizationName: string;
    organizationType: OrganizationType;
    userId: string;
    displayName: string;
  };
  to: { organizationId: string; organizationName: string; organizationType: OrganizationType };
  reason: string;
  suspectedCriteria: FragilityCriterion[];
  appointmentWish?: string | null;
  status: ReferralStatus;
  declineReason?: string | null;
  createdAt: string;
  respondedAt?: string | null;
  doneAt?: string | null;
}

// ── Appointments and the one-month clock ──────────────────────────────────────
export interface CreateAppointmentRequest {
  applicantFileId: string;
  /** ISO 8601 instant. */
  startsAt: string;
  durationMinutes: number;
  agentId?: string;
}

export interface UpdateAppointmentRequest {
  outcome?: AppointmentOutcome;
  startsAt?: string;
}

export interface AppointmentView {
  id: string;
  applicantFileId: string;
  applicant: { lastName: string; firstNames: string };
  organizationId: string;
  agent?: { userId: string; displayName: string } | null;
  startsAt: string;
  durationMinutes: number;
  outcome?: AppointmentOutcome | null;
  /** Within a walk-in slot of the organisation. */
  walkIn: boolean;
  createdAt: string;
}

export interface WalkInSlotView {
  organizationId: string;
  /** Occurrence start and end, ISO instants (computed in Europe/Paris). */
  startsAt: string;
  endsAt: string;
}

export interface ReceptionRequestBody {
  requestedOn: CalendarDate;
}

export interface ReceptionRequestView {
  id: string;
  applicantFileId: string;
  requestedOn: CalendarDate;
  /** The same day one month later (clamped). */
  deadline: CalendarDate;
  /** MET: an honoured appointment at an info point or social service started by the deadline. */
  state: 'MET' | 'OPEN' | 'LATE';
  metByAppointmentId?: string | null;
  /** Days past the deadline (LATE), or days late when met late. */
  daysLate?: number;
  recordedBy: { organizationId: string; organizationName: string };
  createdAt: string;
}
