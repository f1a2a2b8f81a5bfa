import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type PartnerEventType } from '@passerelle/shared/domain';
import { tap } from 'rxjs';
import { notBlank } from '../../../referrals/new-referral/new-referral.form';
import { calendarDateOf, dateOf, todayInParis } from '../../file-format';
import { FileStore } from '../../file-store';
import { errorMessage } from '../../validation';
import { WriteFailureComponent } from '../../write-failure.component';
import type { WriteFailure } from '../../write-outcome';
import { partnerEventFailure } from './partner-event-errors';
import { PARTNER_EVENT_FORMS } from './partner-event-form';
import { PartnerEventsService } from './partner-events.service';

/** One partner event (offer, refusal, commission, lease, note), sent with the file's ETag. */
@Component({
  selector: 'bo-partner-event-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatSuffix,
    MatInput,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatProgressBar,
    WriteFailureComponent,
  ],
  templateUrl: './partner-event.dialog.html',
  styleUrls: ['../../file-dialog.scss', './partner-event.dialog.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerEventDialog {
  private readonly store = inject(FileStore);
  private readonly events = inject(PartnerEventsService);
  private readonly ref = inject(MatDialogRef<PartnerEventDialog>);
  protected readonly type = inject<PartnerEventType>(MAT_DIALOG_DATA);
  protected readonly text = PARTNER_EVENT_FORMS[this.type];

  protected readonly today = todayInParis();
  /** A lease cannot precede the registration of the demand. */
  protected readonly earliest =
    this.type === 'LEASE_SIGNED' ? dateOf(this.store.file()?.registeredOn ?? null) : null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    occurredOn: [this.today as Date | null, Validators.required],
    details: [
      '',
      this.text.detailsRequired
        ? [Validators.required, notBlank, Validators.maxLength(2000)]
        : [Validators.maxLength(2000)],
    ],
    reason: ['', this.text.asksReason ? [Validators.required, notBlank, Validators.maxLength(1000)] : []],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  protected readonly errorMessage = errorMessage;

  protected detailsError(): string {
    const control = this.form.controls.details;
    if (control.hasError('maxlength')) return `${this.text.detailsLabel} : 2 000 caractères au plus.`;
    return `${this.text.detailsLabel} : ce champ est obligatoire.`;
  }

  protected reasonError(): string {
    return this.form.controls.reason.hasError('maxlength')
      ? 'Motif du refus : 1 000 caractères au plus.'
      : 'Motif du refus : dites pourquoi la proposition est refusée.';
  }

  protected dateError(): string {
    const control = this.form.controls.occurredOn;
    if (control.hasError('matDatepickerMax')) return 'Date : elle ne peut pas être dans le futur.';
    if (control.hasError('matDatepickerMin')) {
      return 'Date : le bail ne peut pas être signé avant l’enregistrement de la demande.';
    }
    return errorMessage(control, 'Date');
  }

  protected failureDetails(failure: WriteFailure): string[] {
    return failure.kind === 'stale' ? [] : failure.fields.map((item) => item.message);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const details = value.details.trim();
    const reason = value.reason.trim();
    const body = {
      type: this.type,
      occurredOn: calendarDateOf(value.occurredOn) ?? '',
      ...(details ? { details } : {}),
      ...(this.text.asksReason && reason ? { reason } : {}),
    };
    this.pending.set(true);
    this.failure.set(null);
    // The store keeps the ETag and tells a stale version; the words are this section's own.
    let refusal: unknown = null;
    const failure = await this.store.write((id, etag) =>
      this.events.record(id, etag, body).pipe(tap({ error: (error: unknown) => (refusal = error) })),
    );
    this.pending.set(false);
    if (failure) this.failure.set(failure.kind === 'stale' ? failure : partnerEventFailure(refusal));
    else this.ref.close(true);
  }

  protected async reload(): Promise<void> {
    await this.store.reload();
    this.failure.set(null);
  }
}
