import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '@api/app/reference/organization.entity';

/** Recurring availability: an organisation receives without appointment on a weekday, Europe/Paris. */
@Entity('walk_in_slot')
@Index('IDX_walk_in_slot_organization', ['organizationId'])
@Check('CHK_walk_in_slot_weekday', `"iso_weekday" BETWEEN 1 AND 7`)
@Check('CHK_walk_in_slot_times', `"starts_at" < "ends_at"`)
export class WalkInSlotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_walk_in_slot' })
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_walk_in_slot_organization' })
  organization?: OrganizationEntity;

  /** 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint' })
  isoWeekday!: number;

  /** Local wall-clock times in Europe/Paris. */
  @Column({ type: 'time' })
  startsAt!: string;

  @Column({ type: 'time' })
  endsAt!: string;
}
