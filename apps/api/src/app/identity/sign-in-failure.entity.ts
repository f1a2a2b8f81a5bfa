import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, counted by account and by address for the sign-in limits (API.md). */
@Entity('sign_in_failure')
@Index('IDX_sign_in_failure_username_at', ['username', 'at'])
@Index('IDX_sign_in_failure_address_at', ['address', 'at'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sign_in_failure' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** As typed, lower-cased: unknown usernames count the same, so nothing tells whether one exists. */
  @Column({ type: 'varchar', length: 128 })
  username!: string;

  @Column({ type: 'varchar', length: 64 })
  address!: string;
}
