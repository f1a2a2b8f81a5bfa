import type { AuditEntryView } from '@passerelle/shared/domain';
import type { AuditRow } from './audit.repository';

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userId: row.user_id,
    username: row.username,
    organizationId: row.organization_id,
    ...(row.applicant_file_id ? { applicantFileId: row.applicant_file_id } : {}),
    action: row.action,
    route: row.route,
    requestId: row.request_id,
    clientAddress: row.client_address,
    ...(row.target_type && row.target_id
      ? {
          target: {
            type: row.target_type,
            id: row.target_id,
            ...(row.target_name === null ? {} : { name: row.target_name }),
          },
        }
      : {}),
    ...(row.changed_fields ? { changedFields: row.changed_fields } : {}),
  };
}
