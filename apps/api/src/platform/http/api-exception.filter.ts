import { STATUS_CODES } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiError, FieldError } from '@passerelle/shared/domain';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '@api/platform/database/database-unavailable';
import { StorageUnavailableError, UnknownDocumentKeyError } from '../storage/document-storage';
import { DomainError } from './domain-error';

/** While PostgreSQL is away every request fails alike: one log line per this long is enough. */
const UNAVAILABLE_LOG_EVERY_MS = 5_000;

/** How long a caller should wait when the document storage does not answer. */
const STORAGE_RETRY_AFTER_SECONDS = 5;

/** Builds the one error body of API.md. */
export function apiError(statusCode: number, message: string, details?: FieldError[]): ApiError {
  const body: ApiError = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details && details.length > 0) body.details = details;
  return body;
}

export function sendApiError(res: Response, error: ApiError, retryAfterSeconds?: number): void {
  if (res.headersSent) return;
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(error.statusCode).json(error);
}

/** Every error leaves the API in the same shape, without stack traces or SQL. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');
  private unavailableLoggedAt = 0;
  private unavailableSince = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainError) {
      sendApiError(
        res,
        apiError(exception.status, exception.message, exception.details),
        exception.retryAfterSeconds,
      );
      return;
    }
    if (exception instanceof UnknownDocumentKeyError) {
      // The operator's to mend, not the caller's: say which key (its id, never the key) is missing.
      this.logger.error(
        { storageKey: exception.key, keyId: exception.keyId },
        `${exception.message}: add its key to DOCUMENTS_PREVIOUS_KEYS`,
      );
      // Not a 5xx: the request is sound, and retrying changes nothing until the key is back.
      sendApiError(
        res,
        apiError(
          409,
          'This document cannot be opened: the key that encrypted it is not configured on this server',
        ),
      );
      return;
    }
    if (exception instanceof StorageUnavailableError) {
      // Not the caller's fault, and likely over soon: say when to try again (a 5xx other than 503 is a bug).
      this.logger.error({ reason: exception.reason }, exception.message);
      sendApiError(
        res,
        apiError(503, 'The document storage is unavailable: try again in a moment'),
        STORAGE_RETRY_AFTER_SECONDS,
      );
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logUnavailable(exception);
      // Not the caller's fault, nor a bug: the same request may succeed in a few seconds.
      sendApiError(
        res,
        apiError(503, 'The service is temporarily unavailable: try again in a few seconds'),
        DATABASE_RETRY_AFTER_SECONDS,
      );
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      if (status >= 500) this.logger.error({ err: exception }, 'HTTP exception');
      sendApiError(res, apiError(status, status >= 500 ? 'Internal server error' : message));
      return;
    }
    this.logger.error({ err: exception }, 'Unhandled error');
    sendApiError(res, apiError(500, 'Internal server error'));
  }

  private logUnavailable(exception: unknown): void {
    this.unavailableSince++;
    const now = Date.now();
    if (now - this.unavailableLoggedAt < UNAVAILABLE_LOG_EVERY_MS) return;
    this.logger.warn(
      { err: exception, answered503: this.unavailableSince },
      'PostgreSQL cannot be reached: answering 503',
    );
    this.unavailableLoggedAt = now;
    this.unavailableSince = 0;
  }
}
