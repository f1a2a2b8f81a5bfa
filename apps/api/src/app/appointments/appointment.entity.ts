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
import { APPOINTMENT_OUTCOMES, type AppointmentOutcome } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/** An appointment of an organisation (and one of its agents) with an applicant. */
@Entity('appointment')
@Index('IDX_appointment_organization_starts_at', ['organizationId', 'startsAt'])
@Index('IDX_appointment_file_starts_at', ['applicantFileId', 'startsAt'])
@Check('CHK_appointment_outcome', `"outcome" IS NULL OR "outcome" IN (${sqlList(APPOINTMENT_OUTCOMES)})`)
@Check('CHK_appointment_duration', `"duration_minutes" BETWEEN 5 AND 480`)
export class AppointmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_appointment' })
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_appointment_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true })
  agentUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agent_user_id', foreignKeyConstraintName: 'FK_appointment_agent_user' })
  agentUser?: UserEntity;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_appointment_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: AppointmentOutcome | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'FK_appointment_created_by_user' })
  createdByUser?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
