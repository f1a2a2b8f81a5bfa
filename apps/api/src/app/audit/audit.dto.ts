import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type Page } from '@passerelle/shared/domain';
import { CodeField, DateField, PatternField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

export class AuditQueryDto extends PageQueryDto {
  @PatternField(UUID, 36, { optional: true }) applicantFileId?: string;
  @PatternField(UUID, 36, { optional: true }) userId?: string;
  @CodeField(AUDIT_ACTIONS, { optional: true }) action?: AuditAction;
  @DateField({ optional: true, description: 'From this day (Europe/Paris), inclusive' }) from?: string;
  @DateField({ optional: true, description: 'To this day (Europe/Paris), inclusive' }) to?: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  organizationId: string | null;
  applicantFileId?: string;
  action: AuditAction;
  route: string;
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
}

export class AuditPageResponse implements Page<AuditEntryView> {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
