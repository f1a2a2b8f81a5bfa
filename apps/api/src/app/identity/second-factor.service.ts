import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import {
  type RecoveryCodes,
  type Role,
  SECOND_FACTOR,
  type SecondFactorChallenge,
  type SecondFactorStatus,
  type TotpEnrolment,
} from '@passerelle/shared/domain';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Clock } from '@api/platform/clock';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { DomainError, conflict } from '@api/platform/http/domain-error';
import { requestContext } from '@api/platform/request-context';
import { DocumentCipher } from '@api/platform/storage/document-cipher';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { unauthenticated } from './authentication.service';
import { type ChallengeRow, SecondFactorRepository } from './second-factor.repository';
import { type SignInAttempt, SignInLimits } from './sign-in-limits';
import {
  isTotpCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from './totp';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function parseChallenge(challenge: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(challenge);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/** The account a code is checked for. */
export interface SecondFactorAccount {
  id: string;
  username: string;
  organizationId: string;
}

/** A code that was right: its attempt (to settle with SignInLimits), and the recovery codes of an enrolment. */
export interface CheckedCode {
  attempt: SignInAttempt;
  recoveryCodes?: string[];
}

/**
 * The second factor of password accounts: a TOTP secret (RFC 6238) sealed with the documents key
 * (so `DOCUMENTS_KEY` rotation covers it), ten single-use recovery codes stored hashed, and the
 * challenge between a correct password and the code. Every state is in PostgreSQL: a challenge
 * made by one instance is answered on another, a code used on one is refused on every other.
 */
@Injectable()
export class SecondFactorService {
  private readonly cipher: DocumentCipher;

  constructor(
    private readonly factors: SecondFactorRepository,
    private readonly transactions: Transactions,
    private readonly limits: SignInLimits,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new DocumentCipher(config.documentsKey, config.documentsPreviousKeys);
  }

  isRequired(role: Role): boolean {
    return this.config.secondFactorRoles.includes(role);
  }

  /** Bound to the account: a sealed secret copied to another account does not open. */
  private seal(userId: string, secret: string): Buffer {
    return this.cipher.seal(`second-factor/${userId}`, Buffer.from(secret, 'ascii'));
  }

  private open(userId: string, sealed: Buffer): string {
    return this.cipher.open(`second-factor/${userId}`, sealed).toString('ascii');
  }

  /**
   * After a correct password: the challenge to answer with a code (the account has a second factor)
   * or to enrol with (its role requires one), or null when the password is enough.
   */
  async challengeAfterPassword(user: { id: string; role: Role }): Promise<SecondFactorChallenge | null> {
    const factor = await this.factors.find(this.transactions.pool, user.id);
    const confirmed = factor?.confirmed ?? false;
    if (!confirmed && !this.isRequired(user.role)) return null;
    const secret = randomBytes(32).toString('base64url');
    const row = await this.factors.createChallenge(
      this.transactions.pool,
      user.id,
      sha256(secret),
      SECOND_FACTOR.challengeMinutes,
    );
    return {
      secondFactor: confirmed ? 'TOTP' : 'ENROL',
      challenge: `${row.id}.${secret}`,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** The account of a live challenge; the same 401 for a malformed, unknown, used or expired one. */
  async accountOf(challenge: string): Promise<ChallengeRow> {
    const parsed = parseChallenge(challenge);
    const row = parsed ? await this.factors.findLiveChallenge(this.transactions.pool, parsed.id) : null;
    if (
      !parsed ||
      !row ||
      !timingSafeEqual(Buffer.from(sha256(parsed.secret)), Buffer.from(row.secret_hash))
    ) {
      throw unauthenticated('This sign-in has expired: sign in again with your password');
    }
    return row;
  }

  /** Uses the challenge up; false when a parallel request did first. */
  consumeChallenge(id: string): Promise<boolean> {
    return this.factors.consumeChallenge(this.transactions.pool, id);
  }

  /** A new secret waiting for its first code, in place of another waiting one; 409 when one is enrolled. */
  async startEnrolment(account: { id: string; username: string }): Promise<TotpEnrolment> {
    const secret = newTotpSecret();
    if (!(await this.factors.savePending(this.transactions.pool, account.id, this.seal(account.id, secret))))
      throw conflict('A second factor is already enrolled: the coordinator can reset it');
    const uri = otpauthUri(secret, account.username);
    return {
      secret,
      otpauthUri: uri,
      qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    };
  }

  /**
   * Checks `code` for the account, counted by the sign-in limits like a password (recorded before
   * it is checked; 429 past the limits): a code of the app, once, and none older than the last one
   * used; or a recovery code, once. When the account's secret waits for its first code, a right
   * code confirms it and gives the ten recovery codes. Null when the code is wrong (a failure).
   */
  async check(account: SecondFactorAccount, code: string): Promise<CheckedCode | null> {
    const factor = await this.factors.find(this.transactions.pool, account.id);
    if (!factor) throw conflict('No second factor to check: enrol first');
    // Opened first: a secret sealed with a key no longer configured answers 409 (the operator's to
    // mend, ApiExceptionFilter) without leaving an attempt behind.
    const secret = this.open(account.id, factor.sealed_secret);
    const attempt = await this.limits.reserve(account.id, account.username, requestContext()?.ip);
    const now = this.clock.now();
    if (factor.confirmed) {
      const step = isTotpCode(code) ? matchingStep(secret, code, now) : null;
      const used = isTotpCode(code)
        ? step !== null && (await this.factors.useStep(this.transactions.pool, account.id, step))
        : await this.factors.useRecoveryCode(this.transactions.pool, account.id, recoveryCodeHash(code));
      if (used) return { attempt };
    } else {
      const step = matchingStep(secret, code, now);
      const recoveryCodes = Array.from({ length: SECOND_FACTOR.recoveryCodes }, newRecoveryCode);
      const confirmed =
        step !== null &&
        (await this.transactions.run(async (db) => {
          if (!(await this.factors.confirm(db, account.id, factor.sealed_secret, step))) return false;
          await this.factors.replaceRecoveryCodes(db, account.id, recoveryCodes.map(recoveryCodeHash));
          await this.audit.recordAdmin(
            db,
            { type: 'USER', id: account.id },
            [{ field: 'secondFactor', from: false, to: true }],
            { userId: account.id, username: account.username, organizationId: account.organizationId },
          );
          return true;
        }));
      if (confirmed) return { attempt, recoveryCodes };
    }
    await this.limits.failed(attempt);
    return null;
  }

  /** Enrolment by a signed-in user (when its role does not require it, or in demo mode). */
  async confirmEnrolment(account: SecondFactorAccount, code: string): Promise<RecoveryCodes> {
    const factor = await this.factors.find(this.transactions.pool, account.id);
    if (!factor) throw conflict('No enrolment under way: start it first');
    if (factor.confirmed) throw conflict('A second factor is already enrolled');
    const checked = await this.check(account, code);
    if (!checked?.recoveryCodes)
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'code', message: 'not the code the authenticator app shows now' },
      ]);
    await this.limits.forget(checked.attempt);
    return { recoveryCodes: checked.recoveryCodes };
  }

  async status(userId: string, role: Role): Promise<SecondFactorStatus> {
    const factor = await this.factors.find(this.transactions.pool, userId);
    const enrolled = factor?.confirmed ?? false;
    return {
      enrolled,
      required: this.isRequired(role),
      recoveryCodesLeft: enrolled ? await this.factors.recoveryCodesLeft(this.transactions.pool, userId) : 0,
    };
  }

  /** The coordinator's reset (a lost phone): true when the account had a second factor. */
  reset(db: Db, userId: string): Promise<boolean> {
    return this.factors.reset(db, userId);
  }
}
