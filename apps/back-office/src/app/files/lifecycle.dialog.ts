import { ChangeDetectionStrategy, Component, computed, inject, type Signal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  type ClosureReason,
  FILE_STATUS_LABELS,
  calendarDateInParis,
  type PossibleDuplicate,
} from '@passerelle/shared/domain';
import { catchError, type Observable, of } from 'rxjs';
import { calendarDateOf, dateOf, frenchDate, fullName } from './file-format';
import type { LifecycleStep } from './file-permissions';
import { FilesApi, type VersionedFile } from './files-api.service';
import { FileStore } from './file-store';
import { errorMessage, sneNumber } from './validation';
import { WriteFailureComponent } from './write-failure.component';
import { fieldMessage, otherFieldMessages, type WriteFailure } from './write-outcome';

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
    MatSelect,
    MatOption,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    WriteFailureComponent,
  ],
  templateUrl: './lifecycle.dialog.html',
  styleUrl: './file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LifecycleDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(FilesApi);
  private readonly ref = inject(MatDialogRef<LifecycleDialog>);
  protected readonly step = inject<LifecycleStep>(MAT_DIALOG_DATA);

  protected readonly title = TITLES[this.step];
  protected readonly dateLabel = DATE_LABELS[this.step];
  protected readonly reasons = CLOSURE_CHOICES;
  protected readonly reasonLabels = CLOSURE_REASON_LABELS;
  protected readonly today = dateOf(calendarDateInParis(new Date())) as Date;
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
  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  protected readonly otherErrors = computed(() =>
    otherFieldMessages(this.failure(), ['sneNumber', 'keptFileId']).map((item) => item.message),
  );
  protected readonly errorMessage = errorMessage;
  protected readonly fieldMessage = (field: string) => fieldMessage(this.failure(), field);

  protected chooseReason(reason: ClosureReason | ''): void {
    this.reason.set(reason);
    const kept = this.form.controls.keptFileId;
    kept.setValidators(reason === 'MERGED' ? [Validators.required, Validators.pattern(UUID)] : []);
    kept.updateValueAndValidity();
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const day = calendarDateOf(value.date) ?? '';
    let send: (id: string, etag: string) => Observable<VersionedFile>;
    if (this.step === 'registration') {
      send = (id, etag) =>
        this.api.register(id, etag, { sneNumber: value.sneNumber.trim(), registeredOn: day });
    } else if (this.step === 'renewal') {
      send = (id, etag) => this.api.renew(id, etag, { renewedOn: day });
    } else {
      const reason = value.reason as ClosureReason;
      send = (id, etag) =>
        this.api.close(id, etag, {
          reason,
          closedOn: day,
          ...(reason === 'MERGED' ? { keptFileId: value.keptFileId.trim() } : {}),
        });
    }
    this.pending.set(true);
    this.failure.set(null);
    const failure = await this.store.write(send);
    this.pending.set(false);
    if (failure) this.failure.set(failure);
    else this.ref.close(true);
  }

  protected async reload(): Promise<void> {
    await this.store.reload();
    this.failure.set(null);
  }
}
