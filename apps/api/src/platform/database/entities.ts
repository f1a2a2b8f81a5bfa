import { CommuneEntity } from '@api/app/reference/commune.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { SessionEntity } from '@api/app/identity/session.entity';
import { UserEntity } from '@api/app/identity/user.entity';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { FileOrganizationEntity } from '@api/app/applicant-files/file-organization.entity';
import { TimelineEventEntity } from '@api/app/timeline/timeline-event.entity';

/** Every entity, as classes (a bundled build cannot glob files). */
export const ENTITIES = [
  CommuneEntity,
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  ApplicantFileEntity,
  FileOrganizationEntity,
  TimelineEventEntity,
];
