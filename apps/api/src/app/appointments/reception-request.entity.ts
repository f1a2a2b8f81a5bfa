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

/** A registered applicant asked to be received: the one-month clock starts (CCH L441-2-8). */
@Entity('reception_request')
@Index('IDX_reception_request_file', ['applicantFileId', 'requestedOn'])
@Index('IDX_reception_request_requested_on', ['requestedOn'])
export class ReceptionRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reception_request' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_reception_request_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'date' })
  requestedOn!: string;

  /** The same day one month later, clamped (kept for reporting). */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_reception_request_recorded_by_user',
  })
  recordedByUser?: UserEntity;

  @Column({ type: 'uuid' })
  recordedByOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_organization_id',
    foreignKeyConstraintName: 'FK_reception_request_recorded_by_organization',
  })
  recordedByOrganization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
