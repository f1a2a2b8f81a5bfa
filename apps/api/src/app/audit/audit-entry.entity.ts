import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditFieldChange,
  type AuditTargetType,
} from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';

/**
 * The access log: who read or wrote which file's personal data, or changed which account or
 * organisation, when (UTC), through which route, in which request and from which address.
 * Append-only, enforced by a trigger (see the audit migration): only the retention purge may
 * delete entries older than twelve months. No foreign keys: the log outlives what it names.
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_at', ['at'])
@Index('IDX_audit_entry_file_at', ['applicantFileId', 'at'])
@Index('IDX_audit_entry_user_at', ['userId', 'at'])
// Administration entries only: the reads, most of the log, name no target.
@Index('IDX_audit_entry_target_at', ['targetId', 'at'], { where: '"target_id" IS NOT NULL' })
@Check('CHK_audit_entry_action', `"action" IN (${sqlList(AUDIT_ACTIONS)})`)
@Check(
  'CHK_audit_entry_target',
  `("target_type" IS NULL AND "target_id" IS NULL) OR ("target_type" IN (${sqlList(AUDIT_TARGET_TYPES)}) AND "target_id" IS NOT NULL)`,
)
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

  /** The request's `X-Request-Id`, the one its log lines carry. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** The client's address as the API saw it; behind a proxy, what `TRUST_PROXY` lets through. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientAddress!: string | null;

  /** The account or organisation an administration entry changed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  targetType!: AuditTargetType | null;

  @Column({ type: 'uuid', nullable: true })
  targetId!: string | null;

  /** The fields it changed: names, and the values that are not personal data (AuditFieldChange). */
  @Column({ type: 'jsonb', nullable: true })
  changedFields!: AuditFieldChange[] | null;
}
