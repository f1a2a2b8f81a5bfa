import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  LoginResponse,
  SecondFactorChallenge,
  SecondFactorLoginResponse,
} from '@passerelle/shared/domain';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { toCurrentUser } from '@api/app/access/principal';
import { AuthenticationService, principalFromRow, unauthenticated } from './authentication.service';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { verifyPassword } from './passwords';
import { SecondFactorService } from './second-factor.service';
import { SignInLimits } from './sign-in-limits';
import { requestContext } from '@api/platform/request-context';
import { DomainError } from '@api/platform/http/domain-error';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A refresh token is `<session id>.<secret>`; only the secret's hash is stored. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1] && match[2] ? { sessionId: match[1], secret: match[2] } : null;
}

/** What a sign-in or a refresh gives: the answer's body, and the refresh token for its cookie. */
export interface IssuedSession<Body extends LoginResponse = LoginResponse> {
  body: Body;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly authentication: AuthenticationService,
    private readonly audit: AuditRepository,
    private readonly limits: SignInLimits,
    private readonly secondFactors: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The same 401 for an unknown user, a wrong password and an inactive account. `username` is
   * normalised (LoginDto). The attempt is recorded before the password is checked (SignInLimits).
   * A member of an organisation that signs in with ProConnect only is refused, once the password
   * is right. An account that has a second factor, or whose role requires one, gets a challenge
   * instead of the tokens: its address becomes familiar (SignInLimits.signedIn) only once the code
   * is right.
   */
  async login(username: string, password: string): Promise<IssuedSession | SecondFactorChallenge> {
    const user = await this.users.findByUsername(username);
    const attempt = await this.limits.reserve(user?.id ?? null, username, requestContext()?.ip);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || !user.active || !user.organization?.active) {
      await this.limits.failed(attempt);
      // The name only when it names an account: a free string may be a password typed in the wrong field.
      await this.audit.record('LOGIN_FAILED', [null], undefined, {
        userId: user?.id ?? null,
        username: user?.username ?? null,
      });
      throw unauthenticated('Invalid username or password');
    }
    if (user.organization.requiresProConnect) {
      // Said only to whoever knew the password: the account's existence stays hidden from others.
      await this.limits.forget(attempt);
      await this.audit.record('LOGIN_FAILED', [null], undefined, {
        userId: user.id,
        username: user.username,
      });
      throw new DomainError(
        'FORBIDDEN',
        'Votre organisation se connecte avec ProConnect : utilisez « S’identifier avec ProConnect ».',
      );
    }
    const challenge = await this.secondFactors.challengeAfterPassword(user);
    if (challenge) {
      await this.limits.forget(attempt);
      return challenge;
    }
    await this.limits.signedIn({ ...attempt, userId: user.id });
    return this.openSession(user.id, null);
  }

  /**
   * The second step: a code of the app or a recovery code for the challenge's account (or, for an
   * account enrolling, the first code of its new secret: the recovery codes come with the tokens).
   * A wrong code counts as a failed sign-in; the challenge works once.
   */
  async loginWithSecondFactor(
    challenge: string,
    code: string,
  ): Promise<IssuedSession<SecondFactorLoginResponse>> {
    const account = await this.secondFactors.accountOf(challenge);
    const user = { id: account.user_id, username: account.username, organizationId: account.organization_id };
    const checked = await this.secondFactors.check(user, code);
    if (!checked) {
      await this.audit.record('LOGIN_FAILED', [null], undefined, {
        userId: user.id,
        username: user.username,
      });
      throw unauthenticated('Invalid code');
    }
    if (!(await this.secondFactors.consumeChallenge(account.id))) {
      await this.limits.forget(checked.attempt);
      throw unauthenticated('This sign-in has expired: sign in again with your password');
    }
    await this.limits.signedIn({ ...checked.attempt, userId: user.id });
    const issued = await this.openSession(user.id, null);
    return checked.recoveryCodes
      ? { ...issued, body: { ...issued.body, recoveryCodes: checked.recoveryCodes } }
      : issued;
  }

  /**
   * A session for an account whose owner another way proved (ProConnect): `idToken` is kept for
   * the provider's logout. The caller has checked that the account and its organisation are active.
   */
  signInVerified(userId: string, idToken: string): Promise<IssuedSession> {
    return this.openSession(userId, idToken);
  }

  private async openSession(userId: string, idToken: string | null): Promise<IssuedSession> {
    const secret = newSecret();
    const sessionId = await this.sessions.create(
      userId,
      sha256(secret),
      this.config.sessionMaxHours,
      idToken,
    );
    const issued = await this.tokensFor(sessionId, secret);
    await this.audit.record('LOGIN', [null], undefined, {
      userId,
      username: issued.body.user.username,
      organizationId: issued.body.user.organization.id,
    });
    return issued;
  }

  /** Rotates the refresh token; a token used twice ends its session (it may have been stolen). */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw unauthenticated('Invalid refresh token');
    const row = await this.sessions.findLive(parsed.sessionId, this.config.sessionIdleMinutes);
    if (!row) throw unauthenticated('Session ended');
    const presented = sha256(parsed.secret);
    if (!timingSafeEqual(Buffer.from(presented), Buffer.from(row.refresh_token_hash))) {
      await this.sessions.revoke(parsed.sessionId);
      throw unauthenticated('Refresh token already used: the session is closed');
    }
    const secret = newSecret();
    if (!(await this.sessions.rotate(parsed.sessionId, presented, sha256(secret)))) {
      throw unauthenticated('Refresh token already used');
    }
    return this.tokensFor(parsed.sessionId, secret);
  }

  /** Ends the session; answers its ProConnect ID token, if it came from there (for the provider's logout). */
  async logout(refreshToken: string): Promise<string | null> {
    const parsed = parseRefreshToken(refreshToken);
    return parsed ? this.sessions.end(parsed.sessionId, sha256(parsed.secret)) : null;
  }

  private async tokensFor(sessionId: string, secret: string): Promise<IssuedSession> {
    const row = await this.sessions.findLive(sessionId, this.config.sessionIdleMinutes);
    if (!row) throw unauthenticated('Session ended');
    const principal = principalFromRow(row);
    return {
      body: {
        accessToken: await this.authentication.signAccessToken({ sub: principal.userId, sid: sessionId }),
        user: toCurrentUser(principal),
      },
      refreshToken: `${sessionId}.${secret}`,
    };
  }
}
