import type { AppointmentView, ReceptionRequestView, WalkInSlotView } from '@passerelle/shared/domain';
import type { AppointmentRow, WalkInOccurrenceRow } from './appointments.repository';
import type { ReceptionRequestRow } from './reception-requests.repository';

export function toAppointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    applicant: { lastName: row.applicant_last_name, firstNames: row.applicant_first_names },
    organizationId: row.organization_id,
    agent:
      row.agent_user_id && row.agent_display_name
        ? { userId: row.agent_user_id, displayName: row.agent_display_name }
        : null,
    startsAt: row.starts_at.toISOString(),
    durationMinutes: row.duration_minutes,
    outcome: row.outcome,
    walkIn: row.walk_in,
    createdAt: row.created_at.toISOString(),
  };
}

export function toWalkInSlotView(row: WalkInOccurrenceRow): WalkInSlotView {
  return {
    organizationId: row.organization_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
  };
}

/** `daysLate` only when LATE; the appointment that met the commitment only when MET. */
export function toReceptionRequestView(row: ReceptionRequestRow): ReceptionRequestView {
  return {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    requestedOn: row.requested_on,
    deadline: row.deadline,
    state: row.state,
    metByAppointmentId: row.state === 'MET' ? row.honoured_appointment_id : null,
    ...(row.state === 'LATE' && row.days_late !== null ? { daysLate: row.days_late } : {}),
    recordedBy: {
      organizationId: row.recorded_by_organization_id,
      organizationName: row.recorded_by_organization_name,
    },
    createdAt: row.created_at.toISOString(),
  };
}
