import type { Page } from './api/common';
import type { Civility } from './file/file-codes';
import type { Contact } from './file/file';
import type { FileStatus, OrganizationType, ReferralStatus, Typology } from './codes';
import type { CalendarDate } from './dates';
import { MIN_CASES_PER_FIGURE } from './rules';

/**
 * The steering indicators (DOMAIN.md §10, API.md `GET /api/reporting/…`) and the renewal
 * reminders: response shapes shared by the API and the back office, and their French labels.
 */

export const REPORTING_INDICATORS = [
  'files',
  'referrals',
  'reception-commitment',
  'renewals',
  'waiting-times',
  'documents',
  'activity',
] as const;
export type ReportingIndicator = (typeof REPORTING_INDICATORS)[number];

export const REPORTING_INDICATOR_LABELS: Record<ReportingIndicator, string> = {
  files: "Dossiers par statut, commune, typologie et point d'entrée",
  referrals: 'Orientations par origine, destination et issue, avec leurs délais',
  'reception-commitment': "Engagement d'accueil sous un mois",
  renewals: 'Renouvellements à venir et radiations pour non-renouvellement',
  'waiting-times': "Délais d'attente jusqu'à l'attribution, par typologie et par commune",
  documents: 'Complétude des pièces justificatives des demandes enregistrées',
  activity: "Activité des points d'accueil",
};

/** What a role receives (ACCESS.md « Reporting »), from the `reporting.read` grant. */
export const REPORTING_VIEWS = ['ownOrganization', 'ownOrganizationAndTerritory', 'everything'] as const;
export type ReportingView = (typeof REPORTING_VIEWS)[number];

export const REPORTING_VIEW_LABELS: Record<ReportingView, string> = {
  ownOrganization: 'Chiffres de votre organisation',
  ownOrganizationAndTerritory: 'Chiffres de votre organisation et totaux du territoire',
  everything: 'Tous les chiffres du territoire, par organisation',
};

/** `?from=&to=` (Paris calendar days, inclusive), or the shortcuts `?year=2026`, `?quarter=2026-Q2`. */
export interface ReportingPeriodQuery {
  from?: CalendarDate;
  to?: CalendarDate;
  year?: string;
  quarter?: string;
}

export const REPORTING_YEAR_PATTERN = /^\d{4}$/;
export const REPORTING_QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
/** Oldest year a period may start in, and its longest span (in months). */
export const REPORTING_FIRST_YEAR = 2000;
export const REPORTING_MAX_MONTHS = 120;

export interface ReportingPeriod {
  /** First day, included. */
  from: CalendarDate;
  /** Last day, included (never after `computedOn`). */
  to: CalendarDate;
}

/** What every indicator answers besides its figures. */
export interface ReportingContext {
  period: ReportingPeriod;
  /** « Today » in Europe/Paris when the figures were computed. */
  computedOn: CalendarDate;
  view: ReportingView;
  /** A figure resting on fewer cases is withheld (`suppressed: true`, the figure null). */
  minCasesPerFigure: typeof MIN_CASES_PER_FIGURE;
  /**
   * When the reporting summary the figures come from was last refreshed (every few minutes; null
   * before the first refresh). Changes made since are not counted yet.
   */
  summaryRefreshedAt: string | null;
}

export interface ReportingOrganization {
  id: string;
  name: string;
  type: OrganizationType;
}

/**
 * A count in a breakdown. Roles other than the coordinator do not receive counts of 1 to 4: the
 * count is then null and `suppressed` true. A zero is always shown.
 */
export interface CountFigure {
  count: number | null;
  suppressed: boolean;
}

/** Days between two dates over `cases` cases; null with `suppressed` under the minimum of cases. */
export interface DaysFigure {
  cases: number;
  averageDays: number | null;
  medianDays: number | null;
  suppressed: boolean;
}

/** `count` of `cases` cases meet a condition; `share` is their ratio (0 to 1, 3 decimals). */
export interface ShareFigure {
  cases: number;
  count: number | null;
  share: number | null;
  suppressed: boolean;
}

// ── files ─────────────────────────────────────────────────────────────────────
export interface FileStatusCount extends CountFigure {
  status: FileStatus;
}

export interface CommuneCount extends CountFigure {
  /** Null when the file gives no commune. */
  inseeCode: string | null;
  /** Null outside the territory's communes. */
  name: string | null;
}

export interface TypologyCount extends CountFigure {
  typology: Typology;
}

export interface OrganizationCount extends CountFigure, ReportingOrganization {}

