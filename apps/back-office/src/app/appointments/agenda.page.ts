import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink, RouterOutlet } from '@angular/router';
import {
  APPOINTMENT_OUTCOME_LABELS,
  APPOINTMENT_OUTCOMES,
  type AppointmentOutcome,
  type AppointmentView,
  calendarDateInParis,
  isCalendarDate,
} from '@passerelle/shared/domain';
import { firstValueFrom, forkJoin } from 'rxjs';
import { apiErrorMessage } from '../ui/api-error';
import { ListStateComponent } from '../ui/list-state.component';
import { type PageMessage, PageMessageComponent } from '../ui/page-message.component';
import { agendaDays } from './agenda-days';
import { AppointmentsService } from './appointments.service';
import { AgendaBookings } from './agenda-bookings';
import { formatDuration } from './booking.form';
import { currentWeek, formatDate, formatDay, formatTime, shiftWeek, weekOf } from './paris-time';

/** The organisation's week: appointments, walk-in slots, booking and outcomes. */
@Component({
  selector: 'bo-agenda-page',
  imports: [RouterLink, RouterOutlet, MatButton, MatAnchor, ListStateComponent, PageMessageComponent],
  templateUrl: './agenda.page.html',
  styleUrl: './agenda.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaPage {
  private readonly appointments = inject(AppointmentsService);
  private readonly bookings = inject(AgendaBookings);

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
  protected readonly formatDay = formatDay;
  protected readonly formatDate = formatDate;
  protected readonly formatTime = formatTime;
  protected readonly formatDuration = formatDuration;

  protected readonly message = signal<PageMessage | null>(null);
  protected readonly busy = signal(false);
  /** The booking dialog's URL: the day suggested is today in this week, or its Monday. */
  protected readonly bookingQuery = computed(() => {
    const week = this.week();
    const today = calendarDateInParis(new Date());
    return { semaine: week.from, jour: week.days.includes(today) ? today : week.from };
  });

  constructor() {
    effect(() => {
      const booked = this.bookings.last();
      if (!booked) return;
      untracked(() => {
        this.bookings.last.set(null);
        this.message.set({
          text: `Rendez-vous pris pour ${this.nameOf(booked.appointment)} le ${formatDate(booked.date)} à ${formatTime(booked.appointment.startsAt)}.`,
          error: false,
        });
        this.agenda.reload();
      });
    });
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
