import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateEvaluationRequest,
  type Diagnosis,
  EVALUATION_KINDS,
  type EvaluationKind,
  type EvaluationView,
  MAX_WISHED_COMMUNES,
  type Page,
  TYPOLOGIES,
  type Typology,
} from '@passerelle/shared/domain';
import {
  CodeField,
  CodesField,
  INSEE_CODE,
  NestedField,
  PatternListField,
  TextField,
} from '@api/platform/http/fields';

export class DiagnosisDto implements Diagnosis {
  @CodesField(TYPOLOGIES, TYPOLOGIES.length, { optional: true, description: 'Recommended typologies' })
  typologies?: Typology[];
  @PatternListField(INSEE_CODE, MAX_WISHED_COMMUNES, {
    optional: true,
    description: 'Recommended communes (INSEE codes)',
  })
  communes?: string[];
  @TextField(4000, { optional: true }) familySituation?: string;
  @TextField(4000, { optional: true }) economicSituation?: string;
  @TextField(4000, { optional: true }) conclusion?: string;
}

export class CreateEvaluationDto implements CreateEvaluationRequest {
  @CodeField(EVALUATION_KINDS, {
    description: 'SOCIAL: social workers only; its notes are read by social workers only',
  })
  kind!: EvaluationKind;
  @TextField(20000) notes!: string;
  @NestedField(() => DiagnosisDto, { optional: true }) diagnosis?: DiagnosisDto;
}

class EvaluationAuthor {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
}

export class EvaluationResponse implements EvaluationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ enum: EVALUATION_KINDS }) kind!: EvaluationKind;
  @ApiProperty() notes!: string;
  @ApiPropertyOptional({ type: DiagnosisDto }) diagnosis?: DiagnosisDto;
  @ApiProperty({ type: EvaluationAuthor }) author!: EvaluationAuthor;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) appliedAt?: string | null;
}

export class EvaluationPageResponse implements Page<EvaluationView> {
  @ApiProperty({ type: [EvaluationResponse] }) items!: EvaluationResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
