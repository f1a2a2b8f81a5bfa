import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ORGANIZATION_TYPES, type OrganizationType } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';

@Entity('organization')
@Index('UQ_organization_code', ['code'], { unique: true })
@Check('CHK_organization_type', `"type" IN (${sqlList(ORGANIZATION_TYPES)})`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_organization' })
  id!: string;

  /** A stable key for seeded organisations (`INFO_POINT_MOURENX`, `RELAY_64320`…). */
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: OrganizationType;

  @Column({ type: 'boolean', default: false })
  registersDemands!: boolean;

  /** The commune of a relay point's town hall. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  inseeCode!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Its members sign in with ProConnect only: a password sign-in is refused (after the password is checked). */
  @Column({ type: 'boolean', default: false })
  requiresProConnect!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
