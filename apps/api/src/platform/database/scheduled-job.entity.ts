import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last tick of each scheduled job, across every instance: an instance runs a tick only if it
 * is the first to claim it (Jobs.every), so that a job runs once per period however many instances
 * share the database, not once per instance.
 */
@Entity('scheduled_job')
export class ScheduledJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_scheduled_job' })
  name!: string;

  @Column({ type: 'timestamptz' })
  lastStartedAt!: Date;

  /** `host:pid` of the instance that took the last tick (for the operator: which one runs what). */
  @Column({ type: 'varchar', length: 128 })
  lastInstance!: string;

  /** Ticks taken so far. */
  @Column({ type: 'integer', default: 0 })
  runs!: number;
}