/** The files on the last day of the period, by the status each had that day. */
export interface FileStock {
  total: number;
  byStatus: FileStatusCount[];
  /** The applicant's commune. */
  byCommune: CommuneCount[];
  /** Wished typologies: a file wishing several counts under each; one wishing none under none. */
  byTypology: TypologyCount[];
  /** The organisation that created the file; coordinator only. */
  byPointOfEntry?: OrganizationCount[];
}

/** The files created during the period. */
export interface FileEntries {
  total: number;
  byCommune: CommuneCount[];
  byTypology: TypologyCount[];
  /** Coordinator only. */
  byPointOfEntry?: OrganizationCount[];
}

export interface FileFigures {
  atEndOfPeriod: FileStock;
  enteredDuringPeriod: FileEntries;
}

export interface FilesReport extends ReportingContext {
  /** The files the caller's organisation created (its point of entry). */
  organization?: ReportingOrganization & FileFigures;
  territory?: FileFigures;
}

// ── referrals ─────────────────────────────────────────────────────────────────
export interface ReferralStatusCount extends CountFigure {
  status: ReferralStatus;
}

export interface OrganizationTypeCount extends CountFigure {
  organizationType: OrganizationType;
}

export interface ReferralDelays {
  /** Calendar days from sending to acceptance or refusal (referrals answered). */
  sentToAnswered: DaysFigure;
  /** Calendar days from sending to completion (referrals DONE). */
  sentToDone: DaysFigure;
}

/** Referrals sent during the period, by their status at the last refresh. */
export interface ReferralFigures {
  total: number;
  byStatus: ReferralStatusCount[];
  delays: ReferralDelays;
  byOriginType: OrganizationTypeCount[];
  byDestinationType: OrganizationTypeCount[];
}

export interface OrganizationReferralFigures extends ReportingOrganization {
  total: number;
  byStatus: ReferralStatusCount[];
  delays: ReferralDelays;
}

export interface ReferralsReport extends ReportingContext {
  organization?: ReportingOrganization & { sent: ReferralFigures; received: ReferralFigures };
  territory?: ReferralFigures & {
    /** Coordinator only. */
    byOrigin?: OrganizationReferralFigures[];
    /** Coordinator only. */
    byDestination?: OrganizationReferralFigures[];
  };
}

// ── reception commitment ──────────────────────────────────────────────────────
/** A request not met within the month: dates only, nothing about the applicant. */
export interface LateReceptionCase {
  requestedOn: CalendarDate;
  deadline: CalendarDate;
  /** Days past the deadline until the late appointment, or until today when still waiting. */
  daysLate: number;
  /** The day of the late honoured appointment; null while the applicant still waits. */
  receivedOn: CalendarDate | null;
  /** Coordinator only: who recorded the request. */
  recordedBy?: ReportingOrganization;
}

/**
 * The requests made during the period (CCH L441-2-8), as they stood at the last refresh (those still
 * waiting are measured again every day).
 */
export interface ReceptionCommitmentFigures {
  total: number;
  met: CountFigure;
  late: CountFigure;
  open: CountFigure;
  /** Met among those decided (met + late); open requests are not counted. */
  shareMet: ShareFigure;
  /** Days late, over the late requests. */
  daysLate: DaysFigure;
  /** Oldest first; absent from the territory's totals for roles other than the coordinator. */
  lateCases?: LateReceptionCase[];
}

export interface ReceptionCommitmentReport extends ReportingContext {
  /** Requests recorded by the caller's organisation. */
  organization?: ReportingOrganization & ReceptionCommitmentFigures;
  territory?: ReceptionCommitmentFigures & {
    /** Coordinator only: by the organisation that recorded the requests. */
    byRecordingOrganization?: (ReportingOrganization & Omit<ReceptionCommitmentFigures, 'lateCases'>)[];
  };
}

// ── renewals ──────────────────────────────────────────────────────────────────
export interface RenewalFigures {
  /** Registered demands whose renewal falls due from today to one month later, included. */
  dueWithinNextMonth: {
    from: CalendarDate;
    to: CalendarDate;
    total: number;
    reminded: CountFigure;
    notReminded: CountFigure;
  };
  /** Demands closed for non-renewal during the period. */
  closedNotRenewed: number;
}

export interface RenewalsReport extends ReportingContext {
  /** The demands the caller's organisation created. */
  organization?: ReportingOrganization & RenewalFigures;
  territory?: RenewalFigures;
}

// ── waiting times ─────────────────────────────────────────────────────────────
export interface TypologyDays extends DaysFigure {
  typology: Typology;
}

export interface CommuneDays extends DaysFigure {
  inseeCode: string;
  name: string | null;
}

