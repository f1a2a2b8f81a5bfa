import type { SupportingDocumentView } from '@passerelle/shared/domain';
import type { DocumentRow } from './documents.repository';

/**
 * A document as everyone who may list the file's documents sees it: everything but the bytes
 * (and the storage key, which never leaves the server). `sensitive` says who may download them.
 */
export function toDocumentView(row: DocumentRow): SupportingDocumentView {
  return {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    type: row.type,
    personId: row.person_id,
    status: row.status,
    statusReason: row.status_reason,
    sensitive: row.sensitive,
    validUntil: row.valid_until,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: {
      organizationId: row.uploaded_by_organization_id,
      organizationName: row.uploaded_by_organization_name,
    },
    checkedAt: row.checked_at ? row.checked_at.toISOString() : null,
    checkedBy: row.checked_by_user_id
      ? { userId: row.checked_by_user_id, displayName: row.checked_by_display_name ?? '' }
      : null,
  };
}
