import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A sign-in or activation attempt, recorded before the password or code is checked (`pending`)
 * and deleted when it succeeds: what stays are failures, counted by account and by address for the
 * sign-in limits (API.md).
 */
@Entity('sign_in_attempt')
@Index('IDX_sign_in_attempt_account_at', ['account', 'at'])
@Index('IDX_sign_in_attempt_address_at', ['address', 'at'])
export class SignInAttemptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sign_in_attempt' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /**
   * The account's id, or for a name that names no account an HMAC of the normalised name keyed
   * with the token secret: never the free string typed (it may be a password typed in the wrong field).
   */
  @Column({ type: 'varchar', length: 64 })
  account!: string;

  /** The client's address; an IPv6 address by its /64 network (one host holds a whole /64). */
  @Column({ type: 'varchar', length: 64 })
  address!: string;

  /** Made from an address the account recently signed in from: counted apart (SIGN_IN_LIMITS). */
  @Column({ type: 'boolean' })
  familiar!: boolean;

  /** Being checked: not a failure yet, but counted as one so that parallel guesses wait for it. */
  @Column({ type: 'boolean', default: true })
  pending!: boolean;
}

/** An address an account signed in from successfully; forgotten after SIGN_IN_LIMITS.familiarAddressDays. */
@Entity('sign_in_familiar_address')
export class SignInFamiliarAddressEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sign_in_familiar_address' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sign_in_familiar_address_user' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_sign_in_familiar_address' })
  address!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSignedInAt!: Date;
}
