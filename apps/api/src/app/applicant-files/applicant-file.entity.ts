import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  type ApplicantFileContent,
  CLOSURE_REASONS,
  type ClosureReason,
  FILE_STATUSES,
  type FileStatus,
  type FragilityCriterion,
  type Typology,
} from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/**
 * One applicant's file. What users write lives in `content` (the CERFA sections, merged by PATCH);
 * the columns beside it are derived from it on every write, for lists, filters, search and
 * duplicates. Indexes marked `synchronize: false` use operator classes TypeORM cannot declare:
 * they are written by hand in the migrations.
 */
@Entity('applicant_file')
@Check('CHK_applicant_file_status', `"status" IN (${sqlList(FILE_STATUSES)})`)
@Check(
  'CHK_applicant_file_closure_reason',
  `"closure_reason" IS NULL OR "closure_reason" IN (${sqlList(CLOSURE_REASONS)})`,
)
@Check(
  'CHK_applicant_file_closed',
  `("status" = 'CLOSED') = ("closure_reason" IS NOT NULL AND "closed_on" IS NOT NULL)`,
)
@Check(
  'CHK_applicant_file_registered',
  `"status" = 'CONTACT' OR "closure_reason" IS NOT NULL OR "sne_number" IS NOT NULL`,
)
@Index('UQ_applicant_file_sne_number', ['sneNumber'], { unique: true })
@Index('IDX_applicant_file_updated_at', ['updatedAt'])
@Index('IDX_applicant_file_status_updated_at', ['status', 'updatedAt'])
@Index('IDX_applicant_file_birth_date', ['birthDate'])
@Index('IDX_applicant_file_co_applicant_birth_date', ['coApplicantBirthDate'])
@Index('IDX_applicant_file_insee_code', ['inseeCode'])
@Index('IDX_applicant_file_renewal_due_on', ['renewalDueOn'])
@Index('IDX_applicant_file_sort_name', ['sortName'])
@Index('IDX_applicant_file_created_by_organization', ['createdByOrganizationId'])
@Index('IDX_applicant_file_closed_on', ['closedOn'])
@Index('IDX_applicant_file_kept_file', ['keptFileId'])
@Index('IDX_applicant_file_name_search', { synchronize: false })
@Index('IDX_applicant_file_wished_typologies', { synchronize: false })
@Index('IDX_applicant_file_sne_number_prefix', { synchronize: false })
export class ApplicantFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_applicant_file' })
  id!: string;

  /** Optimistic concurrency: the ETag. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: FileStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  sneNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  registeredOn!: string | null;

  @Column({ type: 'date', nullable: true })
  lastRenewedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  renewalDueOn!: string | null;

  /** The first registration date; never changes. */
  @Column({ type: 'date', nullable: true })
  seniorityDate!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  closureReason!: ClosureReason | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  /** MERGED: the file that is kept. */
  @Column({ type: 'uuid', nullable: true })
  keptFileId!: string | null;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kept_file_id', foreignKeyConstraintName: 'FK_applicant_file_kept_file' })
  keptFile?: ApplicantFileEntity;

  @Column({ type: 'jsonb' })
  content!: ApplicantFileContent;

  /** Normalised « last name first names », for sorting. */
  @Column({ type: 'text' })
  sortName!: string;

  /** Null once the file is anonymised. */
  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'date', nullable: true })
  coApplicantBirthDate!: string | null;

  /** The applicant's commune. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  inseeCode!: string | null;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  wishedTypologies!: Typology[];

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  wishedCommunes!: string[];

  /** Normalised words of the applicant's and co-applicant's names (duplicates). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  nameWords!: string[];

  /** The same words as a tsvector, for word-prefix search through a GIN index. */
  @Column({ type: 'tsvector', select: false, nullable: true })
  nameSearch!: string | null;

  /** Confirmed priority criteria (maintained by the fragility context). */
  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  priorityCriteria!: FragilityCriterion[];

  @Column({ type: 'uuid' })
  createdByOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'created_by_organization_id',
    foreignKeyConstraintName: 'FK_applicant_file_created_by_organization',
  })
  createdByOrganization?: OrganizationEntity;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'FK_applicant_file_created_by_user' })
  createdByUser?: UserEntity;

  /** The day the applicant was given the information notice on personal data (RGPD art. 13). */
  @Column({ type: 'date', nullable: true })
  informationNoticeGivenOn!: string | null;

  /** Closed files lose their personal data one year after closure (DOMAIN.md §9). */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
