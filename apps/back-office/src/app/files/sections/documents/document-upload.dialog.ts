import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatSuffix } from '@angular/material/form-field';
import { ActivatedRoute } from '@angular/router';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentType,
  isCode,
  SENSITIVE_DOCUMENT_TYPES,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import { calendarDateOf } from '../../file-format';
import { CASEWORK_DIALOG_KIT, CaseworkDialog } from '../casework-dialog';
import type { FailureWording } from '../shared/casework-failure';
import { fileProblem, megabytes, peopleOf } from './document-abilities';
import { DocumentsApi } from './documents-api.service';

const WORDING: FailureWording = {
  statuses: {
    403: "Vous n'avez pas le droit de déposer une pièce sur ce dossier.",
    404: "Ce dossier n'existe pas ou ne vous est plus accessible.",
    413: `Ce fichier dépasse la taille maximale de ${megabytes(DOCUMENT_MAX_BYTES)}.`,
    415: "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié).",
  },
  fields: {
    file: 'Fichier : il est vide, incomplet ou endommagé.',
    type: 'Type de pièce : choisissez un type de la liste.',
    personId: 'Personne concernée : elle ne fait pas partie de ce dossier.',
    sensitive: 'Pièce sensible : valeur invalide.',
    validUntil: "Valable jusqu'au : date invalide.",
  },
};

/** « Ajouter une pièce »: a PDF, JPEG or PNG file, its type, whom it concerns, its sensitivity. */
@Component({
  selector: 'bo-document-upload-dialog',
  imports: [
    CASEWORK_DIALOG_KIT,
    MatCheckbox,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
  ],
  templateUrl: './document-upload.dialog.html',
  styleUrls: ['../../file-dialog.scss', './document-upload.dialog.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentUploadDialog extends CaseworkDialog {
  private readonly api = inject(DocumentsApi);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly wording = WORDING;
  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly people = peopleOf(this.store.file());
  protected readonly maxSize = megabytes(DOCUMENT_MAX_BYTES);

  private readonly askedType = this.query.get('type');
  private readonly askedPerson = this.query.get('personne');
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [
      (isCode(DOCUMENT_TYPES, this.askedType) ? this.askedType : '') as DocumentType | '',
      Validators.required,
    ],
    personId: [this.people.some((person) => person.id === this.askedPerson) ? (this.askedPerson ?? '') : ''],
    sensitive: [isCode(DOCUMENT_TYPES, this.askedType) && SENSITIVE_DOCUMENT_TYPES.includes(this.askedType)],
    validUntil: [null as Date | null],
  });
  protected readonly chosen = signal<File | null>(null);
  /** Why the chosen file cannot be sent (shown once the user tried, or chose one). */
  protected readonly fileError = signal<string | null>(null);
  protected readonly megabytes = megabytes;

  /** Sensitive by default for medical, disability and judicial documents (API.md), until the user says. */
  protected typeChosen(type: DocumentType): void {
    if (!this.form.controls.sensitive.dirty) {
      this.form.controls.sensitive.setValue(SENSITIVE_DOCUMENT_TYPES.includes(type));
    }
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.item(0) ?? null;
    this.chosen.set(file);
    this.fileError.set(file ? fileProblem(file) : 'Fichier : choisissez un fichier.');
  }

  protected override valid(): boolean {
    const file = this.chosen();
    if (!file) this.fileError.set('Fichier : choisissez un fichier.');
    return super.valid() && !!file && !this.fileError();
  }

  protected request(): Observable<unknown> | null {
    const fileId = this.store.file()?.id;
    const file = this.chosen();
    if (!fileId || !file) return null;
    const value = this.form.getRawValue();
    const validUntil = calendarDateOf(value.validUntil);
    return this.api.upload(fileId, {
      file,
      fileName: file.name,
      type: value.type as DocumentType,
      ...(value.personId ? { personId: value.personId } : {}),
      sensitive: value.sensitive,
      ...(validUntil ? { validUntil } : {}),
    });
  }
}
