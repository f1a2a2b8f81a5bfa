import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { DomainError } from '@api/platform/http/domain-error';
import { type AuthenticatedPrincipal, capabilitiesOf } from '@api/app/access/principal';
import { type SessionPrincipalRow, SessionsRepository } from './sessions.repository';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(match[1]);
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
    if (typeof claims.sid !== 'string' || !UUID.test(claims.sid))
      throw unauthenticated('Invalid or expired token');
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub))
      throw unauthenticated('Invalid or expired token');
    const row = await this.sessions.findLiveAndTouch(claims.sid, claims.sub, this.config.sessionIdleMinutes);
    if (!row) throw unauthenticated('Session ended');
    return principalFromRow(row);
  }
}
