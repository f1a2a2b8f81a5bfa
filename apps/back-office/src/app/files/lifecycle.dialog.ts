import { ChangeDetectionStrategy, Component, inject, type Signal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatSuffix } from '@angular/material/form-field';
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  type ClosureReason,
  FILE_STATUS_LABELS,
  type PossibleDuplicate,
} from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { calendarDateOf, frenchDate, fullName, todayInParis } from './file-format';
import type { LifecycleStep } from './file-permissions';
import { FileEditDialog, type FileWrite } from './file-edit-dialog';
import { sneNumber } from './validation';
import { WriteFailureComponent } from './write-failure.component';
import { FORM_DIALOG_KIT } from './form-dialog-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TITLES: Record<LifecycleStep, string> = {
  registration: 'Enregistrer la demande',
  renewal: 'Renouveler la demande',
  closure: 'Radier la demande',
};

const DATE_LABELS: Record<LifecycleStep, string> = {
  registration: "Date d'enregistrement",
  renewal: 'Date de renouvellement',
  closure: 'Date de radiation',
};

/** A landlord records `HOUSED` through the lease-signed event, never here. */
const CLOSURE_CHOICES = CLOSURE_REASONS.filter((reason) => reason !== 'HOUSED');

/** « Enregistrer la demande », « Renouveler », « Radier »: each sends its step with the file's ETag. */
@Component({
  selector: 'bo-lifecycle-dialog',
  imports: [
    FORM_DIALOG_KIT,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    WriteFailureComponent,
  ],
  templateUrl: './lifecycle.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LifecycleDialog extends FileEditDialog {
  protected readonly step = inject<LifecycleStep>(MAT_DIALOG_DATA);

  protected readonly title = TITLES[this.step];
  protected readonly dateLabel = DATE_LABELS[this.step];
  protected readonly reasons = CLOSURE_CHOICES;
  protected readonly reasonLabels = CLOSURE_REASON_LABELS;
  protected readonly today = todayInParis();
  protected readonly file = this.store.file;
  protected readonly frenchDate = frenchDate;

  protected readonly form = inject(NonNullableFormBuilder).group({
    sneNumber: ['', this.step === 'registration' ? [Validators.required, sneNumber] : []],
    date: [this.today as Date | null, Validators.required],
    reason: ['' as ClosureReason | '', this.step === 'closure' ? Validators.required : []],
    keptFileId: ['', Validators.pattern(UUID)],
  });
  protected readonly reason = signal<ClosureReason | ''>('');
  /** The file a duplicate merges into is, most often, one of the files that look like it. */
  protected readonly duplicates: Signal<PossibleDuplicate[]> =
    this.step === 'closure'
      ? toSignal(this.api.duplicates(this.store.file()?.id ?? '').pipe(catchError(() => of([]))), {
          initialValue: [],
        })
      : signal([]);
  protected readonly fullName = fullName;
  protected readonly statusLabels = FILE_STATUS_LABELS;
  protected readonly fields = ['sneNumber', 'keptFileId'];

  protected chooseReason(reason: ClosureReason | ''): void {
    this.reason.set(reason);
    const kept = this.form.controls.keptFileId;
    kept.setValidators(reason === 'MERGED' ? [Validators.required, Validators.pattern(UUID)] : []);
    kept.updateValueAndValidity();
  }

  protected override request(): FileWrite {
    const value = this.form.getRawValue();
    const day = calendarDateOf(value.date) ?? '';
    if (this.step === 'registration') {
      return (id, etag) =>
        this.api.register(id, etag, { sneNumber: value.sneNumber.trim(), registeredOn: day });
    }
    if (this.step === 'renewal') return (id, etag) => this.api.renew(id, etag, { renewedOn: day });
    const reason = value.reason as ClosureReason;
    return (id, etag) =>
      this.api.close(id, etag, {
        reason,
        closedOn: day,
        ...(reason === 'MERGED' ? { keptFileId: value.keptFileId.trim() } : {}),
      });
  }
}
