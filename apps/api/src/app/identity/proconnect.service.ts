import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration, IDToken } from 'openid-client';
import { PROCONNECT_PATH, type ProConnectRefusal, normaliseEmail } from '@passerelle/shared/domain';
import {
  APP_CONFIG,
  type AppConfig,
  PROCONNECT_ACR_LEVELS,
  type ProConnectConfig,
} from '@api/platform/config/config';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, notFound } from '@api/platform/http/domain-error';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { AuthService, type IssuedSession } from './auth.service';
import { type ProConnectAgent, ProConnectRepository } from './proconnect.repository';

/** ProConnect's scopes: the family name is `usual_name`, not `family_name`. */
export const PROCONNECT_SCOPES = 'openid email given_name usual_name siret uid idp_id organization_label';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** What a callback comes to: a session, or a refusal the back office explains. */
export type ProConnectOutcome = { session: IssuedSession } | { refused: ProConnectRefusal };

/** `acr` at least the configured level (eidas1 < eidas2 < eidas3); anything else is too weak. */
export function acrSuffices(acr: unknown, minimum: ProConnectConfig['acr']): boolean {
  const levels: readonly string[] = PROCONNECT_ACR_LEVELS;
  return typeof acr === 'string' && levels.indexOf(acr) >= levels.indexOf(minimum);
}

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;

type OpenIdClient = typeof import('openid-client');

/**
 * Sign-in with ProConnect, the State's OpenID Connect federation: the authorisation code flow with
 * PKCE, `state` and `nonce`, whose secrets wait in PostgreSQL (any instance may get the callback).
 * ProConnect lets any public agent in; Passerelle decides who enters: an active account of an
 * active organisation, found by its stored `sub`, else by its e-mail (then the `sub` is stored).
 */
@Injectable()
export class ProConnectService {
  private readonly logger = new Logger(ProConnectService.name);
  /** Discovery, once per process (the provider's metadata and keys); a failure is tried again. */
  private configuration: Promise<Configuration> | null = null;

  constructor(
    private readonly repository: ProConnectRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.proconnect !== null;
  }

  /** Registered at ProConnect as they are: `${PUBLIC_URL}/api/auth/proconnect/callback` and `${PUBLIC_URL}/`. */
  get redirectUri(): string {
    return `${this.config.publicUrl ?? ''}${PROCONNECT_PATH}/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl ?? ''}/`;
  }

  private settings(): ProConnectConfig {
    if (!this.config.proconnect) throw notFound('ProConnect sign-in');
    return this.config.proconnect;
  }

  /**
   * openid-client is an ES module only: loaded when first needed. The CommonJS build turns this into
   * `require`, which loads an ES module on Node ≥ 20.19 (package.json's engines); Jest compiles it.
   */
  private client(): Promise<OpenIdClient> {
    return import('openid-client');
  }

  private discover(): Promise<Configuration> {
    const settings = this.settings();
    this.configuration ??= this.client()
      .then((client) =>
        client.discovery(
          new URL(settings.issuer),
          settings.clientId,
          {
            // ProConnect signs its ID tokens and answers /userinfo as a signed JWT.
            id_token_signed_response_alg: 'RS256',
            userinfo_signed_response_alg: 'RS256',
          },
          client.ClientSecretPost(settings.clientSecret),
          // Plain HTTP only for a stand-in provider outside production (config refuses http in production).
          settings.issuer.startsWith('http:') && this.config.mode !== 'production'
            ? { execute: [client.allowInsecureRequests] }
            : undefined,
        ),
      )
      .catch((error: unknown) => {
        this.configuration = null;
        this.logger.warn(`ProConnect discovery failed: ${error instanceof Error ? error.message : 'error'}`);
        throw new DomainError(
          'UNAVAILABLE',
          'ProConnect cannot be reached: try again in a moment',
          undefined,
          5,
        );
      });
    return this.configuration;
  }

  private loaded(): Promise<[OpenIdClient, Configuration]> {
    return Promise.all([this.client(), this.discover()]);
  }

