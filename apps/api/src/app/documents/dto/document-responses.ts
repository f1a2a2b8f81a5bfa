import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentRequirement,
  type DocumentStatus,
  type DocumentHandlingView,
  type DocumentType,
  type Page,
  type ReadableDocumentView,
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

/** Its type, name, size, hash and rejection reason: absent from a confidential document. */
const CONTENT_FIELD = 'Absent when `confidential`';

/**
 * Both shapes of SupportingDocumentView in one schema (a class cannot implement the union): the
 * fields of what the document is are optional, absent when it is confidential to the caller.
 */
export class SupportingDocumentResponse
  implements
    DocumentHandlingView,
    Omit<Partial<ReadableDocumentView>, keyof DocumentHandlingView | 'confidential'>
{
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({
    description:
      'A sensitive document you may not download (ACCESS.md): shown as « Pièce confidentielle », without type, fileName, mediaType, sizeBytes, sha256 or statusReason',
  })
  confidential!: boolean;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: CONTENT_FIELD }) type?: DocumentType;
  @ApiPropertyOptional({ nullable: true, description: 'APPLICANT, CO_APPLICANT or a household member id' })
  personId?: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiPropertyOptional({ nullable: true, description: `Why UNUSABLE or OUT_OF_SCOPE. ${CONTENT_FIELD}` })
  statusReason?: string | null;
  @ApiProperty({ description: 'Its bytes need the right to download sensitive documents' })
  sensitive!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true }) validUntil?: string | null;
  @ApiPropertyOptional({ description: `The uploaded name, cleaned. ${CONTENT_FIELD}` }) fileName?: string;
  @ApiPropertyOptional({ enum: DOCUMENT_MEDIA_TYPES, description: `Read from the bytes. ${CONTENT_FIELD}` })
  mediaType?: string;
  @ApiPropertyOptional({ description: CONTENT_FIELD }) sizeBytes?: number;
  @ApiPropertyOptional({
    description: `SHA-256 of the bytes, hex. ${CONTENT_FIELD}`,
    pattern: '^[0-9a-f]{64}$',
  })
  sha256?: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ type: DocumentUploaderResponse }) uploadedBy!: DocumentUploaderResponse;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) checkedAt?: string | null;
  @ApiPropertyOptional({ type: DocumentCheckerResponse, nullable: true })
  checkedBy?: DocumentCheckerResponse | null;
}

export class SupportingDocumentPageResponse implements Omit<Page<SupportingDocumentView>, 'items'> {
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
