import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatSuffix } from '@angular/material/form-field';
import { FLAG_STATUS_LABELS, FRAGILITY_CRITERION_LABELS } from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import { calendarDateOf, todayInParis } from '../../file-format';
import { pastBirthDate } from '../../validation';
import { CASEWORK_DIALOG_KIT, CaseworkDialog, clearBlank } from '../casework-dialog';
import type { FailureWording } from '../shared/casework-failure';
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

/** Confirm or rule out a suspected flag, with a note and the date of the decision (social workers). */
@Component({
  selector: 'bo-flag-decide-dialog',
  imports: [CASEWORK_DIALOG_KIT, MatSuffix, MatDatepicker, MatDatepickerInput, MatDatepickerToggle],
  templateUrl: './flag-decide.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagDecideDialog extends CaseworkDialog {
  private readonly api = inject(FragilityApi);
  protected readonly data = inject<FlagDecisionData>(MAT_DIALOG_DATA);

  protected readonly wording = WORDING;
  protected readonly confirming = this.data.status === 'CONFIRMED';
  protected readonly title = this.confirming ? 'Confirmer une fragilité' : 'Écarter une fragilité';
  protected readonly labels = FRAGILITY_CRITERION_LABELS;
  protected readonly statusLabels = FLAG_STATUS_LABELS;
  protected readonly today = todayInParis();
  protected readonly maxNote = MAX_DECISION_NOTE;

  private readonly target = this.lookUp((fileId) => this.api.list(fileId), this.data.flagId);
  protected readonly lookup = this.target.lookup;
  protected readonly flag = this.target.item;

  protected readonly form = inject(NonNullableFormBuilder).group({
    note: ['', [Validators.required, Validators.maxLength(MAX_DECISION_NOTE)]],
    decidedOn: [this.today as Date | null, [Validators.required, pastBirthDate]],
  });

  protected override ready(): boolean {
    return this.flag()?.status === 'SUSPECTED';
  }

  protected override valid(): boolean {
    clearBlank(this.form.controls.note);
    return super.valid();
  }

  protected request(): Observable<unknown> {
    const value = this.form.getRawValue();
    return this.api.decide(this.data.flagId, {
      status: this.data.status,
      note: value.note.trim(),
      ...(calendarDateOf(value.decidedOn) ? { decidedOn: calendarDateOf(value.decidedOn) } : {}),
    });
  }
}
