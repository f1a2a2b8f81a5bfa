import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import {
  DOCUMENT_STATUS_LABELS,
  type DocumentStatus,
  type SupportingDocumentView,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import { CASEWORK_DIALOG_KIT, CaseworkDialog, clearBlank } from '../casework-dialog';
import type { FailureWording } from '../shared/casework-failure';
import { documentTitle, personLabel, reasonRequired, REJECTIONS } from './document-abilities';
import { DocumentsApi } from './documents-api.service';

export const MAX_REASON = 1000;

/** What the rejection dialog receives from its URL (`/pieces/:documentId/refus`). */
export interface DocumentRejectData {
  readonly documentId: string;
}

const WORDING: FailureWording = {
  statuses: {
    403: "Vous n'avez pas le droit de contrôler les pièces de ce dossier.",
    404: "Cette pièce n'existe plus ou ne vous est pas accessible.",
  },
  fields: {
    status: 'Décision : choisissez une décision de la liste.',
    reason: `Motif : obligatoire pour cette décision, ${MAX_REASON.toLocaleString('fr-FR')} caractères au plus.`,
  },
};

/** « Refuser une pièce »: inexploitable, hors liste réglementaire or périmée, with a reason. Never deleted. */
@Component({
  selector: 'bo-document-reject-dialog',
  imports: [CASEWORK_DIALOG_KIT],
  templateUrl: './document-reject.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentRejectDialog extends CaseworkDialog {
  private readonly api = inject(DocumentsApi);
  private readonly data = inject<DocumentRejectData>(MAT_DIALOG_DATA);

  protected readonly wording = WORDING;
  protected readonly rejections = REJECTIONS;
  protected readonly statusLabels = DOCUMENT_STATUS_LABELS;
  protected readonly title = documentTitle;
  protected readonly maxReason = MAX_REASON;
  private readonly target = this.lookUp((fileId) => this.api.list(fileId), this.data.documentId);
  protected readonly lookup = this.target.lookup;
  protected readonly document = this.target.item;

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as DocumentStatus | '', Validators.required],
    reason: ['', Validators.maxLength(MAX_REASON)],
  });
  protected readonly reasonNeeded = signal(false);

  protected person(document: SupportingDocumentView): string {
    return personLabel(this.store.file(), document.personId);
  }

  /** « (bulletins.pdf), »: nothing of a confidential document's name. */
  protected fileNote(document: SupportingDocumentView): string {
    return document.confidential ? ',' : ` (${document.fileName}),`;
  }

  protected statusChosen(status: DocumentStatus | ''): void {
    const needed = reasonRequired(status);
    this.reasonNeeded.set(needed);
    const reason = this.form.controls.reason;
    reason.setValidators(
      needed ? [Validators.required, Validators.maxLength(MAX_REASON)] : [Validators.maxLength(MAX_REASON)],
    );
    reason.updateValueAndValidity();
  }

  protected override ready(): boolean {
    return !!this.document();
  }

  protected override valid(): boolean {
    clearBlank(this.form.controls.reason);
    return super.valid();
  }

  protected request(): Observable<unknown> {
    const value = this.form.getRawValue();
    return this.api.update(this.data.documentId, {
      status: value.status as DocumentStatus,
      ...(value.reason.trim() ? { reason: value.reason.trim() } : {}),
    });
  }
}
