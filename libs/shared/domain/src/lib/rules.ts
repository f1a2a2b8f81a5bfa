import type { OrganizationType, Role } from './codes';

/** Numbers and patterns the API enforces and the back office follows (API.md, DOMAIN.md). */

/** The SNE number is opaque: stored as text, 13 to 20 upper-case letters or digits. */
export const SNE_NUMBER_PATTERN = /^[0-9A-Z]{13,20}$/;

export const MAX_WISHED_COMMUNES = 8;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Sign-in limits: only failures count. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
  /**
   * An address the account signed in from this recently counts the account's failures on its own:
   * failures elsewhere cannot shut the user out where they work (README, « Sign-in limits »).
   */
  familiarAddressDays: 30,
} as const;

/**
 * The one spelling of a username: spaces around, capitals and composed or decomposed accents
 * name the same account. Lower-cased before NFC, so that the result is NFC itself (`İ`
 * lower-cases to two code points).
 */
export function normaliseUsername(typed: string): string {
  return typed.trim().toLowerCase().normalize('NFC');
}

/** A session left idle on a shared town-hall computer ends after this long. */
export const IDLE_SESSION_MINUTES = 30;

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** Reporting: no figure resting on fewer cases than this is shown. */
export const MIN_CASES_PER_FIGURE = 5;

/** Closed files are anonymised this many months after closure; audit entries purged after this many. */
export const ANONYMISE_AFTER_MONTHS = 12;
export const AUDIT_RETENTION_MONTHS = 12;

/** Which organisations a role's users belong to. */
export const ROLE_ORGANIZATION_TYPES = {
  RELAY_CLERK: ['RELAY_POINT'],
  INFO_POINT_AGENT: ['INFO_POINT'],
  SOCIAL_WORKER: ['SOCIAL_SERVICE', 'INFO_POINT'],
  LANDLORD_OFFICER: ['LANDLORD'],
  COORDINATOR: ['INTERCOMMUNALITY'],
} as const satisfies Record<Role, readonly OrganizationType[]>;

/** A new account's one-time activation code is valid this long. */
export const ACTIVATION_CODE_HOURS = 72;
export const MIN_PASSWORD_LENGTH = 12;
