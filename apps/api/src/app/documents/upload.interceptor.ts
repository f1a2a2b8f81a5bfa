import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { DOCUMENT_MAX_BYTES } from '@passerelle/shared/domain';
import { DomainError, invalid } from '@api/platform/http/domain-error';
import {
  DocumentStorage,
  StorageUnavailableError,
  newStorageKey,
} from '@api/platform/storage/document-storage';
import { type DocumentMediaType, DocumentSniffer } from './document-bytes';

/** The multipart field that carries the document's bytes. */
export const DOCUMENT_FILE_FIELD = 'file';

/**
 * An upload as the route's handler receives it: already sealed in the storage under `storageKey`,
 * its bytes checked (type, completeness, size) and hashed on their way there.
 */
export interface StoredUpload {
  originalname: string;
  storageKey: string;
  size: number;
  /** SHA-256 of the plain bytes, hex. */
  sha256: string;
  mediaType: DocumentMediaType;
  extension: 'pdf' | 'jpg' | 'png';
}

export const tooLarge = (): DomainError =>
  new DomainError('TOO_LARGE', `A document may not exceed ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`);

const unsupported = (): DomainError =>
  new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Only PDF, JPEG and PNG documents are accepted (the type is read from the bytes)',
  );

/**
 * The plain bytes on their way to the storage: counted (past DOCUMENT_MAX_BYTES: 413), hashed,
 * and sniffed (QUALITY.md « uploads »). An unsupported type fails at its first eight bytes; an
 * empty or truncated document fails at the end, before the storage may keep anything.
 */
class DocumentInspection extends Transform {
  private readonly sniffer = new DocumentSniffer();
  private readonly hash = createHash('sha256');
  size = 0;
  accepted: Pick<StoredUpload, 'sha256' | 'mediaType' | 'extension'> | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > DOCUMENT_MAX_BYTES) return done(tooLarge());
    this.hash.update(chunk);
    this.sniffer.update(chunk);
    if (this.sniffer.unsupported) return done(unsupported());
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const verdict = this.sniffer.verdict();
    switch (verdict.kind) {
      case 'EMPTY':
        return done(invalid('The file is empty', [{ field: 'file', message: 'file is empty' }]));
      case 'TRUNCATED':
        return done(
          invalid('The file is truncated or damaged', [
            { field: 'file', message: `file is an incomplete ${verdict.mediaType} document` },
          ]),
        );
      case 'UNSUPPORTED':
        return done(unsupported());
      case 'ACCEPTED':
        this.accepted = {
          sha256: this.hash.digest('hex'),
          mediaType: verdict.mediaType,
          extension: verdict.extension,
        };
        return done();
    }
  }
}

type EngineCallback = (error: Error | null, info?: Omit<StoredUpload, 'originalname'>) => void;

/**
 * A multer storage engine that streams the file part through the inspection into the document
 * storage, which seals it as it comes: the body never sits whole in memory nor in a temporary
 * file. multer calls `_removeFile` for what it stored when the request fails after.
 */
class SealedStorageEngine {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly logger: Logger,
  ) {}

  _handleFile(_req: unknown, file: { stream: Readable }, callback: EngineCallback): void {
    const storageKey = newStorageKey();
    const inspection = new DocumentInspection();
    file.stream.on('error', (error) => inspection.destroy(error));
    file.stream.pipe(inspection);
    this.storage.write(storageKey, inspection).then(
      () => {
        const accepted = inspection.accepted;
        if (!accepted) return callback(new Error('The upload ended without a verdict'));
        callback(null, { storageKey, size: inspection.size, ...accepted });
      },
      (error: Error) => {
        if (!(error instanceof DomainError || error instanceof StorageUnavailableError)) {
          // A client gone or a body cut short: worth a line, as nothing else says the upload was lost.
          this.logger.warn(
            { storageKey, reason: error.message.slice(0, 80) },
            'An upload stopped before its document was whole: nothing was kept',
          );
        }
        callback(error);
      },
    );
  }

  _removeFile(_req: unknown, file: Partial<StoredUpload>, callback: (error: Error | null) => void): void {
    if (!file.storageKey) return callback(null);
    this.storage.delete(file.storageKey).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

/**
 * Receives the upload, sealed into the storage as it arrives, and answers multer's and the
 * multipart parser's failures in the API's error format: 413 past the size limit, 415 for a type
 * that is not a document's, 400 for anything else malformed, 503 when the storage is unreachable;
 * never a 500. Whatever fails after the bytes are stored (the fields' validation, the handler)
 * removes them before the error is answered: a failed upload leaves no object.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly logger = new Logger('DocumentUpload');
  private readonly multer: NestInterceptor;

  constructor(private readonly storage: DocumentStorage) {
    const MulterInterceptor = FileInterceptor(DOCUMENT_FILE_FIELD, {
      storage: new SealedStorageEngine(storage, this.logger),
      // Capped while receiving: a body past DOCUMENT_MAX_BYTES is cut off as soon as the limit is
      // crossed. One file, a handful of short text fields.
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
    this.multer = new MulterInterceptor();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    let handled: Observable<unknown>;
    try {
      // Only the reception fails here; the handler's own errors travel in the returned stream.
      handled = await this.multer.intercept(context, next);
    } catch (error) {
      throw uploadError(error);
    }
    const stored = context.switchToHttp().getRequest<{ file?: Partial<StoredUpload> }>().file?.storageKey;
    return handled.pipe(
      catchError((error: unknown) =>
        from(this.discard(stored)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async discard(storageKey: string | undefined): Promise<void> {
    if (!storageKey) return;
    await this.storage.delete(storageKey).catch((error: unknown) =>
      // Unreadable ciphertext that no record points to; the storage key says which, nothing more.
      this.logger.warn({ storageKey, err: error }, 'A refused upload could not be removed from the storage'),
    );
  }
}

export function uploadError(error: unknown): DomainError | StorageUnavailableError {
  if (error instanceof DomainError || error instanceof StorageUnavailableError) return error;
  if (error instanceof HttpException && error.getStatus() === 413) return tooLarge();
  if (error instanceof HttpException && error.getStatus() < 500) {
    return new DomainError('INVALID', `Invalid multipart body: ${error.message}`);
  }
  return new DomainError('INVALID', 'Invalid multipart body');
}
