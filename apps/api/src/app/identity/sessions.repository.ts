import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OrganizationType, Role } from '@passerelle/shared/domain';
import { SessionEntity } from './session.entity';

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

/** The one query that turns a session id into a principal; it also applies every way a session ends. */
const LIVE_SESSION_SQL = `
  SELECT s.id AS session_id, s.last_seen_at, s.refresh_token_hash,
         u.id AS user_id, u.username, u.display_name, u.role,
         o.id AS organization_id, o.name AS organization_name, o.type AS organization_type, o.registers_demands
    FROM user_session s
    JOIN app_user u ON u.id = s.user_id
    JOIN organization o ON o.id = u.organization_id
   WHERE s.id = $1
     AND s.revoked_at IS NULL
     AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => $2)
     AND u.active
     AND o.active`;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findLive(sessionId: string, idleMinutes: number): Promise<SessionPrincipalRow | null> {
    const rows = (await this.dataSource.query(LIVE_SESSION_SQL, [
      sessionId,
      idleMinutes,
    ])) as SessionPrincipalRow[];
    return rows[0] ?? null;
  }

  /**
   * The same lookup for an authenticated request, keeping the session alive in the same statement
   * (written at most once a minute per session): one round trip per request instead of two.
   */
  async findLiveAndTouch(
    sessionId: string,
    userId: string,
    idleMinutes: number,
  ): Promise<SessionPrincipalRow | null> {
    const rows = (await this.dataSource.query(
      `WITH live AS (${LIVE_SESSION_SQL}
     AND u.id = $3
       ), touched AS (
         UPDATE user_session s SET last_seen_at = now()
           FROM live
          WHERE s.id = live.session_id AND s.last_seen_at < now() - interval '1 minute'
         RETURNING s.id
       )
       SELECT * FROM live`,
      [sessionId, idleMinutes, userId],
    )) as SessionPrincipalRow[];
    return rows[0] ?? null;
  }

  async create(userId: string, refreshTokenHash: string, maxHours: number): Promise<string> {
    const now = new Date();
    const session = await this.dataSource.getRepository(SessionEntity).save({
      userId,
      refreshTokenHash,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxHours * 3_600_000),
      revokedAt: null,
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
}
