import { CommuneEntity } from '@api/app/reference/commune.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { SessionEntity } from '@api/app/identity/session.entity';
import { UserEntity } from '@api/app/identity/user.entity';
import { SignInAttemptEntity, SignInFamiliarAddressEntity } from '@api/app/identity/sign-in-attempt.entity';
import { ProConnectFlowEntity, ProConnectRequestEntity } from '@api/app/identity/proconnect.entity';
import {
  RecoveryCodeEntity,
  SecondFactorEntity,
  SignInChallengeEntity,
} from '@api/app/identity/second-factor.entity';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { FileOrganizationEntity } from '@api/app/applicant-files/file-organization.entity';
import { TimelineEventEntity } from '@api/app/timeline/timeline-event.entity';
import { EvaluationEntity } from '@api/app/evaluations/evaluation.entity';
import { FragilityCriterionEntity } from '@api/app/fragility/fragility-criterion.entity';
import { FragilityFlagEntity } from '@api/app/fragility/fragility-flag.entity';
import { SupportingDocumentEntity } from '@api/app/documents/supporting-document.entity';
import { ReferralEntity } from '@api/app/referrals/referral.entity';
import { AppointmentEntity } from '@api/app/appointments/appointment.entity';
import { WalkInSlotEntity } from '@api/app/appointments/walk-in-slot.entity';
import { ReceptionRequestEntity } from '@api/app/appointments/reception-request.entity';
import { AuditEntryEntity } from '@api/app/audit/audit-entry.entity';
import { ScheduledJobEntity } from './scheduled-job.entity';
import { RenewalReminderEntity } from '@api/app/reporting/renewal-reminder.entity';
import {
  ReportingDocumentSnapshotEntity,
  ReportingFileCheckpointEntity,
  ReportingFileFactEntity,
  ReportingFileFlowEntity,
  ReportingReceptionFactEntity,
  ReportingReferralFactEntity,
  ReportingSummaryStateEntity,
  ReportingWaitingDaysEntity,
} from '@api/app/reporting/reporting-summary.entities';

/** Every entity, as classes (a bundled build cannot glob files). */
export const ENTITIES = [
  CommuneEntity,
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  SignInAttemptEntity,
  SignInFamiliarAddressEntity,
  ProConnectFlowEntity,
  ProConnectRequestEntity,
  SecondFactorEntity,
  RecoveryCodeEntity,
  SignInChallengeEntity,
  ApplicantFileEntity,
  FileOrganizationEntity,
  TimelineEventEntity,
  EvaluationEntity,
  FragilityCriterionEntity,
  FragilityFlagEntity,
  SupportingDocumentEntity,
  ReferralEntity,
  AppointmentEntity,
  WalkInSlotEntity,
  ReceptionRequestEntity,
  AuditEntryEntity,
  RenewalReminderEntity,
  ReportingFileFactEntity,
  ReportingFileFlowEntity,
  ReportingFileCheckpointEntity,
  ReportingDocumentSnapshotEntity,
  ReportingSummaryStateEntity,
  ReportingReferralFactEntity,
  ReportingReceptionFactEntity,
  ReportingWaitingDaysEntity,
  ScheduledJobEntity,
];
