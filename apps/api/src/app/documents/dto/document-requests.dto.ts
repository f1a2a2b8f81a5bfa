import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
  SENSITIVE_DOCUMENT_TYPES,
  type UpdateDocumentRequest,
} from '@passerelle/shared/domain';
import {
  BooleanField,
  CodeField,
  DateField,
  IsCalendarDate,
  PatternField,
  TextField,
} from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

/** APPLICANT, CO_APPLICANT or a household member's id. */
export const PERSON_ID =
  /^(APPLICANT|CO_APPLICANT|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Multipart fields are text: « true » and « false » are the booleans, anything else stays invalid. */
const multipartBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The text fields of the upload's multipart body (the bytes come as the `file` part). */
export class UploadDocumentDto {
  @CodeField(DOCUMENT_TYPES) type!: DocumentType;
  @PatternField(PERSON_ID, 36, {
    optional: true,
    description: 'Whom it concerns: APPLICANT, CO_APPLICANT or a household member id',
  })
  personId?: string;
  @Transform(multipartBoolean)
  @BooleanField({
    optional: true,
    description: `Defaults to true for ${SENSITIVE_DOCUMENT_TYPES.join(', ')}, false otherwise`,
  })
  sensitive?: boolean;
  @DateField({ optional: true, description: 'The document is valid until this day' }) validUntil?: string;
}

/** The OpenAPI schema of the upload's multipart body. */
export const UPLOAD_DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['file', 'type'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: `${DOCUMENT_MEDIA_TYPES.join(', ')}; the type is read from the bytes; at most ${DOCUMENT_MAX_BYTES} bytes`,
    },
    type: { type: 'string', enum: [...DOCUMENT_TYPES] },
    personId: {
      type: 'string',
      pattern: PERSON_ID.source,
      description: 'APPLICANT, CO_APPLICANT or a member id',
    },
    sensitive: {
      type: 'boolean',
      description: `Defaults to true for ${SENSITIVE_DOCUMENT_TYPES.join(', ')}, false otherwise`,
    },
    validUntil: { type: 'string', format: 'date' },
  },
} as const;

export class UpdateDocumentDto implements UpdateDocumentRequest {
  @CodeField(DOCUMENT_STATUSES, { optional: true, description: 'Needs the right to verify documents' })
  status?: DocumentStatus;
  @TextField(1000, { optional: true, description: 'Required with UNUSABLE and OUT_OF_SCOPE' })
  reason?: string;
  @IsOptional()
  @IsCalendarDate()
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null clears it' })
  validUntil?: string | null;
  @BooleanField({
    optional: true,
    description: 'Lifting it needs the right to download this sensitive document',
  })
  sensitive?: boolean;
}

export class ListDocumentsQueryDto extends PageQueryDto {}
