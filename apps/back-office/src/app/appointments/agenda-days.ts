import type { AppointmentView, CalendarDate, WalkInSlotView } from '@passerelle/shared/domain';
import { parisDay, type Week } from './paris-time';

export interface AgendaDay {
  readonly date: CalendarDate;
  readonly appointments: readonly AppointmentView[];
  readonly walkInSlots: readonly WalkInSlotView[];
}

/** Sorts appointments and walk-in slots into the Paris days of the week. */
export function agendaDays(
  week: Week,
  appointments: readonly AppointmentView[],
  walkInSlots: readonly WalkInSlotView[],
): AgendaDay[] {
  return week.days.map((date) => ({
    date,
    appointments: appointments
      .filter((appointment) => parisDay(appointment.startsAt) === date)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    walkInSlots: walkInSlots.filter((slot) => parisDay(slot.startsAt) === date),
  }));
}
