import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AUDIT_ACTIONS, type AuditAction } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';

/**
 * The access log: who read or wrote which file's personal data, when (UTC), through which route.
 * Append-only, enforced by a trigger (see the audit migration): only the retention purge may
 * delete entries older than twelve months. No foreign keys: the log outlives what it names.
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_at', ['at'])
@Index('IDX_audit_entry_file_at', ['applicantFileId', 'at'])
@Index('IDX_audit_entry_user_at', ['userId', 'at'])
@Check('CHK_audit_entry_action', `"action" IN (${sqlList(AUDIT_ACTIONS)})`)
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_entry' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** As typed at a failed sign-in, or the user's. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  username!: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  applicantFileId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 200 })
  route!: string;
}
