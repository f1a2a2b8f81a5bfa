import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';

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

/** The dates of a file as the summary counted them, so that a change can be taken back. */
@Entity('reporting_file_fact')
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
