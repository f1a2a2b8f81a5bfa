import { DomainError } from './domain-error';

/** The entity tag of a versioned resource: `"<version>"`. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an `If-Match` header names: missing → 428, unreadable → 412 (it cannot match).
 * Accepts `"3"`, `W/"3"` and a bare `3`.
 */
export function requiredVersion(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw new DomainError('PRECONDITION_REQUIRED', 'If-Match header required: send the ETag you read');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match?.[1]) throw stale();
  return Number(match[1]);
}

export const stale = (): DomainError =>
  new DomainError('PRECONDITION_FAILED', 'The file was changed by someone else: read it again before saving');
