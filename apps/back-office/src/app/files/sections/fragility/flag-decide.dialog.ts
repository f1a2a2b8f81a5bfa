import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
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
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  calendarDateInParis,
  FLAG_STATUS_LABELS,
  FRAGILITY_CRITERION_LABELS,
  type FragilityFlagView,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { calendarDateOf, dateOf } from '../../file-format';
import { FileStore } from '../../file-store';
import { errorMessage, pastBirthDate } from '../../validation';
import { WriteFailureComponent } from '../../write-failure.component';
import {
  asWriteFailure,
  type CaseworkFailure,
  caseworkFailureOf,
  failedField,
  type FailureWording,
} from '../evaluations/casework-failure';
import { FragilityApi } from './fragility-api.service';
import type { FlagDecisionData } from './fragility.routes';

export const MAX_DECISION_NOTE = 4000;

const WORDING: FailureWording = {
  statuses: {
    403: 'Seuls les travailleurs sociaux confirment ou écartent une fragilité.',
    404: "Cette fragilité n'existe pas ou ne vous est plus accessible.",
    409: 'Cette fragilité a déjà été confirmée ou écartée : rechargez la page pour voir la décision.',
  },
  fields: {
    status: 'La décision est invalide.',
    note: `Note de décision : ce champ est obligatoire, ${MAX_DECISION_NOTE.toLocaleString('fr-FR')} caractères au plus.`,
    decidedOn: 'Date de la décision : la date ne peut pas être dans le futur.',
  },
};

type FlagLookup = { state: 'loading' } | { state: 'found'; flag: FragilityFlagView } | { state: 'missing' };

/** Confirm or rule out a suspected flag, with a note and the date of the decision (social workers). */
@Component({
  selector: 'bo-flag-decide-dialog',
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
  templateUrl: './flag-decide.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagDecideDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(FragilityApi);
  private readonly ref = inject(MatDialogRef<FlagDecideDialog>);
  protected readonly data = inject<FlagDecisionData>(MAT_DIALOG_DATA);

  protected readonly confirming = this.data.status === 'CONFIRMED';
  protected readonly title = this.confirming ? 'Confirmer une fragilité' : 'Écarter une fragilité';
  protected readonly labels = FRAGILITY_CRITERION_LABELS;
  protected readonly statusLabels = FLAG_STATUS_LABELS;
  protected readonly today = dateOf(calendarDateInParis(new Date())) as Date;
  protected readonly maxNote = MAX_DECISION_NOTE;

  protected readonly lookup = toSignal(
    this.api.list(this.store.file()?.id ?? '').pipe(
      map((page): FlagLookup => {
        const flag = page.items.find((item) => item.id === this.data.flagId);
        return flag ? { state: 'found', flag } : { state: 'missing' };
      }),
      catchError(() => of<FlagLookup>({ state: 'missing' })),
    ),
    { initialValue: { state: 'loading' } as FlagLookup },
  );
  protected readonly flag = computed(() => {
    const lookup = this.lookup();
    return lookup.state === 'found' ? lookup.flag : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    note: ['', [Validators.required, Validators.maxLength(MAX_DECISION_NOTE)]],
    decidedOn: [this.today as Date | null, [Validators.required, pastBirthDate]],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<CaseworkFailure | null>(null);
  protected readonly errorMessage = errorMessage;
  protected readonly asWriteFailure = asWriteFailure;
  protected readonly fieldMessage = (field: string) => failedField(this.failure(), field);

  protected async save(): Promise<void> {
    if (this.pending() || this.flag()?.status !== 'SUSPECTED') return;
    const note = this.form.controls.note;
    if (note.value.trim() === '' && note.value !== '') note.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.api.decide(this.data.flagId, {
          status: this.data.status,
          note: value.note.trim(),
          ...(calendarDateOf(value.decidedOn) ? { decidedOn: calendarDateOf(value.decidedOn) } : {}),
        }),
      );
    } catch (error: unknown) {
      this.pending.set(false);
      this.failure.set(caseworkFailureOf(error, WORDING));
      return;
    }
    // A confirmed criterion changes the file's priority: the page shows it at once.
    await this.store.reload();
    this.pending.set(false);
    this.ref.close(true);
  }
}
