import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentRequirement,
  type DocumentStatus,
  type DocumentType,
  type Page,
  type RequirementStage,
  type SupportingDocumentView,
} from '@passerelle/shared/domain';

class DocumentUploaderResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
}

class DocumentCheckerResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class SupportingDocumentResponse implements SupportingDocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: DocumentType;
  @ApiPropertyOptional({ nullable: true, description: 'APPLICANT, CO_APPLICANT or a household member id' })
  personId?: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiPropertyOptional({ nullable: true, description: 'Why UNUSABLE or OUT_OF_SCOPE' })
  statusReason?: string | null;
  @ApiProperty({ description: 'Its bytes need the right to download sensitive documents' })
  sensitive!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true }) validUntil?: string | null;
  @ApiProperty({ description: 'The uploaded name, cleaned' }) fileName!: string;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES, description: 'Read from the bytes' }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ type: DocumentUploaderResponse }) uploadedBy!: DocumentUploaderResponse;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) checkedAt?: string | null;
  @ApiPropertyOptional({ type: DocumentCheckerResponse, nullable: true })
  checkedBy?: DocumentCheckerResponse | null;
}

export class SupportingDocumentPageResponse implements Page<SupportingDocumentView> {
  @ApiProperty({ type: [SupportingDocumentResponse] }) items!: SupportingDocumentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DocumentRequirementResponse implements DocumentRequirement {
  @ApiProperty({ example: 'IDENTITY:APPLICANT', description: 'Stable key of the line' }) key!: string;
  @ApiProperty({ enum: ['REGISTRATION', 'INSTRUCTION', 'SITUATION'] }) stage!: RequirementStage;
  @ApiProperty({ enum: DOCUMENT_TYPES, isArray: true, description: 'Acceptable types (one is enough)' })
  types!: DocumentType[];
  @ApiPropertyOptional({ description: 'APPLICANT, CO_APPLICANT or a household member id' }) personId?: string;
  @ApiProperty({ example: "Pièce d'identité du demandeur" }) label!: string;
  @ApiProperty({ description: 'Registration and instruction lines are; situation lines may be asked' })
  mandatory!: boolean;
  @ApiProperty({ description: 'A valid document is held: it is never asked again' }) satisfied!: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'The document that answers the line' })
  documentId?: string;
}
