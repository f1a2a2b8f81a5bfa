import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A commune of the territory, from `@etalab/decoupage-administratif`. A commune merged into
 * another (Urdès → Lacq, 2024) stays here, not current, so that old files still read right.
 */
@Entity('commune')
@Index('UQ_commune_insee_code', ['inseeCode'], { unique: true })
export class CommuneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_commune' })
  id!: string;

  @Column({ type: 'varchar', length: 5 })
  inseeCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  postcodes!: string[];

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  /** A current member commune of the CCLO (false for a merged, former commune). */
  @Column({ type: 'boolean' })
  current!: boolean;

  @Column({ type: 'varchar', length: 5, nullable: true })
  mergedIntoInseeCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
