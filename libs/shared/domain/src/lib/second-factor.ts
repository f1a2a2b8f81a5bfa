import { ROLES, type Role } from './codes';
import { PERMISSIONS } from './permissions';

/**
 * The second factor of password accounts (RFC 6238 TOTP, with single-use recovery codes). Which
 * roles must have one is derived from the permission table, so that a role given sensitive data
 * later requires it too: whoever reads a file in full (resources, reasons: income, health,
 * family violence), a social evaluation or a sensitive document, and the coordinator, who holds
 * every account and the access log.
 */
export function readsSensitiveData(role: Role): boolean {
  return (
    PERMISSIONS['files.read'][role]?.view === 'full' ||
    PERMISSIONS['evaluations.social'][role] !== undefined ||
    PERMISSIONS['documents.downloadSensitive'][role] !== undefined
  );
}

/** The roles that need a second factor in production unless `SECOND_FACTOR_ROLES` says more. */
export const SECOND_FACTOR_REQUIRED_ROLES: readonly Role[] = ROLES.filter(
  (role) => readsSensitiveData(role) || role === 'COORDINATOR',
);

export const SECOND_FACTOR = {
  /** RFC 6238's defaults, the only ones every authenticator app reads: SHA-1, 6 digits, 30 s. */
  digits: 6,
  periodSeconds: 30,
  /** A code of the step before or after is accepted too (a phone's clock a little off). */
  window: 1,
  recoveryCodes: 10,
  /** How long the step between the password and the code may take. */
  challengeMinutes: 10,
  /** The name authenticator apps show beside the account. */
  issuer: 'Passerelle',
} as const;

/** A recovery code as typed: capitals, no spaces or dashes. */
export const normaliseRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
