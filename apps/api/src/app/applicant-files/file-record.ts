import type {
  ApplicantFileContent,
  ClosureReason,
  FileStatus,
  FragilityCriterion,
  Typology,
} from '@passerelle/shared/domain';

/** A file as the repository reads it. */
export interface FileRecord {
  id: string;
  version: number;
  status: FileStatus;
  sneNumber: string | null;
  registeredOn: string | null;
  lastRenewedOn: string | null;
  renewalDueOn: string | null;
  seniorityDate: string | null;
  closureReason: ClosureReason | null;
  closedOn: string | null;
  keptFileId: string | null;
  content: ApplicantFileContent;
  priorityCriteria: FragilityCriterion[];
  createdByOrganizationId: string;
  informationNoticeGivenOn: string | null;
  anonymisedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  mergedFileIds: string[];
}

export interface FileRow {
  id: string;
  version: number;
  status: FileStatus;
  sne_number: string | null;
  registered_on: string | null;
  last_renewed_on: string | null;
  renewal_due_on: string | null;
  seniority_date: string | null;
  closure_reason: ClosureReason | null;
  closed_on: string | null;
  kept_file_id: string | null;
  content: ApplicantFileContent;
  priority_criteria: FragilityCriterion[];
  created_by_organization_id: string;
  information_notice_given_on: string | null;
  anonymised_at: Date | null;
  created_at: Date;
  updated_at: Date;
  merged_file_ids?: string[];
}

export function toFileRecord(row: FileRow): FileRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    sneNumber: row.sne_number,
    registeredOn: row.registered_on,
    lastRenewedOn: row.last_renewed_on,
    renewalDueOn: row.renewal_due_on,
    seniorityDate: row.seniority_date,
    closureReason: row.closure_reason,
    closedOn: row.closed_on,
    keptFileId: row.kept_file_id,
    content: row.content,
    priorityCriteria: row.priority_criteria ?? [],
    createdByOrganizationId: row.created_by_organization_id,
    informationNoticeGivenOn: row.information_notice_given_on,
    anonymisedAt: row.anonymised_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mergedFileIds: row.merged_file_ids ?? [],
  };
}

export interface FileSummaryRow {
  id: string;
  status: FileStatus;
  last_name: string | null;
  usage_name: string | null;
  first_names: string | null;
  birth_date: string | null;
  insee_code: string | null;
  sne_number: string | null;
  renewal_due_on: string | null;
  wished_typologies: Typology[];
  priority_criteria: FragilityCriterion[];
  anonymised: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface DuplicateCandidateRow {
  id: string;
  status: FileStatus;
  sne_number: string | null;
  birth_date: string;
  co_applicant_birth_date: string | null;
  applicant: { lastName: string; usageName?: string; firstNames: string; birthDate: string };
  co_applicant: { lastName: string; usageName?: string; firstNames: string; birthDate: string } | null;
}
