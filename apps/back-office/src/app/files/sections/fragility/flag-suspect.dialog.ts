import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  FRAGILITY_CRITERIA,
  FRAGILITY_CRITERION_LABELS,
  type FragilityCriterion,
} from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FileStore } from '../../file-store';
import { errorMessage } from '../../validation';
import { WriteFailureComponent } from '../../write-failure.component';
import {
  asWriteFailure,
  type CaseworkFailure,
  caseworkFailureOf,
  failedField,
  type FailureWording,
} from '../evaluations/casework-failure';
import { FragilityApi } from './fragility-api.service';
import { FORM_DIALOG_KIT } from '../../form-dialog-kit';

export const MAX_SUSPICION_NOTE = 2000;

const WORDING: FailureWording = {
  statuses: {
    403: "Vous n'avez pas le droit de signaler une fragilité sur ce dossier.",
    404: "Ce dossier n'existe pas ou ne vous est plus accessible.",
  },
  fields: {
    criterion: 'Critère : choisissez un critère de la liste.',
    note: `Observation : ${MAX_SUSPICION_NOTE.toLocaleString('fr-FR')} caractères au plus.`,
  },
};

/** « Signaler une fragilité »: a criterion suspected, what was seen; a social worker decides. */
@Component({
  selector: 'bo-flag-suspect-dialog',
  imports: [FORM_DIALOG_KIT, MatProgressBar, WriteFailureComponent],
  templateUrl: './flag-suspect.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagSuspectDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(FragilityApi);
  private readonly ref = inject(MatDialogRef<FlagSuspectDialog>);

  protected readonly criteria = FRAGILITY_CRITERIA;
  protected readonly labels = FRAGILITY_CRITERION_LABELS;
  protected readonly maxNote = MAX_SUSPICION_NOTE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    criterion: ['' as FragilityCriterion | '', Validators.required],
    note: ['', Validators.maxLength(MAX_SUSPICION_NOTE)],
  });
  protected readonly pending = signal(false);
  protected readonly failure = signal<CaseworkFailure | null>(null);
  protected readonly errorMessage = errorMessage;
  protected readonly asWriteFailure = asWriteFailure;
  protected readonly fieldMessage = (field: string) => failedField(this.failure(), field);

  protected async save(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const fileId = this.store.file()?.id;
    if (!fileId) return;
    const value = this.form.getRawValue();
    const note = value.note.trim();
    this.pending.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.api.suspect(fileId, {
          criterion: value.criterion as FragilityCriterion,
          ...(note ? { note } : {}),
        }),
      );
    } catch (error: unknown) {
      this.pending.set(false);
      this.failure.set(caseworkFailureOf(error, WORDING));
      return;
    }
    await this.store.reload();
    this.pending.set(false);
    this.ref.close(true);
  }
}
