import { SetMetadata } from '@nestjs/common';
import type { AuditAction } from '@passerelle/shared/domain';

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

/** Records an audit entry per file the route returned, after it succeeded. */
export const AuditRead = (
  files: AuditedFiles | readonly AuditedFiles[],
  action: AuditedRead['action'] = 'READ',
): MethodDecorator => SetMetadata(AUDIT_METADATA, { action, files: [files].flat() } satisfies AuditedRead);
