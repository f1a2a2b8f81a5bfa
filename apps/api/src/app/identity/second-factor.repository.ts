import { Injectable } from '@nestjs/common';
import type { Role } from '@passerelle/shared/domain';
import type { Db } from '@api/platform/database/transactions';

export interface SecondFactorRow {
  sealed_secret: Buffer;
  confirmed: boolean;
}

/** A live challenge, with what the second step needs of its account. */
export interface ChallengeRow {
  id: string;
  user_id: string;
  secret_hash: string;
  username: string;
  role: Role;
  organization_id: string;
}

/** The second factor's statements; every one names its account, and single use is in the statement. */
@Injectable()
export class SecondFactorRepository {
  async find(db: Db, userId: string): Promise<SecondFactorRow | null> {
    const rows = await db.query<SecondFactorRow[]>(
      'SELECT sealed_secret, confirmed_at IS NOT NULL AS confirmed FROM second_factor WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }

  /** A secret waiting for its first code, in place of any other waiting one; false when one is confirmed. */
  async savePending(db: Db, userId: string, sealedSecret: Buffer): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `INSERT INTO second_factor (user_id, sealed_secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, last_step = NULL, created_at = now()
         WHERE second_factor.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, sealedSecret],
    );
    return rows.length === 1;
  }

  /** The waiting secret `sealedSecret` took its first code, of `step`; false when it changed meanwhile. */
  async confirm(db: Db, userId: string, sealedSecret: Buffer, step: number): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `UPDATE second_factor SET confirmed_at = now(), last_step = $3
        WHERE user_id = $1 AND confirmed_at IS NULL AND sealed_secret = $2 RETURNING user_id`,
      [userId, sealedSecret, step],
    );
    return rows.length === 1;
  }

  /** Marks `step` used: false when it, or a later one, already was (a code works once). */
  async useStep(db: Db, userId: string, step: number): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `UPDATE second_factor SET last_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $2)
        RETURNING user_id`,
      [userId, step],
    );
    return rows.length === 1;
  }

  async replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
    await db.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    await db.query('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::varchar[])', [
      userId,
      hashes,
    ]);
  }

  /** Spends a recovery code: false when it is not the account's, or was spent already. */
  async useRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `UPDATE recovery_code SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, hash],
    );
    return rows.length === 1;
  }

  async recoveryCodesLeft(db: Db, userId: string): Promise<number> {
    const rows = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** The account's earlier challenges that expired go with it: nothing else needs them. */
  async createChallenge(
    db: Db,
    userId: string,
    secretHash: string,
    minutes: number,
  ): Promise<{ id: string; expires_at: Date }> {
    await db.query('DELETE FROM sign_in_challenge WHERE user_id = $1 AND expires_at <= now()', [userId]);
    const rows = await db.query<{ id: string; expires_at: Date }[]>(
      `INSERT INTO sign_in_challenge (user_id, secret_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(mins => $3::int)) RETURNING id, expires_at`,
      [userId, secretHash, minutes],
    );
    const [row] = rows;
    if (!row) throw new Error('the challenge was not created');
    return row;
  }

  /** A challenge not yet used nor expired, of an account still active in an active organisation. */
  async findLiveChallenge(db: Db, id: string): Promise<ChallengeRow | null> {
    const rows = await db.query<ChallengeRow[]>(
      `SELECT c.id, c.user_id, c.secret_hash, u.username, u.role, u.organization_id
         FROM sign_in_challenge c
         JOIN app_user u ON u.id = c.user_id
         JOIN organization o ON o.id = u.organization_id
        WHERE c.id = $1 AND c.expires_at > now() AND u.active AND o.active AND u.password_hash IS NOT NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Uses the challenge up: false when another request did first. */
  async consumeChallenge(db: Db, id: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      'DELETE FROM sign_in_challenge WHERE id = $1 AND expires_at > now() RETURNING id',
      [id],
    );
    return rows.length === 1;
  }

  /** The account enrols again: its secret, recovery codes and sign-ins under way go. True when it had one. */
  async reset(db: Db, userId: string): Promise<boolean> {
    await db.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    await db.query('DELETE FROM sign_in_challenge WHERE user_id = $1', [userId]);
    const rows = await db.query<unknown[]>(
      'DELETE FROM second_factor WHERE user_id = $1 RETURNING confirmed_at',
      [userId],
    );
    return rows.length === 1;
  }

  async forgetExpiredChallenges(db: Db): Promise<number> {
    const rows = await db.query<unknown[]>(
      'DELETE FROM sign_in_challenge WHERE expires_at <= now() RETURNING id',
    );
    return rows.length;
  }
}
