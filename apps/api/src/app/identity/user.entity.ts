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
import { ROLES, type Role } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { OrganizationEntity } from '@api/app/reference/organization.entity';

@Entity('app_user')
@Index('UQ_app_user_username', ['username'], { unique: true })
@Index('IDX_app_user_organization', ['organizationId'])
@Index('UQ_app_user_email', ['email'], { unique: true })
@Index('UQ_app_user_proconnect_sub', ['proconnectSub'], { unique: true })
@Check('CHK_app_user_role', `"role" IN (${sqlList(ROLES)})`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_app_user' })
  id!: string;

  /** Lower-case, compared as such. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  /** Lower-case, compared as such (`normaliseEmail`): how ProConnect finds an account the first time. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** ProConnect's `sub` for this agent, stored at the first ProConnect sign-in (or when a request is accepted). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  proconnectSub!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_app_user_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** argon2id; null until the account is activated. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text', nullable: true })
  activationCodeHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  activationExpiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
