import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  AUDITED_FIELDS,
  type AuditAction,
  type AuditEntryView,
  type AuditFieldChange,
  type AuditTarget,
  type AuditTargetType,
  type AuditValue,
  type AuditedField,
  type Page,
} from '@passerelle/shared/domain';
import { CodeField, DateField, PatternField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

export class AuditQueryDto extends PageQueryDto {
  @PatternField(UUID, 36, { optional: true }) applicantFileId?: string;
  @PatternField(UUID, 36, { optional: true, description: 'Who acted' }) userId?: string;
  @PatternField(UUID, 36, { optional: true, description: 'The account or organisation changed' })
  targetId?: string;
  @CodeField(AUDIT_ACTIONS, { optional: true }) action?: AuditAction;
  @DateField({ optional: true, description: 'From this day (Europe/Paris), inclusive' }) from?: string;
  @DateField({ optional: true, description: 'To this day (Europe/Paris), inclusive' }) to?: string;
}

const AUDIT_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'boolean' }],
  nullable: true,
  description: 'Absent for personal data (a display name) and secrets (password, activation code)',
};

export class AuditFieldChangeResponse implements AuditFieldChange {
  @ApiProperty({ enum: [...new Set(Object.values(AUDITED_FIELDS).flat())] }) field!: AuditedField;
  @ApiPropertyOptional(AUDIT_VALUE) from?: AuditValue;
  @ApiPropertyOptional(AUDIT_VALUE) to?: AuditValue;
}

export class AuditTargetResponse implements AuditTarget {
  @ApiProperty({ enum: AUDIT_TARGET_TYPES }) type!: AuditTargetType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ description: 'Display name or organisation name, as now; absent once it is gone' })
  name?: string;
}

export class AuditEntryResponse implements AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) at!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ nullable: true }) username!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) applicantFileId?: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ example: 'GET /api/applicant-files/:id' }) route!: string;
  @ApiProperty({ nullable: true, description: 'X-Request-Id of the request, as in the logs' })
  requestId!: string | null;
  @ApiProperty({ nullable: true, example: '192.0.2.10' }) clientAddress!: string | null;
  @ApiPropertyOptional({ type: AuditTargetResponse, description: 'Administration entries' })
  target?: AuditTargetResponse;
  @ApiPropertyOptional({ type: [AuditFieldChangeResponse], description: 'Administration entries' })
  changedFields?: AuditFieldChangeResponse[];
}

export class AuditPageResponse implements Page<AuditEntryView> {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
