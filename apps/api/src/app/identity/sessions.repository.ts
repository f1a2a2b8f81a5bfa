import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OrganizationType, Role } from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { SessionEntity } from './session.entity';
import { LIVE_SESSION_SQL, LIVE_SESSION_TOUCH_SQL } from './sessions.queries';

export interface SessionPrincipalRow {
  session_id: string;
  last_seen_at: Date;
  refresh_token_hash: string;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  organization_id: string;
  organization_name: string;
  organization_type: OrganizationType;
  registers_demands: boolean;
}

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async findLive(sessionId: string, idleMinutes: number): Promise<SessionPrincipalRow | null> {
    const rows = (await this.dataSource.query(LIVE_SESSION_SQL, [
      sessionId,
      idleMinutes,
    ])) as SessionPrincipalRow[];
    return rows[0] ?? null;
  }

  /** The same lookup for an authenticated request, kept alive: one round trip (LIVE_SESSION_TOUCH_SQL). */
  async findLiveAndTouch(
    sessionId: string,
    userId: string,
    idleMinutes: number,
  ): Promise<SessionPrincipalRow | null> {
    const rows = await this.transactions.prepared.query<SessionPrincipalRow[]>(LIVE_SESSION_TOUCH_SQL, [
      sessionId,
      idleMinutes,
      userId,
    ]);
    return rows[0] ?? null;
  }

  async create(
    userId: string,
    refreshTokenHash: string,
    maxHours: number,
    idToken: string | null = null,
  ): Promise<string> {
    const now = new Date();
    const session = await this.dataSource.getRepository(SessionEntity).save({
      userId,
      refreshTokenHash,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxHours * 3_600_000),
      revokedAt: null,
      idToken,
    });
    return session.id;
  }

  /** Replaces the refresh token only if it is still the one presented (two racing refreshes: one wins). */
  async rotate(sessionId: string, presentedHash: string, nextHash: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE user_session SET refresh_token_hash = $3, last_seen_at = now()
        WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL`,
      [sessionId, presentedHash, nextHash],
    );
    return Number((result as [unknown, number])[1]) === 1;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }

  /**
   * Ends a session at logout; answers its ProConnect ID token (for the provider's logout) when the
   * refresh token presented was the current one: a stale token ends the session but learns nothing.
   */
  async end(sessionId: string, presentedHash: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
       RETURNING CASE WHEN refresh_token_hash = $2 THEN id_token END AS id_token`,
      [sessionId, presentedHash],
    )) as [{ id_token: string | null }[], number];
    return rows[0][0]?.id_token ?? null;
  }
}
