import type { EvaluationView } from '@passerelle/shared/domain';
import type { EvaluationRow } from './evaluations.repository';

export function toEvaluationView(row: EvaluationRow): EvaluationView {
  return {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    kind: row.kind,
    notes: row.notes,
    ...(row.diagnosis ? { diagnosis: row.diagnosis } : {}),
    author: {
      userId: row.author_user_id,
      displayName: row.author_display_name,
      organizationId: row.author_organization_id,
      organizationName: row.author_organization_name,
    },
    createdAt: row.created_at.toISOString(),
    appliedAt: row.applied_at ? row.applied_at.toISOString() : null,
  };
}
