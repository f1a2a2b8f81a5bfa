import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { DomainError } from '@api/platform/http/domain-error';
import { UUID } from '@api/platform/http/fields';
import { type AuthenticatedPrincipal, capabilitiesOf } from '@api/app/access/principal';
import { type SessionPrincipalRow, SessionsRepository } from './sessions.repository';
import { type VerifiedClaims, VerifiedTokens } from './verified-tokens';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

export const unauthenticated = (message = 'Authentication required'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);

export function principalFromRow(row: SessionPrincipalRow): AuthenticatedPrincipal {
  const organization = {
    id: row.organization_id,
    name: row.organization_name,
    type: row.organization_type,
    registersDemands: row.registers_demands,
  };
  return {
    userId: row.user_id,
    sessionId: row.session_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organization,
    capabilities: capabilitiesOf(organization),
  };
}

/** Bearer token → principal, checked against the database on every request. */
@Injectable()
export class AuthenticationService {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccessToken(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  async authenticate(authorization: string | undefined): Promise<AuthenticatedPrincipal> {
    const match = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(authorization ?? '');
    if (!match?.[1]) throw unauthenticated();
    const token = match[1];
    let claims = this.verified.get(token, Date.now());
    if (!claims) {
      claims = await this.verify(token);
      this.verified.remember(token, claims);
    }
    const row = await this.sessions.findLiveAndTouch(claims.sid, claims.sub, this.config.sessionIdleMinutes);
    if (!row) throw unauthenticated('Session ended');
    return principalFromRow(row);
  }

  private async verify(token: string): Promise<VerifiedClaims> {
    let claims: Partial<VerifiedClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<VerifiedClaims> & object>(token);
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
    const { sid, sub, exp } = claims;
    if (typeof sid !== 'string' || !UUID.test(sid)) throw unauthenticated('Invalid or expired token');
    if (typeof sub !== 'string' || !UUID.test(sub)) throw unauthenticated('Invalid or expired token');
    if (typeof exp !== 'number') throw unauthenticated('Invalid or expired token');
    return { sid, sub, exp };
  }
}
