import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ActivityFigures,
  type ActivityReport,
  CIVILITIES,
  type Civility,
  type CommuneCount,
  type CommuneDays,
  type CountFigure,
  type DaysFigure,
  type DocumentFigures,
  type DocumentsReport,
  FILE_STATUSES,
  type FileEntries,
  type FileFigures,
  type FileStatus,
  type FileStatusCount,
  type FileStock,
  type FilesReport,
  type LateReceptionCase,
  MIN_CASES_PER_FIGURE,
  ORGANIZATION_TYPES,
  type OrganizationCount,
  type OrganizationReferralFigures,
  type OrganizationType,
  type OrganizationTypeCount,
  REFERRAL_STATUSES,
  REPORTING_VIEWS,
  type ReceptionCommitmentFigures,
  type ReceptionCommitmentReport,
  type ReferralDelays,
  type ReferralFigures,
  type ReferralStatus,
  type ReferralStatusCount,
  type ReferralsReport,
  type RenewalFigures,
  type RenewalReminderItem,
  type RenewalReminderPage,
  type RenewalReminderText,
  type RenewalReminderView,
  type RenewalsReport,
  type ReportingOrganization,
  type ReportingPeriod,
  type ReportingView,
  type ShareFigure,
  TYPOLOGIES,
  type Typology,
  type TypologyCount,
  type TypologyDays,
  type WaitingTimeFigures,
  type WaitingTimesReport,
} from '@passerelle/shared/domain';

/**
 * The OpenAPI shapes of the reporting routes, each `implements` its shared interface so that drift
 * fails to compile. Sections a role does not receive are absent (optional here).
 */