  /**
   * Starts a sign-in: the provider's address to send the browser to, and the state for its cookie;
   * null when the provider does not answer.
   */
  async start(): Promise<{ url: string; state: string } | null> {
    const settings = this.settings();
    const loaded = await this.loaded().catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'UNAVAILABLE') return null;
      throw error;
    });
    if (!loaded) return null;
    const [client, configuration] = loaded;
    // 43 characters each (32 random bytes): ProConnect wants at least 32.
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.repository.startFlow(sha256(state), nonce, codeVerifier);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: PROCONNECT_SCOPES,
      response_type: 'code',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      acr_values: settings.acr,
    });
    return { url: url.href, state };
  }

  /**
   * The provider's answer. `callbackUrl` is the whole URL (ProConnect adds `iss`); `cookieState`
   * the state of the browser's cookie, which must be the URL's. A browser reads the outcome: a
   * state that is not the browser's, unknown, used or expired comes to `EXPIRED` (nothing recorded,
   * no session), a code the provider refuses to `FAILED`, a provider that does not answer to
   * `UNAVAILABLE`.
   */
  async callback(callbackUrl: URL, cookieState: string | null): Promise<ProConnectOutcome> {
    const settings = this.settings();
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || state !== cookieState) {
      this.logger.warn('ProConnect callback refused: its state is not this browser’s');
      return { refused: 'EXPIRED' };
    }
    // Taken (deleted) before the code is used: a replayed callback finds nothing.
    const flow = await this.repository.takeFlow(sha256(state));
    if (!flow) {
      this.logger.warn('ProConnect callback refused: an unknown, used or expired state');
      return { refused: 'EXPIRED' };
    }
    const loaded = await this.loaded().catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'UNAVAILABLE') return null;
      throw error;
    });
    if (!loaded) return { refused: 'UNAVAILABLE' };
    const [client, configuration] = loaded;

    let idToken: string;
    let claims: IDToken;
    let agent: ProConnectAgent;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const tokenClaims = tokens.claims();
      if (!tokens.id_token || !tokenClaims) throw new Error('no ID token');
      idToken = tokens.id_token;
      claims = tokenClaims;
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      const email = text(info.email, 254);
      if (!email) throw new Error('no e-mail in userinfo');
      agent = {
        sub: claims.sub,
        email: normaliseEmail(email),
        givenName: text(info.given_name, 200),
        usualName: text(info['usual_name'], 200),
        siret: text(info['siret'], 14),
        organizationLabel: text(info['organization_label'], 300),
      };
    } catch (error) {
      // openid-client's reason (invalid_grant, a bad signature…), never a token.
      this.logger.warn(`ProConnect callback refused: ${error instanceof Error ? error.message : 'error'}`);
      await this.audit.record('LOGIN_FAILED', [null]);
      return { refused: 'FAILED' };
    }

    if (!acrSuffices(claims.acr, settings.acr)) {
      await this.audit.record('LOGIN_FAILED', [null]);
      return { refused: 'ACR_TOO_WEAK' };
    }

    const decision = await this.transactions.run(
      async (db): Promise<{ refused: ProConnectRefusal } | { userId: string }> => {
        const account = await this.repository.findAccount(db, agent.sub, agent.email);
        if (!account) {
          // The coordinator sees the request; the audit log gets no free string of an unknown agent.
          await this.repository.recordRequest(db, agent);
          await this.audit.record('LOGIN_FAILED', [null], db);
          return { refused: 'UNKNOWN_ACCOUNT' };
        }
        const actor = {
          userId: account.id,
          username: account.username,
          organizationId: account.organization_id,
        };
        if (!account.active || !account.organization_active) {
          await this.audit.record('LOGIN_FAILED', [null], db, actor);
          return { refused: 'ACCOUNT_INACTIVE' };
        }
        if (account.proconnect_sub === null) await this.repository.link(db, account.id, agent.sub);
        return { userId: account.id };
      },
    );
    if ('refused' in decision) return decision;
    return { session: await this.auth.signInVerified(decision.userId, idToken) };
  }

  /** Where the browser goes to end its ProConnect session too; null when ProConnect is off. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    if (!this.enabled) return null;
    const [client, configuration] = await this.loaded();
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      // Nothing waits for it on the way back (the sign-in page), but ProConnect requires one.
      state: client.randomState(),
      post_logout_redirect_uri: this.postLogoutRedirectUri,
    }).href;
  }
}
