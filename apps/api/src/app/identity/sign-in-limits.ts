import { Injectable } from '@nestjs/common';
import { SIGN_IN_LIMITS } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { DomainError } from '@api/platform/http/domain-error';

const WINDOW = `interval '${SIGN_IN_LIMITS.windowMinutes} minutes'`;

/**
 * Sign-in limits (API.md): five failures for one account within 15 minutes, or twenty from one
 * address, answer 429 until the window passes. Only failures count; counters live in PostgreSQL
 * so that every instance sees them.
 */
@Injectable()
export class SignInLimits {
  constructor(private readonly transactions: Transactions) {}

  async assertAllowed(username: string, address: string): Promise<void> {
    const [row] = await this.transactions.pool.query<
      { account_free_in: number | null; address_free_in: number | null }[]
    >(
      `SELECT
         (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM sign_in_failure
           WHERE username = $1 AND at > now() - ${WINDOW} ORDER BY at DESC OFFSET $3 - 1 LIMIT 1) AS account_free_in,
         (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM sign_in_failure
           WHERE address = $2 AND at > now() - ${WINDOW} ORDER BY at DESC OFFSET $4 - 1 LIMIT 1) AS address_free_in`,
      [username.toLowerCase(), address, SIGN_IN_LIMITS.failuresPerAccount, SIGN_IN_LIMITS.failuresPerAddress],
    );
    const wait = Math.max(row?.account_free_in ?? 0, row?.address_free_in ?? 0);
    if (wait > 0) {
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'Too many failed sign-ins: try again later',
        undefined,
        wait,
      );
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await this.transactions.pool.query('INSERT INTO sign_in_failure (username, address) VALUES ($1, $2)', [
      username.toLowerCase().slice(0, 128),
      address.slice(0, 64),
    ]);
  }

  /** Failures older than a day mean nothing any more. */
  async forgetOld(db: Db): Promise<number> {
    const rows = await db.query<{ id: string }[]>(
      `DELETE FROM sign_in_failure WHERE at < now() - interval '1 day' RETURNING 1 AS id`,
    );
    return rows.length;
  }
}
