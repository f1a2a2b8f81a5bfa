import type { OrganizationType, Role } from '../codes';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  type: OrganizationType;
  registersDemands: boolean;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationSummary;
}

/**
 * A session's tokens: the access token, kept in the page's memory; the refresh token travels only
 * in an `HttpOnly` cookie scoped to `/api/auth` (REFRESH_COOKIE), out of any script's reach.
 */
export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

/** The cookie that carries the refresh token (`HttpOnly`, `SameSite=Strict`, `Path=/api/auth`). */
export const REFRESH_COOKIE = 'passerelle_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * A correct password of an account that has, or must have, a second factor: no tokens yet, but a
 * short-lived single-use challenge to send with a code (`TOTP`: a code of the app or a recovery
 * code), or to enrol with first (`ENROL`: the account's role requires a second factor it has not).
 */
export interface SecondFactorChallenge {
  secondFactor: 'TOTP' | 'ENROL';
  challenge: string;
  expiresAt: string;
}

/** What `POST /api/auth/login` answers: the tokens, or the second factor to give first. */
export type LoginOutcome = LoginResponse | SecondFactorChallenge;

export function isSecondFactorChallenge(outcome: LoginOutcome): outcome is SecondFactorChallenge {
  return 'challenge' in outcome;
}

export interface SecondFactorLoginRequest {
  challenge: string;
  /** Six digits of the authenticator app, or a recovery code. */
  code: string;
}

/** After an enrolment, the recovery codes come once, with the tokens. */
export type SecondFactorLoginResponse = LoginResponse & { recoveryCodes?: string[] };

/** A new TOTP secret waiting for its first code: as text, as an `otpauth://` URI, and as a QR code. */
export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** A PNG data URL of the URI's QR code. */
  qrCode: string;
}

export interface RecoveryCodes {
  /** Shown once: each works once, in place of a code of the app. */
  recoveryCodes: string[];
}

export interface SecondFactorStatus {
  enrolled: boolean;
  /** The account's role requires a second factor (SECOND_FACTOR_ROLES). */
  required: boolean;
  recoveryCodesLeft: number;
}
