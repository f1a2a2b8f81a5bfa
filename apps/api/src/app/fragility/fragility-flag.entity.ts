import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FLAG_STATUSES, type FlagStatus, type FragilityCriterion } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';
import { FragilityCriterionEntity } from './fragility-criterion.entity';

/** A priority criterion suspected by whoever met the applicant; confirmed or ruled out by a social worker. */
@Entity('fragility_flag')
@Index('IDX_fragility_flag_file', ['applicantFileId'])
@Check('CHK_fragility_flag_status', `"status" IN (${sqlList(FLAG_STATUSES)})`)
@Check('CHK_fragility_flag_decision', `("status" = 'SUSPECTED') = ("decided_on" IS NULL)`)
export class FragilityFlagEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_fragility_flag' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_fragility_flag_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'uuid' })
  criterionId!: string;

  @ManyToOne(() => FragilityCriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'FK_fragility_flag_criterion' })
  criterionRef?: FragilityCriterionEntity;

  /** The code, kept beside the versioned reference row for reading and reporting. */
  @Column({ type: 'varchar', length: 64 })
  criterion!: FragilityCriterion;

  @Column({ type: 'varchar', length: 16 })
  status!: FlagStatus;

  @Column({ type: 'text', nullable: true })
  suspicionNote!: string | null;

  @Column({ type: 'uuid' })
  suspectedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'suspected_by_user_id',
    foreignKeyConstraintName: 'FK_fragility_flag_suspected_by_user',
  })
  suspectedByUser?: UserEntity;

  @Column({ type: 'uuid' })
  suspectedByOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'suspected_by_organization_id',
    foreignKeyConstraintName: 'FK_fragility_flag_suspected_by_organization',
  })
  suspectedByOrganization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  suspectedAt!: Date;

  /** The referral that raised it, if any. */
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id', foreignKeyConstraintName: 'FK_fragility_flag_decided_by_user' })
  decidedByUser?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
