import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  APPOINTMENT_OUTCOME_LABELS,
  APPOINTMENT_OUTCOMES,
  type AppointmentOutcome,
  type AppointmentView,
  type ApplicantFileSummary,
  FILE_STATUS_LABELS,
  isCalendarDate,
} from '@passerelle/shared/domain';
import { firstValueFrom, forkJoin } from 'rxjs';
import { notBlank } from '../referrals/new-referral/new-referral.form';
import { apiErrorMessage } from '../referrals/referral-errors';
import { agendaDays } from './agenda-days';
import { AppointmentsService } from './appointments.service';
import { APPOINTMENT_DURATIONS, formatDuration, officeHours } from './booking.form';
import {
  currentWeek,
  formatDate,
  formatDay,
  formatTime,
  parisInstant,
  shiftWeek,
  weekOf,
} from './paris-time';

/** The organisation's week: appointments, walk-in slots, booking and outcomes. */
@Component({
  selector: 'bo-agenda-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatAnchor,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatProgressBar,
  ],
  templateUrl: './agenda.page.html',
  styleUrl: './agenda.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaPage {
  private readonly appointments = inject(AppointmentsService);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  /** `/agenda?semaine=2026-11-16`: any day of the week to show. */
  readonly semaine = input<string>();

  protected readonly week = linkedSignal(() => {
    const day = this.semaine();
    return day && isCalendarDate(day) ? weekOf(day) : currentWeek();
  });
  protected readonly previousWeek = computed(() => shiftWeek(this.week(), -1).from);
  protected readonly nextWeek = computed(() => shiftWeek(this.week(), 1).from);
  protected readonly thisWeek = currentWeek().from;
  protected readonly weekTitle = computed(() => {
    const week = this.week();
    return `Semaine du ${formatDay(week.from)} au ${formatDay(week.to)} ${week.to.slice(0, 4)}`;
  });

  protected readonly agenda = rxResource({
    params: () => this.week(),
    stream: ({ params }) =>
      forkJoin({ page: this.appointments.week(params), slots: this.appointments.walkInSlots(params) }),
  });
  protected readonly days = computed(() =>
    this.agenda.hasValue()
      ? agendaDays(this.week(), this.agenda.value().page.items, this.agenda.value().slots)
      : [],
  );
  protected readonly isEmptyWeek = computed(() =>
    this.days().every((day) => day.appointments.length === 0 && day.walkInSlots.length === 0),
  );

  protected readonly outcomes = APPOINTMENT_OUTCOMES;
  protected readonly outcomeLabels = APPOINTMENT_OUTCOME_LABELS;
  protected readonly fileStatusLabels = FILE_STATUS_LABELS;
  protected readonly durations = APPOINTMENT_DURATIONS;
  protected readonly formatDay = formatDay;
  protected readonly formatDate = formatDate;
  protected readonly formatTime = formatTime;
  protected readonly formatDuration = formatDuration;

  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly busy = signal(false);

  // Booking
  protected readonly booking = signal(false);
  protected readonly searchForm = this.formBuilder.group({
    q: ['', [Validators.required, notBlank, Validators.minLength(2)]],
  });
  protected readonly searching = signal(false);
  protected readonly searchError = signal<string | null>(null);
  protected readonly results = signal<ApplicantFileSummary[] | null>(null);
  protected readonly bookingForm = this.formBuilder.group({
    applicantFileId: ['', Validators.required],
    date: ['', Validators.required],
    time: ['09:00', [Validators.required, officeHours]],
    durationMinutes: [30, Validators.required],
  });
  protected readonly bookingError = signal<string | null>(null);

  protected openBooking(): void {
    this.booking.set(true);
    this.bookingError.set(null);
    this.bookingForm.reset({ applicantFileId: '', date: '', time: '09:00', durationMinutes: 30 });
    this.results.set(null);
    setTimeout(() => document.getElementById('booking-search')?.focus());
  }

  protected closeBooking(): void {
    this.booking.set(false);
    setTimeout(() => document.getElementById('open-booking')?.focus());
  }

  protected async search(): Promise<void> {
    if (this.searchForm.invalid) {
      this.searchForm.markAllAsTouched();
      return;
    }
    this.searching.set(true);
    this.searchError.set(null);
    this.bookingForm.controls.applicantFileId.reset('');
    try {
      const page = await firstValueFrom(
        this.appointments.searchFiles(this.searchForm.getRawValue().q.trim()),
      );
      this.results.set(page.items);
    } catch (error: unknown) {
      this.results.set(null);
      this.searchError.set(apiErrorMessage(error, 'La recherche'));
    } finally {
      this.searching.set(false);
    }
  }

  protected async book(): Promise<void> {
    if (this.busy()) return;
    if (this.bookingForm.invalid) {
      this.bookingForm.markAllAsTouched();
      this.bookingError.set(
        this.bookingForm.controls.applicantFileId.invalid
          ? 'Recherchez puis choisissez le dossier du demandeur.'
          : 'Le formulaire contient des erreurs : corrigez les champs signalés.',
      );
      return;
    }
    const value = this.bookingForm.getRawValue();
    this.busy.set(true);
    this.bookingError.set(null);
    try {
      const appointment = await firstValueFrom(
        this.appointments.book({
          applicantFileId: value.applicantFileId,
          startsAt: parisInstant(value.date, value.time),
          durationMinutes: value.durationMinutes,
        }),
      );
      this.booking.set(false);
      this.message.set({
        text: `Rendez-vous pris pour ${this.nameOf(appointment)} le ${formatDate(value.date)} à ${formatTime(appointment.startsAt)}.`,
        error: false,
      });
      this.week.set(weekOf(value.date));
      this.agenda.reload();
    } catch (error: unknown) {
      this.bookingError.set(apiErrorMessage(error, 'La prise de rendez-vous'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async record(appointment: AppointmentView, outcome: AppointmentOutcome): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    try {
      await firstValueFrom(this.appointments.update(appointment.id, { outcome }));
      this.message.set({
        text: `Rendez-vous de ${this.nameOf(appointment)} à ${formatTime(appointment.startsAt)} : ${APPOINTMENT_OUTCOME_LABELS[outcome].toLowerCase()}.`,
        error: false,
      });
      this.agenda.reload();
    } catch (error: unknown) {
      this.message.set({ text: apiErrorMessage(error, 'L’enregistrement de l’issue'), error: true });
    } finally {
      this.busy.set(false);
    }
  }

  /** Honoured or missed only once it has started (the API's rule); cancelled at any time. */
  protected outcomesFor(appointment: AppointmentView): readonly AppointmentOutcome[] {
    return Date.parse(appointment.startsAt) <= Date.now() ? this.outcomes : ['CANCELLED'];
  }

  protected nameOf(appointment: Pick<AppointmentView, 'applicant'>): string {
    return `${appointment.applicant.firstNames} ${appointment.applicant.lastName}`;
  }
}
