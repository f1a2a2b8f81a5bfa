import type { FragilityFlagView } from '@passerelle/shared/domain';
import type { FlagRow } from './fragility.repository';

/** What a reader may see of a flag: notes only for social workers (and, for the suspicion, its author's organisation). */
export interface FlagReader {
  socialWorker: boolean;
  organizationId: string;
}

export function toFlagView(row: FlagRow, reader: FlagReader): FragilityFlagView {
  const view: FragilityFlagView = {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    criterion: row.criterion,
    status: row.status,
    suspectedAt: row.suspected_at.toISOString(),
    suspectedBy: {
      organizationId: row.suspected_by_organization_id,
      organizationName: row.suspected_by_organization_name,
    },
    decidedOn: row.decided_on,
  };
  // « Read its note »: social workers only (ACCESS.md).
  if (row.suspicion_note && reader.socialWorker) view.note = row.suspicion_note;
  if (reader.socialWorker) view.decisionNote = row.decision_note;
  return view;
}
