import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialogRef } from '@angular/material/dialog';
import { MatSuffix } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AppointmentsService } from '../../../appointments/appointments.service';
import { apiErrorMessage } from '../../../ui/api-error';
import { calendarDateOf, todayInParis } from '../../file-format';
import { FileStore } from '../../file-store';
import { FORM_DIALOG_KIT } from '../../form-dialog-kit';
import { errorMessage } from '../../validation';

/** The applicant asks to be received: the day of the request starts the one-month clock. */
@Component({
  selector: 'bo-reception-request-dialog',
  imports: [
    FORM_DIALOG_KIT,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>Enregistrer une demande de rendez-vous</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          La personne demande à être reçue : un point-info ou un service social s’engage à la recevoir dans le
          mois qui suit sa demande.
        </p>
        <mat-form-field>
          <mat-label>Date de la demande</mat-label>
          <input matInput formControlName="requestedOn" [matDatepicker]="picker" [max]="today" required />
          <mat-hint>JJ/MM/AAAA</mat-hint>
          <mat-datepicker-toggle matSuffix [for]="picker" />
          <mat-datepicker #picker />
          @if (form.controls.requestedOn.invalid) {
            <mat-error>{{ dateError() }}</mat-error>
          }
        </mat-form-field>
        <div role="alert">
          @if (error(); as error) {
            <p class="api-error">{{ error }}</p>
          }
        </div>
        @if (pending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Enregistrement en cours" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()" [attr.aria-busy]="pending() || null">
          {{ pending() ? 'Enregistrement…' : 'Enregistrer la demande' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceptionRequestDialog {
  private readonly store = inject(FileStore);
  private readonly appointments = inject(AppointmentsService);
  private readonly ref = inject(MatDialogRef<ReceptionRequestDialog>);

  protected readonly today = todayInParis();
  protected readonly form = inject(NonNullableFormBuilder).group({
    requestedOn: [this.today as Date | null, Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected dateError(): string {
    const control = this.form.controls.requestedOn;
    return control.hasError('matDatepickerMax')
      ? 'Date de la demande : elle ne peut pas être dans le futur.'
      : errorMessage(control, 'Date de la demande');
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const file = this.store.file();
    if (this.form.invalid || !file) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.appointments.recordReceptionRequest(file.id, {
          requestedOn: calendarDateOf(this.form.getRawValue().requestedOn) ?? '',
        }),
      );
      await this.store.reload();
      this.ref.close(true);
    } catch (error: unknown) {
      this.error.set(apiErrorMessage(error, 'L’enregistrement de la demande'));
    } finally {
      this.pending.set(false);
    }
  }
}
