import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TIMELINE_EVENT_TYPES,
  type TimelineActor,
  type TimelineChange,
  type TimelineEventType,
  type TimelineEventView,
  type TimelinePage,
} from '@passerelle/shared/domain';

export class TimelineActorResponse implements TimelineActor {
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) organizationId?: string;
  @ApiPropertyOptional() organizationName?: string;
}

export class TimelineChangeResponse implements TimelineChange {
  @ApiProperty({ example: 'contact.phone' }) field!: string;
  @ApiProperty({ description: 'Any JSON value, null when absent' }) before!: unknown;
  @ApiProperty({ description: 'Any JSON value, null when absent' }) after!: unknown;
}

export class TimelineEventResponse implements TimelineEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: TIMELINE_EVENT_TYPES }) type!: TimelineEventType;
  @ApiPropertyOptional({ type: TimelineActorResponse, description: 'Absent for the system’s own jobs' })
  actor?: TimelineActorResponse;
  @ApiPropertyOptional({ type: [TimelineChangeResponse] }) changes?: TimelineChangeResponse[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "What the event says, as the caller may read it (ACCESS.md): social content (notes) for social workers only; a sensitive document the caller may not download: `confidential: true` (« Pièce confidentielle ») with `documentId`, `personId`, `status`, never its type nor its reason; a referral's free text (`reason`, `appointmentWish`) for its two organisations only",
  })
  details?: Record<string, unknown>;
}

export class TimelinePageResponse implements TimelinePage {
  @ApiProperty({ type: [TimelineEventResponse] }) items!: TimelineEventResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
