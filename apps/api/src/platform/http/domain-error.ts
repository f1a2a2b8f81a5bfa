import type { FieldError } from '@passerelle/shared/domain';

/** Business and input failures, mapped to HTTP in one place (ApiExceptionFilter). */
export const DOMAIN_ERROR_STATUS = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  /** A server Passerelle depends on (ProConnect) does not answer: not the caller's fault, try again. */
  UNAVAILABLE: 503,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return DOMAIN_ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Your role may not do this'): DomainError =>
  new DomainError('FORBIDDEN', message);
export const conflict = (message: string): DomainError => new DomainError('CONFLICT', message);
export const invalid = (message: string, details?: FieldError[]): DomainError =>
  new DomainError('INVALID', message, details);
