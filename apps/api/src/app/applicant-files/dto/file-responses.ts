import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  type ApplicantFileSummary,
  type ApplicantFileView,
  CLOSURE_REASONS,
  type ClosureReason,
  type Closure,
  type Completeness,
  type CreatedApplicantFile,
  FILE_STATUSES,
  FRAGILITY_CRITERIA,
  type FileStatus,
  type FragilityCriterion,
  type MissingItem,
  type Page,
  type PossibleDuplicate,
  type Priority,
  TYPOLOGIES,
  type Typology,
} from '@passerelle/shared/domain';
import { FileContentDto } from './file-content.dto';

export class ClosureResponse implements Closure {
  @ApiProperty({ enum: CLOSURE_REASONS }) reason!: ClosureReason;
  @ApiProperty({ format: 'date' }) closedOn!: string;
  @ApiPropertyOptional({ format: 'uuid' }) keptFileId?: string;
}

export class MissingItemResponse implements MissingItem {
  @ApiProperty({ example: 'applicant.civility' }) field!: string;
  @ApiProperty({ example: 'Civilité du demandeur' }) label!: string;
}

class CompletenessPart {
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [MissingItemResponse] }) missing!: MissingItemResponse[];
}

export class CompletenessResponse implements Completeness {
  @ApiProperty({ type: CompletenessPart, description: 'What is still missing to register the demand' })
  registration!: CompletenessPart;
  @ApiProperty({ type: CompletenessPart, description: 'What is still missing to instruct it' })
  instruction!: CompletenessPart;
}

export class PriorityResponse implements Priority {
  @ApiProperty() isPriority!: boolean;
  @ApiProperty({ enum: FRAGILITY_CRITERIA, isArray: true, description: 'Confirmed criteria (codes only)' })
  criteria!: FragilityCriterion[];
}

/** Every section is optional: a role receives only what it may see (ACCESS.md). */
export class ApplicantFileResponse extends PartialType(FileContentDto) implements ApplicantFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty({ description: 'Send it back as If-Match (also the ETag header)' }) version!: number;
  @ApiPropertyOptional({ nullable: true }) sneNumber?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) registeredOn?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) renewalDueOn?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Never changes' }) seniorityDate?:
    | string
    | null;
  @ApiPropertyOptional({ type: ClosureResponse, nullable: true }) closure?: ClosureResponse | null;
  @ApiPropertyOptional({ type: [String], description: 'Files closed as MERGED into this one' })
  mergedFileIds?: string[];
  @ApiPropertyOptional({ type: CompletenessResponse }) completeness?: CompletenessResponse;
  @ApiPropertyOptional({ type: PriorityResponse }) priority?: PriorityResponse;
  @ApiPropertyOptional({ format: 'uuid' }) createdByOrganizationId?: string;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'The personal-data notice was given that day',
  })
  informationNoticeGivenOn?: string | null;
  @ApiPropertyOptional({ description: 'true once anonymised, a year after closure (identity then empty)' })
  anonymised?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedApplicantFileResponse extends ApplicantFileResponse implements CreatedApplicantFile {
  @ApiProperty({
    type: [String],
    description: 'Files that look like the same person (none for a relay clerk)',
  })
  possibleDuplicates!: string[];
}

export class ApplicantFileSummaryResponse implements ApplicantFileSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional() usageName?: string;
  @ApiProperty() firstNames!: string;
  @ApiPropertyOptional({ format: 'date' }) birthDate?: string;
  @ApiPropertyOptional() inseeCode?: string;
  @ApiPropertyOptional({ nullable: true }) sneNumber?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) renewalDueOn?: string | null;
  @ApiPropertyOptional({ enum: TYPOLOGIES, isArray: true }) typologies?: Typology[];
  @ApiPropertyOptional() isPriority?: boolean;
  @ApiPropertyOptional() anonymised?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ApplicantFilePageResponse implements Page<ApplicantFileSummary> {
  @ApiProperty({ type: [ApplicantFileSummaryResponse] }) items!: ApplicantFileSummaryResponse[];
  @ApiProperty({ description: 'The number of matching files' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PossibleDuplicateResponse implements PossibleDuplicate {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FILE_STATUSES }) status!: FileStatus;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional() usageName?: string;
  @ApiProperty() firstNames!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiPropertyOptional({ nullable: true }) sneNumber?: string | null;
  @ApiProperty({ enum: ['BIRTH_DATE_AND_NAME', 'SNE_NUMBER'], isArray: true })
  matchedOn!: ('BIRTH_DATE_AND_NAME' | 'SNE_NUMBER')[];
}
