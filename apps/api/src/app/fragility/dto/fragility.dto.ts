import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type DecideFlagRequest,
  FLAG_STATUSES,
  FRAGILITY_CRITERIA,
  type FlagStatus,
  type FragilityCriterion,
  type FragilityCriterionView,
  type FragilityFlagView,
  type Page,
  type SuspectFlagRequest,
} from '@passerelle/shared/domain';
import { CodeField, DateField, TextField } from '@api/platform/http/fields';

export class SuspectFlagDto implements SuspectFlagRequest {
  @CodeField(FRAGILITY_CRITERIA) criterion!: FragilityCriterion;
  @TextField(2000, {
    optional: true,
    description: 'What was seen (read by social workers and the suspecting organisation)',
  })
  note?: string;
}

export class DecideFlagDto implements DecideFlagRequest {
  @CodeField(['CONFIRMED', 'RULED_OUT']) status!: 'CONFIRMED' | 'RULED_OUT';
  @TextField(4000, { description: 'The social worker’s note (social content: social workers only)' })
  note!: string;
  @DateField({ optional: true, description: 'Date of the decision; today when absent' }) decidedOn?: string;
}

class FlagOrganization {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
}

export class FragilityFlagResponse implements FragilityFlagView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ enum: FRAGILITY_CRITERIA }) criterion!: FragilityCriterion;
  @ApiProperty({ enum: FLAG_STATUSES }) status!: FlagStatus;
  @ApiProperty({ format: 'date-time' }) suspectedAt!: string;
  @ApiPropertyOptional({ type: FlagOrganization }) suspectedBy?: FlagOrganization;
  @ApiPropertyOptional({ description: 'Social workers and the suspecting organisation only' }) note?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) decidedOn?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Social workers only' }) decisionNote?: string | null;
}

export class FragilityFlagPageResponse implements Page<FragilityFlagView> {
  @ApiProperty({ type: [FragilityFlagResponse] }) items!: FragilityFlagResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class FragilityCriterionResponse implements FragilityCriterionView {
  @ApiProperty({ enum: FRAGILITY_CRITERIA }) code!: FragilityCriterion;
  @ApiProperty({ example: 'Décision favorable DALO' }) label!: string;
  @ApiProperty({ example: 'CCH-L441-1-2024' }) version!: string;
}
