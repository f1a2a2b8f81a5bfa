import { Injectable } from '@nestjs/common';
import type { ProConnectRequestView } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';

/** How long a sign-in at ProConnect may take, between the redirect and the callback. */
export const PROCONNECT_FLOW_MINUTES = 10;
/** An unknown agent's request is kept this long after its last attempt (then the agent tries again). */
export const PROCONNECT_REQUEST_DAYS = 30;

export interface ProConnectFlowRow {
  nonce: string;
  code_verifier: string;
}

/** What ProConnect said of an agent, as its userinfo gave it. */
export interface ProConnectAgent {
  sub: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  siret: string | null;
  organizationLabel: string | null;
}

/** The account a ProConnect agent signs in to, with what decides whether they may. */
export interface ProConnectAccountRow {
  id: string;
  username: string;
  organization_id: string;
  proconnect_sub: string | null;
  active: boolean;
  organization_active: boolean;
}

interface RequestRow {
  id: string;
  sub: string;
  email: string;
  given_name: string | null;
  usual_name: string | null;
  siret: string | null;
  organization_label: string | null;
  created_at: Date;
  last_attempt_at: Date;
}

export function toRequestView(row: RequestRow): ProConnectRequestView {
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    usualName: row.usual_name,
    siret: row.siret,
    organizationLabel: row.organization_label,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at.toISOString(),
  };
}

@Injectable()
export class ProConnectRepository {
  constructor(private readonly transactions: Transactions) {}

  async startFlow(stateHash: string, nonce: string, codeVerifier: string): Promise<void> {
    await this.transactions.pool.query(
      `INSERT INTO proconnect_flow (state_hash, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4::int))`,
      [stateHash, nonce, codeVerifier, PROCONNECT_FLOW_MINUTES],
    );
  }

  /** The flow of this state, deleted as it is read: a second callback with it finds nothing. */
  async takeFlow(stateHash: string): Promise<ProConnectFlowRow | null> {
    const rows = await this.transactions.pool.query<ProConnectFlowRow[]>(
      `DELETE FROM proconnect_flow WHERE state_hash = $1 RETURNING nonce, code_verifier, expires_at > now() AS live`,
      [stateHash],
    );
    const row = rows[0] as (ProConnectFlowRow & { live: boolean }) | undefined;
    return row?.live ? row : null;
  }

  /** By the stored `sub`, else by e-mail (an account not linked to another agent yet). */
  async findAccount(db: Db, sub: string, email: string): Promise<ProConnectAccountRow | null> {
    const rows = await db.query<ProConnectAccountRow[]>(
      `SELECT u.id, u.username, u.organization_id, u.proconnect_sub, u.active, o.active AS organization_active
         FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE u.proconnect_sub = $1 OR (u.email = $2 AND u.proconnect_sub IS NULL)
        ORDER BY (u.proconnect_sub = $1) DESC NULLS LAST
        LIMIT 1 FOR UPDATE OF u`,
      [sub, email],
    );
    return rows[0] ?? null;
  }

  async link(db: Db, userId: string, sub: string): Promise<void> {
    await db.query('UPDATE app_user SET proconnect_sub = $2, updated_at = now() WHERE id = $1', [
      userId,
      sub,
    ]);
  }

  /** One request per agent: a new attempt refreshes what ProConnect said and brings it to the top. */
  async recordRequest(db: Db, agent: ProConnectAgent): Promise<void> {
    await db.query(
      `INSERT INTO proconnect_request (sub, email, given_name, usual_name, siret, organization_label, last_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (sub) DO UPDATE SET email = EXCLUDED.email, given_name = EXCLUDED.given_name,
         usual_name = EXCLUDED.usual_name, siret = EXCLUDED.siret,
         organization_label = EXCLUDED.organization_label, last_attempt_at = now()`,
      [agent.sub, agent.email, agent.givenName, agent.usualName, agent.siret, agent.organizationLabel],
    );
  }

  async requests(): Promise<ProConnectRequestView[]> {
    const rows = await this.transactions.pool.query<RequestRow[]>(
      'SELECT * FROM proconnect_request ORDER BY last_attempt_at DESC, id LIMIT 200',
    );
    return rows.map(toRequestView);
  }

  /** The request, deleted as it is taken (an account is opened from it, or it is dismissed). */
  async takeRequest(db: Db, id: string): Promise<{ sub: string; email: string } | null> {
    const rows = await db.query<{ sub: string; email: string }[]>(
      'DELETE FROM proconnect_request WHERE id = $1 RETURNING sub, email',
      [id],
    );
    return rows[0] ?? null;
  }

  /** Expired flows, and requests nobody acted on within PROCONNECT_REQUEST_DAYS. */
  async forgetOld(db: Db): Promise<number> {
    const rows = await db.query<{ n: number }[]>(
      `WITH flows AS (DELETE FROM proconnect_flow WHERE expires_at < now() RETURNING 1),
            requests AS (
              DELETE FROM proconnect_request
               WHERE last_attempt_at < now() - make_interval(days => $1::int) RETURNING 1
            )
       SELECT (SELECT count(*) FROM flows)::int + (SELECT count(*) FROM requests)::int AS n`,
      [PROCONNECT_REQUEST_DAYS],
    );
    return rows[0]?.n ?? 0;
  }
}
