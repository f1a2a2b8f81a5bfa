import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FragilityCriterion } from '@passerelle/shared/domain';

/**
 * The priority criteria of CCH L441-1 as versioned reference data: when the law changes, a new
 * version is seeded and the old rows stay, so past flags still read right.
 */
@Entity('fragility_criterion')
@Index('UQ_fragility_criterion_code_version', ['code', 'version'], { unique: true })
export class FragilityCriterionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_fragility_criterion' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  code!: FragilityCriterion;

  @Column({ type: 'varchar', length: 32 })
  version!: string;

  @Column({ type: 'boolean', default: true })
  current!: boolean;
}
