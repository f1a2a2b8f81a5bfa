import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DOCUMENT_MAX_BYTES } from '@passerelle/shared/domain';
import { DomainError } from '@api/platform/http/domain-error';

/** The multipart field that carries the document's bytes. */
export const DOCUMENT_FILE_FIELD = 'file';

/**
 * multer in memory, capped while receiving: a body past DOCUMENT_MAX_BYTES is cut off as soon as
 * the limit is crossed. One file, a handful of short text fields.
 */
const MulterInterceptor = FileInterceptor(DOCUMENT_FILE_FIELD, {
  limits: {
    fileSize: DOCUMENT_MAX_BYTES,
    files: 1,
    fields: 10,
    fieldSize: 1024,
    fieldNameSize: 100,
    parts: 12,
    headerPairs: 100,
  },
  // Browsers send file names in UTF-8 without saying so.
  defParamCharset: 'utf8',
});

/**
 * Receives the upload and answers multer's and the multipart parser's failures in the API's error
 * format: 413 past the size limit, 400 for anything else malformed; never a 500.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterInterceptor();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // Only the reception fails here; the handler's own errors travel in the returned stream.
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw uploadError(error);
    }
  }
}

export function uploadError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof HttpException && error.getStatus() === 413) {
    return new DomainError('TOO_LARGE', `A document may not exceed ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`);
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return new DomainError('INVALID', `Invalid multipart body: ${error.message}`);
  }
  return new DomainError('INVALID', 'Invalid multipart body');
}
