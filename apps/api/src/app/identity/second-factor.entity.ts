import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * An account's TOTP secret (RFC 6238), sealed with the documents key (DocumentCipher, bound to the
 * account's id). Waiting for its first code until `confirmedAt`: only then is it asked at sign-in.
 */
@Entity('second_factor')
export class SecondFactorEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_second_factor' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_second_factor_user' })
  user?: UserEntity;

  @Column({ type: 'bytea' })
  sealedSecret!: Buffer;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The time step of the last code accepted: a code works once, and none older after it. */
  @Column({ type: 'bigint', nullable: true })
  lastStep!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One of the ten single-use codes given at enrolment, by its SHA-256 (16 random characters). */
@Entity('recovery_code')
@Index('UQ_recovery_code_user_hash', ['userId', 'codeHash'], { unique: true })
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recovery_code' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_recovery_code_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/**
 * The step between a correct password and the second factor: `<id>.<secret>` given to the client,
 * the secret's SHA-256 kept; deleted when used. In PostgreSQL, so that any instance takes the code.
 */
@Entity('sign_in_challenge')
@Index('IDX_sign_in_challenge_user', ['userId'])
export class SignInChallengeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sign_in_challenge' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sign_in_challenge_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
