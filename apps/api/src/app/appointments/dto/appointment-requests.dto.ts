import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  APPOINTMENT_OUTCOMES,
  type AppointmentOutcome,
  type CreateAppointmentRequest,
  type ReceptionRequestBody,
  type UpdateAppointmentRequest,
} from '@passerelle/shared/domain';
import { CodeField, DateField, IntField, PatternField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';
import type { AppointmentFilters } from '@api/app/appointments/appointments.queries';

/** An instant with its offset, so that it cannot be read in the server's zone by mistake. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const InstantField = (options: { optional?: boolean; description?: string; example?: string } = {}) => {
  const doc = {
    type: String,
    format: 'date-time',
    description: options.description,
    example: options.example,
  };
  return applyDecorators(
    ...(options.optional ? [IsOptional()] : []),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(INSTANT, { message: '$property must be an ISO 8601 instant with its offset (Z or ±hh:mm)' }),
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
  );
};

export class CreateAppointmentDto implements CreateAppointmentRequest {
  @PatternField(UUID, 36, { description: 'A file you may read' }) applicantFileId!: string;
  @InstantField({ example: '2026-06-17T07:00:00Z' }) startsAt!: string;
  @IntField(5, 480) durationMinutes!: number;
  @PatternField(UUID, 36, {
    optional: true,
    description: 'An active user of your organisation; yourself when absent',
  })
  agentId?: string;
}

export class UpdateAppointmentDto implements UpdateAppointmentRequest {
  @CodeField(APPOINTMENT_OUTCOMES, {
    optional: true,
    description: 'Once the appointment has started; not with startsAt',
  })
  outcome?: AppointmentOutcome;
  @InstantField({ optional: true, description: 'A new start; not with outcome' }) startsAt?: string;
}

export class ListAppointmentsQueryDto extends PageQueryDto implements AppointmentFilters {
  @DateField({ optional: true, description: 'Starting on or after this day (Europe/Paris)' }) from?: string;
  @DateField({ optional: true, description: 'Starting on or before this day (Europe/Paris)' }) to?: string;
  @PatternField(UUID, 36, { optional: true }) applicantFileId?: string;
}

export class WalkInSlotsQueryDto {
  @DateField({ description: 'First day (Europe/Paris)', example: '2026-06-01' }) from!: string;
  @DateField({ description: 'Last day, included; at most 92 days in all', example: '2026-06-30' })
  to!: string;
}

export class ReceptionRequestDto implements ReceptionRequestBody {
  @DateField({
    description: 'The day the applicant asked to be received; today or earlier',
    example: '2026-06-15',
  })
  requestedOn!: string;
}
