import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import {
  EVALUATION_KIND_LABELS,
  type EvaluationKind,
  MAX_WISHED_COMMUNES,
  type Typology,
  TYPOLOGIES,
  TYPOLOGY_LABELS,
} from '@passerelle/shared/domain';
import { catchError, type Observable, of } from 'rxjs';
import { FilesApi } from '../../files-api.service';
import { CASEWORK_DIALOG_KIT, CaseworkDialog, clearBlank } from '../casework-dialog';
import type { FailureWording } from '../shared/casework-failure';
import { evaluationRequest } from './evaluation-request';
import { EvaluationsApi } from './evaluations-api.service';

export const MAX_NOTES = 20000;
export const MAX_DIAGNOSIS_TEXT = 4000;

const WORDING: FailureWording = {
  statuses: {
    403: "Vous n'avez pas le droit d'écrire ce type d'évaluation sur ce dossier.",
    404: "Ce dossier n'existe pas ou ne vous est plus accessible.",
  },
  fields: {
    kind: "Le type d'évaluation est invalide.",
    notes: `Notes : ce champ est obligatoire, ${MAX_NOTES.toLocaleString('fr-FR')} caractères au plus.`,
    'diagnosis.typologies': 'Typologies recommandées : choix invalide.',
    'diagnosis.communes': `Communes recommandées : ${MAX_WISHED_COMMUNES} communes du territoire au plus.`,
    'diagnosis.familySituation': `Situation familiale : ${MAX_DIAGNOSIS_TEXT.toLocaleString('fr-FR')} caractères au plus.`,
    'diagnosis.economicSituation': `Situation économique : ${MAX_DIAGNOSIS_TEXT.toLocaleString('fr-FR')} caractères au plus.`,
    'diagnosis.conclusion': `Conclusion : ${MAX_DIAGNOSIS_TEXT.toLocaleString('fr-FR')} caractères au plus.`,
  },
};

function atMostCommunes(control: AbstractControl<string[]>): ValidationErrors | null {
  return (control.value ?? []).length > MAX_WISHED_COMMUNES ? { tooManyCommunes: true } : null;
}

/** « Évaluation du projet logement » or « Évaluation sociale »: notes and diagnosis. */
@Component({
  selector: 'bo-evaluation-write-dialog',
  imports: [CASEWORK_DIALOG_KIT],
  templateUrl: './evaluation-write.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationWriteDialog extends CaseworkDialog {
  private readonly api = inject(EvaluationsApi);
  protected readonly kind = inject<EvaluationKind>(MAT_DIALOG_DATA);

  protected readonly wording = WORDING;
  protected readonly title = EVALUATION_KIND_LABELS[this.kind];
  protected readonly typologies = TYPOLOGIES;
  protected readonly typologyLabels = TYPOLOGY_LABELS;
  protected readonly maxCommunes = MAX_WISHED_COMMUNES;
  protected readonly maxNotes = MAX_NOTES;
  protected readonly maxText = MAX_DIAGNOSIS_TEXT;
  protected readonly communes = toSignal(
    inject(FilesApi)
      .communes()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    notes: ['', [Validators.required, Validators.maxLength(MAX_NOTES)]],
    typologies: this.fb.control<Typology[]>([]),
    communes: this.fb.control<string[]>([], atMostCommunes),
    familySituation: ['', Validators.maxLength(MAX_DIAGNOSIS_TEXT)],
    economicSituation: ['', Validators.maxLength(MAX_DIAGNOSIS_TEXT)],
    conclusion: ['', Validators.maxLength(MAX_DIAGNOSIS_TEXT)],
  });

  protected override valid(): boolean {
    clearBlank(this.form.controls.notes);
    return super.valid();
  }

  protected request(): Observable<unknown> | null {
    const fileId = this.store.file()?.id;
    return fileId ? this.api.create(fileId, evaluationRequest(this.kind, this.form.getRawValue())) : null;
  }
}
