import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { ReferralEntity } from '@api/app/referrals/referral.entity';
import { ReceptionRequestEntity } from '@api/app/appointments/reception-request.entity';

/**
 * The summary behind the file indicators (QUALITY.md: fast at a million files), refreshed by
 * `ReportingRefreshJob`. A file's life is a series of status intervals; the summary keeps, per day,
 * how many files entered or left each status (flows), and the running totals at the start of each
 * month (checkpoints). The count of files in a status on any day is then a checkpoint plus at most a
 * month of flows, whatever the number of files.
 */

/** What the summary counts: CREATED (files entered) and the stock of each status. */
export const SUMMARY_MEASURES = ['CREATED', 'CONTACT', 'REGISTERED', 'RENEWAL_DUE', 'CLOSED'] as const;
export type SummaryMeasure = (typeof SUMMARY_MEASURES)[number];

/** COMMUNE: the applicant's commune ('' when none); TYPOLOGY: each wished typology. */
export const SUMMARY_DIMENSIONS = ['COMMUNE', 'TYPOLOGY'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/**
 * What the summary knows of each file: the dates it counted (so that a change can be taken back)
 * and the few columns the other file indicators read, narrow enough to scan a million quickly.
 * Indexes with INCLUDE are written by hand in the migration (TypeORM cannot declare them).
 */
@Entity('reporting_file_fact')
@Index('IDX_reporting_file_fact_closure', { synchronize: false })
@Index('IDX_reporting_file_fact_renewal_due_on', { synchronize: false })
export class ReportingFileFactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_file_fact' })
  applicantFileId!: string;

  // Derived data: it goes with its file.
  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_reporting_file_fact_file' })
  applicantFile?: ApplicantFileEntity;

  /** The point of entry: the organisation that created the file. */
  @Column({ type: 'uuid' })
  entryOrganizationId!: string;

  /** The applicant's commune, '' when the file gives none. */
  @Column({ type: 'varchar', length: 5 })
  inseeCode!: string;

  @Column({ type: 'varchar', array: true })
  wishedTypologies!: string[];

  /** The Paris calendar day the file was created. */
  @Column({ type: 'date' })
  createdOn!: string;

  /** First day REGISTERED (never before creation), null if never registered before closure. */
  @Column({ type: 'date', nullable: true })
  registeredFrom!: string | null;

  /** First day RENEWAL_DUE (one month before the renewal due date), if before closure. */
  @Column({ type: 'date', nullable: true })
  renewalDueFrom!: string | null;

  /** First day CLOSED (never before creation). */
  @Column({ type: 'date', nullable: true })
  closedFrom!: string | null;

  // As on the file: what the renewals and waiting times count.
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  closureReason!: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  seniorityDate!: string | null;

  @Column({ type: 'date', nullable: true })
  renewalDueOn!: string | null;

  @Column({ type: 'varchar', array: true })
  wishedCommunes!: string[];
}

/** ALL: the demand itself; TYPOLOGY and COMMUNE: each of its wishes. */
export const WAITING_DIMENSIONS = ['ALL', 'TYPOLOGY', 'COMMUNE'] as const;
export type WaitingDimension = (typeof WAITING_DIMENSIONS)[number];

/**
 * The demands housed on a day (closed as HOUSED, with a seniority date), by point of entry, overall
 * and under each of their wishes: how many days each waited. The waiting-time indicator reads a
 * few rows per day instead of unnesting every housed file's wishes and sorting them; the job
 * rebuilds the days whose housed demands changed, from `reporting_file_fact`.
 */
@Entity('reporting_waiting_days')
@Check('CHK_reporting_waiting_days_dimension', `"dimension" IN (${sqlList(WAITING_DIMENSIONS)})`)
@Check('CHK_reporting_waiting_days_days', `"days" ~ '^-?[0-9]+(,-?[0-9]+)*$'`)
export class ReportingWaitingDaysEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_reporting_waiting_days' })
  closedOn!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_waiting_days' })
  entryOrganizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_reporting_waiting_days' })
  dimension!: WaitingDimension;

  /** The wished typology or commune; '' for ALL. */
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_waiting_days' })
  key!: string;

  /**
   * Each demand's days from its seniority date to `closedOn`, comma-separated: the indicator
   * concatenates them as they are (text reads twice as fast as an integer array here).
   */
  @Column({ type: 'text' })
  days!: string;
}

