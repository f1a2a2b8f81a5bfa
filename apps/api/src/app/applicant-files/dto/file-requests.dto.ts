import { ValidateIf } from 'class-validator';
import {
  type ApplicantFileQuery,
  CLOSURE_REASONS,
  type ClosureReason,
  type ClosureRequest,
  FILE_SORTS,
  FILE_STATUSES,
  type FileSort,
  type FileStatus,
  PARTNER_EVENT_TYPES,
  type PartnerEventRequest,
  type PartnerEventType,
  type RegistrationRequest,
  type RenewalRequest,
  SNE_NUMBER_PATTERN,
  TYPOLOGIES,
  type Typology,
} from '@passerelle/shared/domain';
import { CodeField, DateField, INSEE_CODE, PatternField, TextField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

export class ListFilesQueryDto extends PageQueryDto implements ApplicantFileQuery {
  @TextField(100, {
    optional: true,
    description:
      'Every word must start a word of the applicant’s or co-applicant’s names (any order, case and accents ignored); an SNE number matches by prefix',
  })
  q?: string;
  @CodeField(FILE_STATUSES, { optional: true }) status?: FileStatus;
  @PatternField(INSEE_CODE, 5, { optional: true, description: "INSEE code of the applicant's commune" })
  commune?: string;
  @CodeField(TYPOLOGIES, { optional: true, description: 'A wished typology' }) typology?: Typology;
  @DateField({ optional: true, description: 'Renewal due on or before this date' }) renewalDueBefore?: string;
  @PatternField(UUID, 36, {
    optional: true,
    description: 'Organisation of entry (the one that created the file)',
  })
  organization?: string;
  @CodeField(FILE_SORTS, { optional: true, description: 'Default: name when searching, else updatedAt' })
  sort?: FileSort;
  @CodeField(['asc', 'desc'], { optional: true }) order?: 'asc' | 'desc';
}

export class RegistrationDto implements RegistrationRequest {
  @PatternField(SNE_NUMBER_PATTERN, 20, { example: '064021900012345' }) sneNumber!: string;
  @DateField({ example: '2026-03-14' }) registeredOn!: string;
}

export class RenewalDto implements RenewalRequest {
  @DateField() renewedOn!: string;
}

export class ClosureDto implements ClosureRequest {
  @CodeField(CLOSURE_REASONS) reason!: ClosureReason;
  @DateField() closedOn!: string;
  @ValidateIf((body: ClosureDto) => body.reason === 'MERGED' || body.keptFileId !== undefined)
  @PatternField(UUID, 36, { description: 'Required for MERGED: the file that is kept' })
  keptFileId?: string;
}

export class PartnerEventDto implements PartnerEventRequest {
  @CodeField(PARTNER_EVENT_TYPES) type!: PartnerEventType;
  @DateField() occurredOn!: string;
  @ValidateIf((body: PartnerEventDto) => body.type === 'COMMISSION_DECISION' || body.details !== undefined)
  @TextField(2000, { description: 'What happened; required for COMMISSION_DECISION (the decision)' })
  details?: string;
  @ValidateIf((body: PartnerEventDto) => body.type === 'OFFER_REFUSED' || body.reason !== undefined)
  @TextField(1000, { description: 'Required for OFFER_REFUSED' })
  reason?: string;
}
