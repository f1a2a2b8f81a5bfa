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
import { type FragilityCriterion, REFERRAL_STATUSES, type ReferralStatus } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/** A referral from one organisation to another: SENT → ACCEPTED or DECLINED → DONE. */
@Entity('referral')
@Index('IDX_referral_to_status_created', ['toOrganizationId', 'status', 'createdAt'])
@Index('IDX_referral_from_created', ['fromOrganizationId', 'createdAt'])
@Index('IDX_referral_file', ['applicantFileId'])
@Check('CHK_referral_status', `"status" IN (${sqlList(REFERRAL_STATUSES)})`)
@Check('CHK_referral_declined', `"status" <> 'DECLINED' OR "decline_reason" IS NOT NULL`)
@Check('CHK_referral_other_organization', `"from_organization_id" <> "to_organization_id"`)
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_referral' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_referral_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'uuid' })
  fromOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_organization_id', foreignKeyConstraintName: 'FK_referral_from_organization' })
  fromOrganization?: OrganizationEntity;

  @Column({ type: 'uuid' })
  fromUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_user_id', foreignKeyConstraintName: 'FK_referral_from_user' })
  fromUser?: UserEntity;

  @Column({ type: 'uuid' })
  toOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_organization_id', foreignKeyConstraintName: 'FK_referral_to_organization' })
  toOrganization?: OrganizationEntity;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', array: true, default: () => "'{}'" })
  suspectedCriteria!: FragilityCriterion[];

  @Column({ type: 'text', nullable: true })
  appointmentWish!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'SENT' })
  status!: ReferralStatus;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  respondedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responded_by_user_id', foreignKeyConstraintName: 'FK_referral_responded_by_user' })
  respondedByUser?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