/** From the seniority date to the closure as HOUSED, for demands housed during the period. */
export interface WaitingTimeFigures {
  overall: DaysFigure;
  /** The housed file's wished typologies (a file wishing several counts under each). */
  byTypology: TypologyDays[];
  /** The housed file's wished communes (a file wishing several counts under each). */
  byCommune: CommuneDays[];
}

export interface WaitingTimesReport extends ReportingContext {
  /** The demands the caller's organisation created. */
  organization?: ReportingOrganization & WaitingTimeFigures;
  territory?: WaitingTimeFigures;
}

// ── documents ─────────────────────────────────────────────────────────────────
/** The registered demands on the day of the measure and their mandatory checklist lines. */
export interface DocumentFigures {
  registeredFiles: number;
  /** The registration line (the applicant's identity document or residence permit) is answered. */
  registrationComplete: ShareFigure;
  /** Every mandatory line (registration and instruction) is answered. */
  instructionComplete: ShareFigure;
}

export interface DocumentsReport extends ReportingContext {
  /** The day completeness was measured (the last measure within the period); null if none was. */
  measuredOn: CalendarDate | null;
  /** The demands the caller's organisation created. */
  organization?: ReportingOrganization & DocumentFigures;
  territory?: DocumentFigures & {
    /** Coordinator only: by the organisation that created the file. */
    byPointOfEntry?: (ReportingOrganization & DocumentFigures)[];
  };
}

// ── activity ──────────────────────────────────────────────────────────────────
export interface ActivityFigures {
  filesCreated: CountFigure;
  referralsSent: CountFigure;
  referralsReceived: CountFigure;
  /** Appointments of the organisation that started during the period and were honoured. */
  appointmentsHeld: CountFigure;
  /** Reception requests the organisation recorded. */
  receptionRequests: CountFigure;
}

export interface ActivityReport extends ReportingContext {
  organization?: ReportingOrganization & ActivityFigures;
  territory?: ActivityFigures & {
    /** Coordinator only: every active organisation. */
    byOrganization?: (ReportingOrganization & ActivityFigures)[];
  };
}

// ── renewal reminders ─────────────────────────────────────────────────────────
/** An applicant to remind: renewal due within the next month, not yet reminded for that due date. */
export interface RenewalReminderItem {
  applicantFileId: string;
  status: FileStatus;
  sneNumber: string | null;
  renewalDueOn: CalendarDate;
  applicant: { civility?: Civility; lastName: string; usageName?: string; firstNames: string };
  /** Absent for roles whose view of a file has no contact (the coordinator). */
  contact?: Contact;
  /** The French text of the reminder. */
  text: string;
}

export type RenewalReminderPage = Page<RenewalReminderItem>;

export interface RenewalReminderText {
  applicantFileId: string;
  renewalDueOn: CalendarDate;
  text: string;
}

/** A reminder recorded (`POST /api/applicant-files/:id/renewal-reminders`). */
export interface RenewalReminderView {
  id: string;
  applicantFileId: string;
  renewalDueOn: CalendarDate;
  remindedOn: CalendarDate;
  remindedBy: { userId: string; organizationId: string; organizationName: string };
  text: string;
  createdAt: string;
}

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** « 1er juillet 2026 », « 15 juillet 2026 ». */
export function frenchLongDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : String(day)} ${FRENCH_MONTHS[month - 1] ?? ''} ${year}`;
}

/** The reminder an applicant receives one month before the demand's anniversary (DOMAIN.md §4). */
export function renewalReminderText(reminder: {
  civility?: Civility;
  lastName: string;
  usageName?: string;
  sneNumber: string | null;
  renewalDueOn: CalendarDate;
}): string {
  const name = (reminder.usageName || reminder.lastName).trim();
  const greeting =
    reminder.civility === 'MRS' && name
      ? `Madame ${name}`
      : reminder.civility === 'MR' && name
        ? `Monsieur ${name}`
        : 'Madame, Monsieur';
  const number = reminder.sneNumber ? ` n° ${reminder.sneNumber}` : '';
  return (
    `${greeting},\n\n` +
    `Votre demande de logement social${number} arrive à échéance le ${frenchLongDate(reminder.renewalDueOn)} : ` +
    'pensez à la renouveler avant cette date, sans quoi elle sera radiée et vous perdrez votre ancienneté. ' +
    "Vous pouvez la renouveler en ligne sur www.demande-logement-social.gouv.fr ou auprès d'un service " +
    'enregistreur (point-info logement de Mourenx, bailleurs sociaux). Signalez-nous aussi tout changement ' +
    'de situation (famille, ressources, adresse).\n\n' +
    "Le service d'information sur le logement social de la Communauté de communes de Lacq-Orthez"
  );
}