/** A referral as the indicators count it: who to whom, when (Paris days), its status and delays. */
@Entity('reporting_referral_fact')
@Index('IDX_reporting_referral_fact_sent_on', ['sentOn'])
export class ReportingReferralFactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_referral_fact' })
  referralId!: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'FK_reporting_referral_fact_referral' })
  referral?: ReferralEntity;

  @Column({ type: 'date' })
  sentOn!: string;

  @Column({ type: 'uuid' })
  fromOrganizationId!: string;

  @Column({ type: 'uuid' })
  toOrganizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** Days from sending to acceptance or refusal. */
  @Column({ type: 'integer', nullable: true })
  answeredDays!: number | null;

  /** Days from sending to completion. */
  @Column({ type: 'integer', nullable: true })
  doneDays!: number | null;
}

/** Files entering (+) or leaving (−) a measure on a day, by point of entry and dimension. */
@Entity('reporting_file_flow')
@Check('CHK_reporting_file_flow_dimension', `"dimension" IN (${sqlList(SUMMARY_DIMENSIONS)})`)
@Check('CHK_reporting_file_flow_measure', `"measure" IN (${sqlList(SUMMARY_MEASURES)})`)
export class ReportingFileFlowEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_reporting_file_flow' })
  day!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_file_flow' })
  entryOrganizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_flow' })
  dimension!: SummaryDimension;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_flow' })
  key!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_flow' })
  measure!: SummaryMeasure;

  @Column({ type: 'integer' })
  files!: number;
}

/** The sum of every flow before the first day of `month`. */
@Entity('reporting_file_checkpoint')
@Check('CHK_reporting_file_checkpoint_dimension', `"dimension" IN (${sqlList(SUMMARY_DIMENSIONS)})`)
@Check('CHK_reporting_file_checkpoint_measure', `"measure" IN (${sqlList(SUMMARY_MEASURES)})`)
export class ReportingFileCheckpointEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_reporting_file_checkpoint' })
  month!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_file_checkpoint' })
  entryOrganizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_checkpoint' })
  dimension!: SummaryDimension;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_checkpoint' })
  key!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_reporting_file_checkpoint' })
  measure!: SummaryMeasure;

  @Column({ type: 'integer' })
  files!: number;
}

/**
 * A reception request and where its one-month clock stands (`receptionCommitmentSql`), as measured
 * on `measured_on`: requests still waiting are measured again each day.
 */
@Entity('reporting_reception_fact')
@Index('IDX_reporting_reception_fact_requested_on', ['requestedOn'])
export class ReportingReceptionFactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_reception_fact' })
  receptionRequestId!: string;

  @ManyToOne(() => ReceptionRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'reception_request_id',
    foreignKeyConstraintName: 'FK_reporting_reception_fact_reception_request',
  })
  receptionRequest?: ReceptionRequestEntity;

  @Column({ type: 'date' })
  requestedOn!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'uuid' })
  recordedByOrganizationId!: string;

  /** The day of the first honoured appointment at an info point or social service, if any. */
  @Column({ type: 'date', nullable: true })
  honouredOn!: string | null;

  /** MET, LATE or OPEN on `measuredOn`. */
  @Column({ type: 'varchar', length: 8 })
  state!: string;

  @Column({ type: 'integer', nullable: true })
  daysLate!: number | null;

  @Column({ type: 'date' })
  measuredOn!: string;
}

/**
 * Document completeness of the registered demands, measured once a day (it depends on the day:
 * validity dates, who is an adult), by point of entry.
 */
@Entity('reporting_document_snapshot')
export class ReportingDocumentSnapshotEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_reporting_document_snapshot' })
  day!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reporting_document_snapshot' })
  entryOrganizationId!: string;

  @Column({ type: 'integer' })
  registeredFiles!: number;

  @Column({ type: 'integer' })
  registrationComplete!: number;

  @Column({ type: 'integer' })
  instructionComplete!: number;
}

/** When each part of the summary was last refreshed, and up to which file change. */
@Entity('reporting_summary_state')
export class ReportingSummaryStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'PK_reporting_summary_state' })
  name!: string;

  @Column({ type: 'timestamptz' })
  refreshedAt!: Date;

  /** Files changed at or before this instant are counted. */
  @Column({ type: 'timestamptz', nullable: true })
  watermark!: Date | null;
}
