import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type Observable, from, mergeMap, of } from 'rxjs';
import type { AuditAction } from '@passerelle/shared/domain';
import { AuditRepository } from './audit.repository';

export const AUDIT_METADATA = 'passerelle:audit';

/**
 * Where a read route finds the files whose personal data it returns:
 * - `param`: the `:id` of the route is the file;
 * - `items`: a page whose items are files (`items[].id`);
 * - `itemsFile`: a page (or array) of records that name their file (`applicantFileId`);
 * - `body`: the answer names its file (`applicantFileId`).
 */
export type AuditedFiles = 'param' | 'items' | 'itemsFile' | 'body';

export interface AuditedRead {
  action: Extract<AuditAction, 'READ' | 'DOWNLOAD' | 'EXPORT'>;
  files: readonly AuditedFiles[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function filesOf(read: AuditedRead, request: Request, body: unknown): string[] {
  return read.files.flatMap((files) => filesFrom(files, request, body));
}

function filesFrom(files: AuditedRead['files'][number], request: Request, body: unknown): string[] {
  const items = (): unknown[] =>
    Array.isArray(body) ? body : isRecord(body) && Array.isArray(body['items']) ? body['items'] : [];
  const field = (value: unknown, key: string) =>
    isRecord(value) && typeof value[key] === 'string' ? [value[key]] : [];
  switch (files) {
    case 'param':
      return typeof request.params['id'] === 'string' ? [request.params['id']] : [];
    case 'items':
      return items().flatMap((item) => field(item, 'id'));
    case 'itemsFile':
      return items().flatMap((item) => field(item, 'applicantFileId'));
    case 'body':
      return field(body, 'applicantFileId');
  }
}

/**
 * After a successful read of personal data, one audit entry per file, before the answer leaves:
 * when the log cannot be written, nothing is served. A route whose statement logs its own reads
 * (readAuditCte) declares `@AuditedByStatement()` instead and runs no interceptor.
 */
@Injectable()
export class AuditReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const read = this.reflector.get<AuditedRead | undefined>(AUDIT_METADATA, context.getHandler());
    if (!read) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      mergeMap((body: unknown) => {
        const files = filesOf(read, request, body);
        return files.length === 0 ? of(body) : from(this.audit.record(read.action, files).then(() => body));
      }),
    );
  }
}
