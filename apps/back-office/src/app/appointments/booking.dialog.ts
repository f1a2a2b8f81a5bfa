import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  type ApplicantFileSummary,
  type AppointmentView,
  type CalendarDate,
  FILE_STATUS_LABELS,
  isCalendarDate,
} from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { fullName } from '../files/file-format';
import { FileStore } from '../files/file-store';
import { FORM_DIALOG_KIT } from '../files/form-dialog-kit';
import { notBlank } from '../referrals/new-referral/new-referral.form';
import { apiErrorMessage } from '../ui/api-error';
import { AppointmentsService } from './appointments.service';
import { APPOINTMENT_DURATIONS, formatDuration, officeHours } from './booking.form';
import { formatDate, parisInstant } from './paris-time';

/** What the agenda gives the dialog: the day to suggest. */
export interface BookingDialogData {
  readonly date?: string;
}

/** What the dialog answers once the appointment is booked. */
export interface Booked {
  readonly appointment: AppointmentView;
  readonly date: CalendarDate;
}

/**
 * « Prendre un rendez-vous »: from the agenda, the applicant is found by name; from a file (opened
 * over `/dossiers/:id`, whose store is then at hand), the applicant is that file's.
 */
@Component({
  selector: 'bo-booking-dialog',
  imports: [FORM_DIALOG_KIT, MatRadioGroup, MatRadioButton, MatProgressBar],
  templateUrl: './booking.dialog.html',
  styleUrl: './booking.dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDialog {
  private readonly appointments = inject(AppointmentsService);
  private readonly formBuilder = inject(NonNullableFormBuilder);
  private readonly ref = inject(MatDialogRef<BookingDialog, Booked>);
  private readonly store = inject(FileStore, { optional: true });
  private readonly data = inject<BookingDialogData | null>(MAT_DIALOG_DATA, { optional: true });

  /** The file the appointment is for, when opened from it. */
  protected readonly fixedFile = computed(() => this.store?.file() ?? null);
  protected readonly fixedName = computed(() => {
    const applicant = this.fixedFile()?.applicant;
    return applicant ? fullName(applicant) : '';
  });
  protected readonly durations = APPOINTMENT_DURATIONS;
  protected readonly formatDuration = formatDuration;
  protected readonly formatDate = formatDate;
  protected readonly fileStatusLabels = FILE_STATUS_LABELS;

  protected readonly searchForm = this.formBuilder.group({
    q: ['', [Validators.required, notBlank, Validators.minLength(2)]],
  });
  protected readonly searching = signal(false);
  protected readonly searchError = signal<string | null>(null);
  protected readonly results = signal<ApplicantFileSummary[] | null>(null);

  protected readonly bookingForm = this.formBuilder.group({
    applicantFileId: [this.fixedFile()?.id ?? '', Validators.required],
    date: [this.suggestedDate(), Validators.required],
    time: ['09:00', [Validators.required, officeHours]],
    durationMinutes: [30, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

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
      this.error.set(
        this.bookingForm.controls.applicantFileId.invalid
          ? 'Recherchez puis choisissez le dossier du demandeur.'
          : 'Le formulaire contient des erreurs : corrigez les champs signalés.',
      );
      return;
    }
    const value = this.bookingForm.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      const appointment = await firstValueFrom(
        this.appointments.book({
          applicantFileId: value.applicantFileId,
          startsAt: parisInstant(value.date, value.time),
          durationMinutes: value.durationMinutes,
        }),
      );
      // On a file, its history and its sections show the new appointment.
      if (this.store) await this.store.reload();
      this.ref.close({ appointment, date: value.date });
    } catch (error: unknown) {
      this.error.set(apiErrorMessage(error, 'La prise de rendez-vous'));
    } finally {
      this.busy.set(false);
    }
  }

  private suggestedDate(): string {
    const date = this.data?.date;
    return date && isCalendarDate(date) ? date : '';
  }
}
