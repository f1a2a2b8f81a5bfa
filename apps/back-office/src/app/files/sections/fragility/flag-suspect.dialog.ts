import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  FRAGILITY_CRITERIA,
  FRAGILITY_CRITERION_LABELS,
  type FragilityCriterion,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import { CASEWORK_DIALOG_KIT, CaseworkDialog } from '../casework-dialog';
import type { FailureWording } from '../shared/casework-failure';
import { FragilityApi } from './fragility-api.service';

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
  imports: [CASEWORK_DIALOG_KIT],
  templateUrl: './flag-suspect.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagSuspectDialog extends CaseworkDialog {
  private readonly api = inject(FragilityApi);

  protected readonly wording = WORDING;
  protected readonly criteria = FRAGILITY_CRITERIA;
  protected readonly labels = FRAGILITY_CRITERION_LABELS;
  protected readonly maxNote = MAX_SUSPICION_NOTE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    criterion: ['' as FragilityCriterion | '', Validators.required],
    note: ['', Validators.maxLength(MAX_SUSPICION_NOTE)],
  });

  protected request(): Observable<unknown> | null {
    const fileId = this.store.file()?.id;
    if (!fileId) return null;
    const value = this.form.getRawValue();
    const note = value.note.trim();
    return this.api.suspect(fileId, {
      criterion: value.criterion as FragilityCriterion,
      ...(note ? { note } : {}),
    });
  }
}
