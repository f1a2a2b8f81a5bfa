import {
  type DocumentHandlingView,
  type SupportingDocumentView,
  mayReadSensitiveDocument,
} from '@passerelle/shared/domain';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import type { DocumentRow } from './documents.repository';

/** A sensitive document the caller may not download (ACCESS.md): « Pièce confidentielle » to it. */
export function isConfidentialTo(
  principal: AuthenticatedPrincipal,
  document: { sensitive: boolean; uploadedByOrganizationId: string | null },
): boolean {
  return (
    document.sensitive &&
    !mayReadSensitiveDocument(principal, principal.organization.id, document.uploadedByOrganizationId)
  );
}

/** What isConfidentialTo reads of a document's row. */
export const documentOf = (row: DocumentRow) => ({
  sensitive: row.sensitive,
  uploadedByOrganizationId: row.uploaded_by_organization_id,
});

/**
 * A document as the caller may see it: never the bytes nor the storage key (they never leave the
 * server). A confidential one keeps only where it stands: not its type, file name, media type, size,
 * hash (which would let anyone holding a copy recognise it) nor rejection reason.
 */
export function toDocumentView(row: DocumentRow, principal: AuthenticatedPrincipal): SupportingDocumentView {
  const handling: DocumentHandlingView = {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    personId: row.person_id,
    status: row.status,
    sensitive: row.sensitive,
    validUntil: row.valid_until,
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
  if (isConfidentialTo(principal, documentOf(row))) {
    return { ...handling, confidential: true };
  }
  return {
    ...handling,
    confidential: false,
    type: row.type,
    statusReason: row.status_reason,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
  };
}
