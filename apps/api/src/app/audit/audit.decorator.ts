import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import {
  AUDIT_METADATA,
  AuditReadInterceptor,
  type AuditedFiles,
  type AuditedRead,
} from './audit.interceptor';

/**
 * Records an audit entry per file the route returned, after it succeeded (AuditReadInterceptor,
 * on this route only: a route that reads no personal data pays nothing for it).
 */
export const AuditRead = (
  files: AuditedFiles | readonly AuditedFiles[],
  action: AuditedRead['action'] = 'READ',
): MethodDecorator =>
  applyDecorators(
    SetMetadata(AUDIT_METADATA, { action, files: [files].flat() } satisfies AuditedRead),
    UseInterceptors(AuditReadInterceptor),
  );

/**
 * A read whose own statement writes its audit entries (readAuditCte), in the same round trip:
 * nothing runs after it. The audit log's integration tests pin one entry per file it returns.
 */
export const AuditedByStatement = (): MethodDecorator => SetMetadata(AUDIT_METADATA, 'statement');
