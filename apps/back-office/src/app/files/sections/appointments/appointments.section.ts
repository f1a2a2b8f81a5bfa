import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  APPOINTMENT_OUTCOME_LABELS,
  type AppointmentView,
  type ReceptionRequestView,
} from '@passerelle/shared/domain';
import { map } from 'rxjs';
import { AppointmentsService } from '../../../appointments/appointments.service';
import { formatDuration } from '../../../appointments/booking.form';
import { formatDate, formatDay, formatTime, parisDay } from '../../../appointments/paris-time';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { FileStore } from '../../file-store';
import { appointmentAbilities } from './appointment-abilities';
import { receptionCommitment } from './reception-state';
import { SECTION_KIT } from '../shared/section-kit';

/** « Rendez-vous »: the applicant's requests to be received (the one-month clock) and the appointments. */
@Component({
  selector: 'bo-file-appointments',
  imports: [SECTION_KIT],
  templateUrl: './appointments.section.html',
  styleUrl: '../referrals/section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentsSection {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly service = inject(AppointmentsService);

  protected readonly abilities = computed(() => {
    const user = this.auth.user();
    return appointmentAbilities(user ? principalOf(user) : null, this.store.file()?.status);
  });
  protected readonly visible = computed(
    () => this.abilities().appointments || this.abilities().receptionRequests,
  );
  /** Loaded when the panel opens, again after each change of the file. */
  protected readonly opened = signal(false);
  private readonly key = computed(() => {
    const id = this.store.file()?.id;
    return this.opened() && id ? { id, revision: this.store.revision() } : undefined;
  });
  protected readonly appointments = rxResource({
    params: () => (this.abilities().appointments ? this.key() : undefined),
    stream: ({ params }) => this.service.forFile(params.id).pipe(map((page) => page.items)),
  });
  protected readonly requests = rxResource({
    params: () => (this.abilities().receptionRequests ? this.key() : undefined),
    stream: ({ params }) => this.service.receptionRequests(params.id).pipe(map((page) => page.items)),
  });
  protected readonly outcomeLabels = APPOINTMENT_OUTCOME_LABELS;
  protected readonly formatDate = formatDate;
  protected readonly formatDuration = formatDuration;
  protected readonly commitment = receptionCommitment;

  /** « mercredi 18 novembre 2026 à 09:30 », Paris time. */
  protected when(appointment: AppointmentView): string {
    const day = parisDay(appointment.startsAt);
    return `${formatDay(day)} ${day.slice(0, 4)} à ${formatTime(appointment.startsAt)}`;
  }

  protected upcoming(appointment: AppointmentView): boolean {
    return Date.parse(appointment.startsAt) > Date.now();
  }

  protected weekOf(appointment: AppointmentView): string {
    return parisDay(appointment.startsAt);
  }

  protected isLate(request: ReceptionRequestView): boolean {
    return request.state === 'LATE' || (request.daysLate ?? 0) > 0;
  }
}
