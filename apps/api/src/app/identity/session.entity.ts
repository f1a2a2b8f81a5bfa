import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A signed-in session. Its refresh token is stored hashed and rotated on every refresh; access
 * tokens name the session, so revoking it (logout, deactivation, idle timeout) bites at once.
 */
@Entity('user_session')
@Index('IDX_user_session_user', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_session' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_session_user' })
  user?: UserEntity;

  /** SHA-256 of the current refresh token's secret part. */
  @Column({ type: 'text' })
  refreshTokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute end of the session, whatever the activity. */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The ID token of a ProConnect sign-in: the `id_token_hint` of its logout at the provider. */
  @Column({ type: 'text', nullable: true })
  idToken!: string | null;
}
