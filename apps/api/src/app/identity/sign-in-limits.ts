import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { SIGN_IN_LIMITS } from '@passerelle/shared/domain';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { DomainError } from '@api/platform/http/domain-error';

const WINDOW = `interval '${SIGN_IN_LIMITS.windowMinutes} minutes'`;

/** Namespaces of the two-key advisory locks that serialise the attempts on one account, one address. */
const ACCOUNT_LOCKS = 7_301_201;
const ADDRESS_LOCKS = 7_301_202;

/**
 * What the limits count by: an IPv4 address as it is (also when written IPv4-mapped), an IPv6
 * address by its /64 network, since one host or one subscriber holds a whole /64 and could
 * otherwise take a fresh address per guess.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  const [address = ''] = ip.split('%');
  if (!isIPv6(address)) return ip.slice(0, 64);
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  // An embedded IPv4 address fills the last two groups.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const all = [...before, ...Array<string>(8 - width(before) - width(after)).fill('0'), ...after];
  const network = all.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${network.join(':')}::/64`;
}

/** How long a request waits for the attempts being checked before it (argon2 takes about 0.1 s each). */
const PENDING_POLL_MS = 50;
const PENDING_ROUNDS = 40;
/** An attempt still pending after this was never decided (its process died): a failure. */
const STALE_PENDING_SECONDS = 30;

interface ReserveRow {
  id: string | null;
  account_wait: number | null;
  account_failed_wait: number | null;
  address_wait: number | null;
  address_failed_wait: number | null;
}

/** One attempt, counted as a failure until it is known to have succeeded. */
export interface SignInAttempt {
  id: string;
  userId: string | null;
  address: string;
}

/**
 * Sign-in limits (API.md): five failures for one account within 15 minutes, or twenty from one
 * address, answer 429 until the window passes; only failures count. An attempt is recorded before
 * the password is checked, under a lock per account and per address, so that parallel guesses
 * cannot all pass the count; it is deleted when it succeeds. The account's failures from an address
 * it recently signed in from are counted apart from those made elsewhere (README, « Sign-in
 * limits »). Counters live in PostgreSQL so that every instance sees them.
 */
