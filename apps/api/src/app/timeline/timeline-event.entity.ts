import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';
import { TIMELINE_VISIBILITIES, type TimelineVisibility } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A dated step of a file's history, written in the same transaction as the change it records. */
@Entity('timeline_event')
@Index('IDX_timeline_event_file_occurred_at', ['applicantFileId', 'occurredAt'])
@Check('CHK_timeline_event_visibility', `"visibility" IN (${sqlList(TIMELINE_VISIBILITIES)})`)
export class TimelineEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_timeline_event' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_timeline_event_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** Null for the system's own jobs. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'FK_timeline_event_actor_user' })
  actorUser?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'actor_organization_id',
    foreignKeyConstraintName: 'FK_timeline_event_actor_organization',
  })
  actorOrganization?: OrganizationEntity;

  /** Which fields changed, before and after. */
  @Column({ type: 'jsonb', nullable: true })
  changes!: FieldChange[] | null;

  /** What else the event says (dates, reasons, codes); social notes only when visibility is SOCIAL. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 16, default: 'ALL' })
  visibility!: TimelineVisibility;
}
