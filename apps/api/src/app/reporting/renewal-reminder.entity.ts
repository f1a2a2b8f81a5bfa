import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/**
 * An applicant reminded that the demand falls due (DOMAIN.md §4: at least one month before). One
 * per file and due date. The text is not kept: it names the applicant, and is rebuilt from the dates.
 */
@Entity('renewal_reminder')
@Index('UQ_renewal_reminder_file_due', ['applicantFileId', 'renewalDueOn'], { unique: true })
export class RenewalReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_renewal_reminder' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_renewal_reminder_file' })
  applicantFile?: ApplicantFileEntity;

  /** The due date the reminder was about. */
  @Column({ type: 'date' })
  renewalDueOn!: string;

  @Column({ type: 'date' })
  remindedOn!: string;

  @Column({ type: 'uuid' })
  remindedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'reminded_by_user_id',
    foreignKeyConstraintName: 'FK_renewal_reminder_reminded_by_user',
  })
  remindedByUser?: UserEntity;

  @Column({ type: 'uuid' })
  remindedByOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'reminded_by_organization_id',
    foreignKeyConstraintName: 'FK_renewal_reminder_reminded_by_organization',
  })
  remindedByOrganization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
