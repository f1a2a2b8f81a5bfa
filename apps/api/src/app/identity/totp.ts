import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { SECOND_FACTOR, normaliseRecoveryCode } from '@passerelle/shared/domain';

/** Unambiguous letters and digits (no 0/O, 1/I/L): read aloud or copied from a screen. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new TOTP secret: 160 random bits (RFC 4226's recommended length), base32 as the apps read it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: SECOND_FACTOR.issuer,
    label: username,
    algorithm: 'SHA1',
    digits: SECOND_FACTOR.digits,
    period: SECOND_FACTOR.periodSeconds,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The time step (30 s) `at` falls in. */
export function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / SECOND_FACTOR.periodSeconds);
}

/** The code of `secret` for the step `at` falls in (tests, and nothing else, need it). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret, 'x').generate({ timestamp: at.getTime() });
}

/**
 * The time step whose code `code` is, within SECOND_FACTOR.window steps of `at`, or null: the
 * caller accepts it only when it is later than the last step used (a code works once).
 */
export function matchingStep(secret: string, code: string, at: Date): number | null {
  if (!isTotpCode(code)) return null;
  const delta = totp(secret, 'x').validate({
    token: code,
    timestamp: at.getTime(),
    window: SECOND_FACTOR.window,
  });
  return delta === null ? null : stepAt(at) + delta;
}

/** Six digits: what an authenticator app shows; anything else is taken as a recovery code. */
export const isTotpCode = (code: string): boolean => new RegExp(`^\\d{${SECOND_FACTOR.digits}}$`).test(code);

/** 16 characters of CODE_ALPHABET (79 bits), in four groups: `ABCD-EFGH-JKMN-PQRS`. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/**
 * What is stored of a recovery code: the SHA-256 of its normalised form. 79 random bits need no
 * slow hash: nobody can try them all from the hash, and the sign-in limits stop trying them online.
 */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
