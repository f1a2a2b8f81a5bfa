import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A ProConnect sign-in under way, between the redirect to the provider and its callback: in
 * PostgreSQL rather than in a process (any instance may receive the callback), deleted when the
 * callback uses it (a replayed callback finds nothing), or when it is older than its lifetime.
 */
@Entity('proconnect_flow')
@Index('IDX_proconnect_flow_expires_at', ['expiresAt'])
export class ProConnectFlowEntity {
  /** SHA-256 of the `state`; the state itself lives only in the browser's cookie and the URL. */
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_proconnect_flow' })
  stateHash!: string;

  @Column({ type: 'text' })
  nonce!: string;

  @Column({ type: 'text' })
  codeVerifier!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}

/**
 * An agent whom ProConnect let in but who has no account here: what ProConnect said of them, for
 * the coordinator, who may open an account from it. One per `sub`; deleted when the account is
 * opened or the request dismissed, and after PROCONNECT_REQUEST_DAYS (ProConnectRequestsJob).
 */
@Entity('proconnect_request')
@Index('UQ_proconnect_request_sub', ['sub'], { unique: true })
export class ProConnectRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_proconnect_request' })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  sub!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text', nullable: true })
  givenName!: string | null;

  @Column({ type: 'text', nullable: true })
  usualName!: string | null;

  @Column({ type: 'varchar', length: 14, nullable: true })
  siret!: string | null;

  @Column({ type: 'text', nullable: true })
  organizationLabel!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The last refused sign-in: a request comes back to the top when the agent tries again. */
  @Column({ type: 'timestamptz' })
  lastAttemptAt!: Date;
}