@Injectable()
export class SignInLimits {
  constructor(
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records an attempt on the account `userId` (or on the normalised `username` that names none)
   * from `clientAddress`, or answers 429 when a limit is reached (and records nothing). When only
   * attempts still being checked stand in the way, it waits for them to be decided: one of them may
   * succeed, and successes never count.
   */
  async reserve(
    userId: string | null,
    username: string,
    clientAddress: string | undefined,
  ): Promise<SignInAttempt> {
    // A name with no account may be a password typed in the wrong field: kept only as a keyed hash,
    // which nobody can reverse by trying short strings without the server's secret.
    const account = userId ?? createHmac('sha256', this.config.tokenSecret).update(username).digest('hex');
    const address = addressKey(clientAddress);
    for (let round = 0; ; round++) {
      const row = await this.tryReserve(account, address, userId);
      if (row.id) return { id: row.id, userId, address };
      const failedWait = Math.max(row.account_failed_wait ?? 0, row.address_failed_wait ?? 0);
      if (failedWait > 0 || round >= PENDING_ROUNDS) {
        throw new DomainError(
          'TOO_MANY_REQUESTS',
          'Too many failed sign-ins: try again later',
          undefined,
          Math.max(failedWait, row.account_wait ?? 1, row.address_wait ?? 1),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    }
  }

  private async tryReserve(account: string, address: string, userId: string | null): Promise<ReserveRow> {
    const row = await this.transactions.run(async (db) => {
      // The account's lock, then the address's, in every attempt: none can wait on another in a circle.
      await db.query(
        'SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, hashtext($4))',
        [ACCOUNT_LOCKS, account, ADDRESS_LOCKS, address],
      );
      // A statement of its own, after the locks: its snapshot sees what the previous holder committed.
      // `*_wait` counts the attempts still being checked, `*_failed_wait` only the failures (and an
      // attempt whose check never ended: its process died).
      const [counted] = await db.query<ReserveRow[]>(
        `WITH place AS (
           SELECT EXISTS (
             SELECT 1 FROM sign_in_familiar_address
              WHERE user_id = $3::uuid AND address = $2
                AND last_signed_in_at > now() - make_interval(days => $6::int)
           ) AS familiar
         ),
         recent AS (
           SELECT a.at, a.account, a.address, a.familiar,
                  NOT a.pending OR a.at < now() - interval '${STALE_PENDING_SECONDS} seconds' AS failed
             FROM sign_in_attempt a
            WHERE (a.account = $1 OR a.address = $2) AND a.at > now() - ${WINDOW}
         ),
         mine AS (
           SELECT r.* FROM recent r, place
            WHERE r.account = $1 AND r.familiar = place.familiar AND (NOT place.familiar OR r.address = $2)
         ),
         waits AS (
           SELECT place.familiar,
             (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM mine
               ORDER BY at DESC OFFSET $4::int - 1 LIMIT 1) AS account_wait,
             (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM mine WHERE failed
               ORDER BY at DESC OFFSET $4::int - 1 LIMIT 1) AS account_failed_wait,
             (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM recent WHERE address = $2
               ORDER BY at DESC OFFSET $5::int - 1 LIMIT 1) AS address_wait,
             (SELECT ceil(extract(epoch FROM at + ${WINDOW} - now()))::int FROM recent WHERE address = $2 AND failed
               ORDER BY at DESC OFFSET $5::int - 1 LIMIT 1) AS address_failed_wait
           FROM place
         ),
         attempt AS (
           INSERT INTO sign_in_attempt (account, address, familiar)
           SELECT $1, $2, familiar FROM waits WHERE account_wait IS NULL AND address_wait IS NULL
           RETURNING id
         )
         SELECT (SELECT id FROM attempt) AS id, account_wait, account_failed_wait, address_wait, address_failed_wait
           FROM waits`,
        [
          account,
          address,
          userId,
          SIGN_IN_LIMITS.failuresPerAccount,
          SIGN_IN_LIMITS.failuresPerAddress,
          SIGN_IN_LIMITS.familiarAddressDays,
        ],
      );
      return counted;
    });
    if (!row) throw new Error('the sign-in attempt statement answered no row');
    return row;
  }

  /** The attempt failed: from now on it counts as a failure, whatever the attempts waiting on it. */
  async failed(attempt: SignInAttempt): Promise<void> {
    await this.transactions.pool.query('UPDATE sign_in_attempt SET pending = false WHERE id = $1', [
      attempt.id,
    ]);
  }

  /** The attempt signed the user in: it never counts, and its address becomes familiar to the account. */
  async signedIn(attempt: SignInAttempt & { userId: string }): Promise<void> {
    await this.transactions.pool.query(
      `WITH attempt AS (DELETE FROM sign_in_attempt WHERE id = $1)
       INSERT INTO sign_in_familiar_address (user_id, address) VALUES ($2, $3)
       ON CONFLICT (user_id, address) DO UPDATE SET last_signed_in_at = now()`,
      [attempt.id, attempt.userId, attempt.address],
    );
  }

  /** The attempt was no failure (an activation that succeeded, a password too short to try). */
  async forget(attempt: SignInAttempt): Promise<void> {
    await this.transactions.pool.query('DELETE FROM sign_in_attempt WHERE id = $1', [attempt.id]);
  }

  /** Failures older than a day mean nothing any more, nor addresses unused for a while. */
  async forgetOld(db: Db): Promise<number> {
    const rows = await db.query<{ n: number }[]>(
      `WITH attempts AS (DELETE FROM sign_in_attempt WHERE at < now() - interval '1 day' RETURNING 1),
            addresses AS (
              DELETE FROM sign_in_familiar_address
               WHERE last_signed_in_at < now() - make_interval(days => $1::int) RETURNING 1
            )
       SELECT (SELECT count(*) FROM attempts)::int + (SELECT count(*) FROM addresses)::int AS n`,
      [SIGN_IN_LIMITS.familiarAddressDays],
    );
    return rows[0]?.n ?? 0;
  }
}