// ── building blocks ───────────────────────────────────────────────────────────
export class ReportingPeriodResponse implements ReportingPeriod {
  @ApiProperty({ format: 'date', description: 'First day, included' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day, included (never after today)' }) to!: string;
}

export class CountFigureResponse implements CountFigure {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Null when withheld: counts of 1 to ${MIN_CASES_PER_FIGURE - 1} for every role but the coordinator`,
  })
  count!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class DaysFigureResponse implements DaysFigure {
  @ApiProperty({ description: 'How many cases the figures rest on' }) cases!: number;
  @ApiProperty({ type: Number, nullable: true, description: `Null under ${MIN_CASES_PER_FIGURE} cases` })
  averageDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `Null under ${MIN_CASES_PER_FIGURE} cases` })
  medianDays!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class ShareFigureResponse implements ShareFigure {
  @ApiProperty() cases!: number;
  @ApiProperty({ type: Number, nullable: true }) count!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '0 to 1, three decimals' }) share!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class ReportingOrganizationResponse implements ReportingOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

abstract class ReportingContextResponse {
  @ApiProperty({ type: ReportingPeriodResponse }) period!: ReportingPeriodResponse;
  @ApiProperty({ format: 'date', description: 'Today in Europe/Paris' }) computedOn!: string;
  @ApiProperty({ enum: REPORTING_VIEWS, description: 'What your role receives (ACCESS.md « Reporting »)' })
  view!: ReportingView;
  @ApiProperty({ enum: [MIN_CASES_PER_FIGURE] }) minCasesPerFigure!: typeof MIN_CASES_PER_FIGURE;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the reporting summary was last refreshed (every few minutes); later changes are not counted yet',
  })
  summaryRefreshedAt!: string | null;
}

export class FileStatusCountResponse extends CountFigureResponse implements FileStatusCount {
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
}

export class CommuneCountResponse extends CountFigureResponse implements CommuneCount {
  @ApiProperty({ type: String, nullable: true, description: 'Null: no commune given' }) inseeCode!:
    | string
    | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null outside the territory' }) name!:
    | string
    | null;
}

export class TypologyCountResponse extends CountFigureResponse implements TypologyCount {
  @ApiProperty({ enum: TYPOLOGIES }) typology!: Typology;
}

export class OrganizationCountResponse extends CountFigureResponse implements OrganizationCount {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

// ── files ─────────────────────────────────────────────────────────────────────
export class FileStockResponse implements FileStock {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [FileStatusCountResponse], description: 'The status each file had on the last day' })
  byStatus!: FileStatusCountResponse[];
  @ApiProperty({ type: [CommuneCountResponse], description: "The applicant's commune" })
  byCommune!: CommuneCountResponse[];
  @ApiProperty({ type: [TypologyCountResponse], description: 'A file counts under each wished typology' })
  byTypology!: TypologyCountResponse[];
  @ApiPropertyOptional({ type: [OrganizationCountResponse], description: 'Coordinator only' })
  byPointOfEntry?: OrganizationCountResponse[];
}

export class FileEntriesResponse implements FileEntries {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CommuneCountResponse] }) byCommune!: CommuneCountResponse[];
  @ApiProperty({ type: [TypologyCountResponse] }) byTypology!: TypologyCountResponse[];
  @ApiPropertyOptional({ type: [OrganizationCountResponse], description: 'Coordinator only' })
  byPointOfEntry?: OrganizationCountResponse[];
}

export class FileFiguresResponse implements FileFigures {
  @ApiProperty({ type: FileStockResponse, description: 'Files that existed on the last day of the period' })
  atEndOfPeriod!: FileStockResponse;
  @ApiProperty({ type: FileEntriesResponse, description: 'Files created during the period' })
  enteredDuringPeriod!: FileEntriesResponse;
}

export class OrganizationFileFiguresResponse extends FileFiguresResponse implements ReportingOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class FilesReportResponse extends ReportingContextResponse implements FilesReport {
  @ApiPropertyOptional({
    type: OrganizationFileFiguresResponse,
    description: 'The files your organisation created (every role but the coordinator)',
  })
  organization?: OrganizationFileFiguresResponse;
  @ApiPropertyOptional({ type: FileFiguresResponse, description: 'Every role but the relay clerk' })
  territory?: FileFiguresResponse;
}

// ── referrals ─────────────────────────────────────────────────────────────────
export class ReferralStatusCountResponse extends CountFigureResponse implements ReferralStatusCount {
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
}

export class OrganizationTypeCountResponse extends CountFigureResponse implements OrganizationTypeCount {
  @ApiProperty({ enum: ORGANIZATION_TYPES }) organizationType!: OrganizationType;
}

export class ReferralDelaysResponse implements ReferralDelays {
  @ApiProperty({ type: DaysFigureResponse, description: 'Sending to acceptance or refusal, calendar days' })
  sentToAnswered!: DaysFigureResponse;
  @ApiProperty({ type: DaysFigureResponse, description: 'Sending to completion (DONE), calendar days' })
  sentToDone!: DaysFigureResponse;
}

export class ReferralFiguresResponse implements ReferralFigures {
  @ApiProperty({ description: 'Referrals sent during the period' }) total!: number;
  @ApiProperty({ type: [ReferralStatusCountResponse], description: 'Their status today' })
  byStatus!: ReferralStatusCountResponse[];
  @ApiProperty({ type: ReferralDelaysResponse }) delays!: ReferralDelaysResponse;
  @ApiProperty({ type: [OrganizationTypeCountResponse] }) byOriginType!: OrganizationTypeCountResponse[];
  @ApiProperty({ type: [OrganizationTypeCountResponse] }) byDestinationType!: OrganizationTypeCountResponse[];
}

export class OrganizationReferralFiguresResponse implements OrganizationReferralFigures {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ReferralStatusCountResponse] }) byStatus!: ReferralStatusCountResponse[];
  @ApiProperty({ type: ReferralDelaysResponse }) delays!: ReferralDelaysResponse;
}

export class TerritoryReferralFiguresResponse extends ReferralFiguresResponse {
  @ApiPropertyOptional({ type: [OrganizationReferralFiguresResponse], description: 'Coordinator only' })
  byOrigin?: OrganizationReferralFiguresResponse[];
  @ApiPropertyOptional({ type: [OrganizationReferralFiguresResponse], description: 'Coordinator only' })
  byDestination?: OrganizationReferralFiguresResponse[];
}

export class OrganizationReferralsResponse implements ReportingOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
  @ApiProperty({ type: ReferralFiguresResponse, description: 'Sent by your organisation' })
  sent!: ReferralFiguresResponse;
  @ApiProperty({ type: ReferralFiguresResponse, description: 'Addressed to your organisation' })
  received!: ReferralFiguresResponse;
}

export class ReferralsReportResponse extends ReportingContextResponse implements ReferralsReport {
  @ApiPropertyOptional({ type: OrganizationReferralsResponse }) organization?: OrganizationReferralsResponse;
  @ApiPropertyOptional({ type: TerritoryReferralFiguresResponse })
  territory?: TerritoryReferralFiguresResponse;
}

// ── reception commitment ──────────────────────────────────────────────────────
export class LateReceptionCaseResponse implements LateReceptionCase {
  @ApiProperty({ format: 'date' }) requestedOn!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ description: 'Days past the deadline (until received, or until today)' }) daysLate!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: still waiting' })
  receivedOn!: string | null;
  @ApiPropertyOptional({ type: ReportingOrganizationResponse, description: 'Coordinator only' })
  recordedBy?: ReportingOrganizationResponse;
}

export class ReceptionCommitmentFiguresResponse implements ReceptionCommitmentFigures {
  @ApiProperty({ description: 'Requests made during the period' }) total!: number;
  @ApiProperty({ type: CountFigureResponse }) met!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) late!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) open!: CountFigureResponse;
  @ApiProperty({ type: ShareFigureResponse, description: 'Met among met + late (open ones are undecided)' })
  shareMet!: ShareFigureResponse;
  @ApiProperty({ type: DaysFigureResponse, description: 'Over the late requests' })
  daysLate!: DaysFigureResponse;
  @ApiPropertyOptional({
    type: [LateReceptionCaseResponse],
    description: 'The most late first, at most 100; not in the territory section below the coordinator',
  })
  lateCases?: LateReceptionCaseResponse[];
}

export class OrganizationReceptionFiguresResponse extends ReceptionCommitmentFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class TerritoryReceptionFiguresResponse extends ReceptionCommitmentFiguresResponse {
  @ApiPropertyOptional({
    type: [OrganizationReceptionFiguresResponse],
    description: 'Coordinator only: by the organisation that recorded the requests (without late cases)',
  })
  byRecordingOrganization?: OrganizationReceptionFiguresResponse[];
}

export class ReceptionCommitmentReportResponse
  extends ReportingContextResponse
  implements ReceptionCommitmentReport
{
  @ApiPropertyOptional({
    type: OrganizationReceptionFiguresResponse,
    description: 'Requests your organisation recorded',
  })
  organization?: OrganizationReceptionFiguresResponse;
  @ApiPropertyOptional({ type: TerritoryReceptionFiguresResponse })
  territory?: TerritoryReceptionFiguresResponse;
}

// ── renewals ──────────────────────────────────────────────────────────────────
export class DueWithinNextMonthResponse {
  @ApiProperty({ format: 'date', description: 'Today' }) from!: string;
  @ApiProperty({ format: 'date', description: 'One month later' }) to!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: CountFigureResponse }) reminded!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) notReminded!: CountFigureResponse;
}

export class RenewalFiguresResponse implements RenewalFigures {
  @ApiProperty({ type: DueWithinNextMonthResponse }) dueWithinNextMonth!: DueWithinNextMonthResponse;
  @ApiProperty({ description: 'Demands closed for non-renewal during the period' }) closedNotRenewed!: number;
}

export class OrganizationRenewalFiguresResponse extends RenewalFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class RenewalsReportResponse extends ReportingContextResponse implements RenewalsReport {
  @ApiPropertyOptional({
    type: OrganizationRenewalFiguresResponse,
    description: 'The demands your organisation created',
  })
  organization?: OrganizationRenewalFiguresResponse;
  @ApiPropertyOptional({ type: RenewalFiguresResponse }) territory?: RenewalFiguresResponse;
}

// ── waiting times ─────────────────────────────────────────────────────────────
export class TypologyDaysResponse extends DaysFigureResponse implements TypologyDays {
  @ApiProperty({ enum: TYPOLOGIES }) typology!: Typology;
}

export class CommuneDaysResponse extends DaysFigureResponse implements CommuneDays {
  @ApiProperty() inseeCode!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class WaitingTimeFiguresResponse implements WaitingTimeFigures {
  @ApiProperty({ type: DaysFigureResponse }) overall!: DaysFigureResponse;
  @ApiProperty({ type: [TypologyDaysResponse], description: "The housed file's wished typologies" })
  byTypology!: TypologyDaysResponse[];
  @ApiProperty({ type: [CommuneDaysResponse], description: "The housed file's wished communes" })
  byCommune!: CommuneDaysResponse[];
}

export class OrganizationWaitingTimesResponse extends WaitingTimeFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class WaitingTimesReportResponse extends ReportingContextResponse implements WaitingTimesReport {
  @ApiPropertyOptional({
    type: OrganizationWaitingTimesResponse,
    description: 'The demands your organisation created',
  })
  organization?: OrganizationWaitingTimesResponse;
  @ApiPropertyOptional({ type: WaitingTimeFiguresResponse }) territory?: WaitingTimeFiguresResponse;
}

// ── documents ─────────────────────────────────────────────────────────────────
export class DocumentFiguresResponse implements DocumentFigures {
  @ApiProperty() registeredFiles!: number;
  @ApiProperty({ type: ShareFigureResponse, description: "The applicant's identity document is held" })
  registrationComplete!: ShareFigureResponse;
  @ApiProperty({ type: ShareFigureResponse, description: 'Every mandatory line is answered' })
  instructionComplete!: ShareFigureResponse;
}

export class OrganizationDocumentFiguresResponse extends DocumentFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class TerritoryDocumentFiguresResponse extends DocumentFiguresResponse {
  @ApiPropertyOptional({ type: [OrganizationDocumentFiguresResponse], description: 'Coordinator only' })
  byPointOfEntry?: OrganizationDocumentFiguresResponse[];
}

export class DocumentsReportResponse extends ReportingContextResponse implements DocumentsReport {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day of the measure used' })
  measuredOn!: string | null;
  @ApiPropertyOptional({
    type: OrganizationDocumentFiguresResponse,
    description: 'The demands your organisation created',
  })
  organization?: OrganizationDocumentFiguresResponse;
  @ApiPropertyOptional({ type: TerritoryDocumentFiguresResponse })
  territory?: TerritoryDocumentFiguresResponse;
}

// ── activity ──────────────────────────────────────────────────────────────────
export class ActivityFiguresResponse implements ActivityFigures {
  @ApiProperty({ type: CountFigureResponse }) filesCreated!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) referralsSent!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) referralsReceived!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse, description: 'Honoured appointments that started in the period' })
  appointmentsHeld!: CountFigureResponse;
  @ApiProperty({ type: CountFigureResponse }) receptionRequests!: CountFigureResponse;
}

export class OrganizationActivityResponse extends ActivityFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class TerritoryActivityResponse extends ActivityFiguresResponse {
  @ApiPropertyOptional({ type: [OrganizationActivityResponse], description: 'Coordinator only' })
  byOrganization?: OrganizationActivityResponse[];
}

export class ActivityReportResponse extends ReportingContextResponse implements ActivityReport {
  @ApiPropertyOptional({ type: OrganizationActivityResponse }) organization?: OrganizationActivityResponse;
  @ApiPropertyOptional({ type: TerritoryActivityResponse }) territory?: TerritoryActivityResponse;
}

// ── renewal reminders ─────────────────────────────────────────────────────────
export class ReminderApplicantResponse {
  @ApiPropertyOptional({ enum: CIVILITIES }) civility?: Civility;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional() usageName?: string;
  @ApiProperty() firstNames!: string;
}

export class ReminderAddressResponse {
  @ApiPropertyOptional() line1?: string;
  @ApiPropertyOptional() line2?: string;
  @ApiPropertyOptional() postcode?: string;
  @ApiPropertyOptional() city?: string;
}

export class ReminderContactResponse {
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ type: ReminderAddressResponse }) address?: ReminderAddressResponse;
  @ApiPropertyOptional() inseeCode?: string;
}

export class RenewalReminderItemResponse implements RenewalReminderItem {
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty({ type: String, nullable: true }) sneNumber!: string | null;
  @ApiProperty({ format: 'date' }) renewalDueOn!: string;
  @ApiProperty({ type: ReminderApplicantResponse }) applicant!: ReminderApplicantResponse;
  @ApiPropertyOptional({
    type: ReminderContactResponse,
    description: 'Absent when your role does not see contacts (the coordinator)',
  })
  contact?: ReminderContactResponse;
  @ApiProperty({ description: 'The French text of the reminder' }) text!: string;
}

export class RenewalReminderPageResponse implements RenewalReminderPage {
  @ApiProperty({ type: [RenewalReminderItemResponse] }) items!: RenewalReminderItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RenewalReminderTextResponse implements RenewalReminderText {
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ format: 'date' }) renewalDueOn!: string;
  @ApiProperty() text!: string;
}

export class ReminderAuthorResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
}

export class RenewalReminderResponse implements RenewalReminderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ format: 'date' }) renewalDueOn!: string;
  @ApiProperty({ format: 'date' }) remindedOn!: string;
  @ApiProperty({ type: ReminderAuthorResponse }) remindedBy!: ReminderAuthorResponse;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
