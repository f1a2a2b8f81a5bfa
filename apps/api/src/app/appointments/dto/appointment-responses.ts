import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPOINTMENT_OUTCOMES,
  type AppointmentOutcome,
  type AppointmentView,
  type Page,
  type ReceptionRequestView,
  type WalkInSlotView,
} from '@passerelle/shared/domain';

export class AppointmentApplicantResponse {
  @ApiProperty() lastName!: string;
  @ApiProperty() firstNames!: string;
}

export class AppointmentAgentResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class AppointmentResponse implements AppointmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ type: AppointmentApplicantResponse }) applicant!: AppointmentApplicantResponse;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiPropertyOptional({ type: AppointmentAgentResponse, nullable: true })
  agent?: AppointmentAgentResponse | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ minimum: 5, maximum: 480 }) durationMinutes!: number;
  @ApiPropertyOptional({ enum: APPOINTMENT_OUTCOMES, nullable: true }) outcome?: AppointmentOutcome | null;
  @ApiProperty({ description: 'Starts within a walk-in slot of the organisation (Europe/Paris)' })
  walkIn!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AppointmentPageResponse implements Page<AppointmentView> {
  @ApiProperty({ type: [AppointmentResponse] }) items!: AppointmentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class WalkInSlotResponse implements WalkInSlotView {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-17T06:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-17T10:00:00.000Z' }) endsAt!: string;
}

export class ReceptionRecorderResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
}

export class ReceptionRequestResponse implements ReceptionRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantFileId!: string;
  @ApiProperty({ format: 'date' }) requestedOn!: string;
  @ApiProperty({ format: 'date', description: 'The same day one month later (clamped)' }) deadline!: string;
  @ApiProperty({
    enum: ['MET', 'OPEN', 'LATE'],
    description:
      'MET: an honoured appointment at an info point or social service started by the deadline; LATE: not met and the deadline has passed',
  })
  state!: 'MET' | 'OPEN' | 'LATE';
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The appointment that met it (MET)' })
  metByAppointmentId?: string | null;
  @ApiPropertyOptional({
    description: 'LATE only: days past the deadline (until today, or until the late appointment)',
  })
  daysLate?: number;
  @ApiProperty({ type: ReceptionRecorderResponse }) recordedBy!: ReceptionRecorderResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReceptionRequestPageResponse implements Page<ReceptionRequestView> {
  @ApiProperty({ type: [ReceptionRequestResponse] }) items!: ReceptionRequestResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
