import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  type DocumentStatus,
  type SupportingDocumentView,
} from '@passerelle/shared/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';
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
import { personLabel, reasonRequired, REJECTIONS } from './document-abilities';
import { DocumentsApi } from './documents-api.service';
import { FORM_DIALOG_KIT } from '../../form-dialog-kit';

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

type DocumentLookup =
  | { state: 'loading' }
  | { state: 'found'; document: SupportingDocumentView }
  | { state: 'missing' };

/** « Refuser une pièce »: inexploitable, hors liste réglementaire or périmée, with a reason. Never deleted. */
@Component({
  selector: 'bo-document-reject-dialog',
  imports: [FORM_DIALOG_KIT, MatProgressBar, WriteFailureComponent],
  templateUrl: './document-reject.dialog.html',
  styleUrl: '../../file-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentRejectDialog {
  private readonly store = inject(FileStore);
  private readonly api = inject(DocumentsApi);
  private readonly ref = inject(MatDialogRef<DocumentRejectDialog>);
  private readonly data = inject<DocumentRejectData>(MAT_DIALOG_DATA);

  protected readonly rejections = REJECTIONS;
  protected readonly statusLabels = DOCUMENT_STATUS_LABELS;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly maxReason = MAX_REASON;
  protected readonly lookup = toSignal(
    this.api.list(this.store.file()?.id ?? '').pipe(
      map((page): DocumentLookup => {
        const document = page.items.find((item) => item.id === this.data.documentId);
        return document ? { state: 'found', document } : { state: 'missing' };
      }),
      catchError(() => of<DocumentLookup>({ state: 'missing' })),
    ),
    { initialValue: { state: 'loading' } as DocumentLookup },
  );
  protected readonly document = computed(() => {
    const lookup = this.lookup();
    return lookup.state === 'found' ? lookup.document : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as DocumentStatus | '', Validators.required],
    reason: ['', Validators.maxLength(MAX_REASON)],
  });
  protected readonly reasonNeeded = signal(false);
  protected readonly pending = signal(false);
  protected readonly failure = signal<CaseworkFailure | null>(null);
  protected readonly errorMessage = errorMessage;
  protected readonly asWriteFailure = asWriteFailure;
  protected readonly fieldMessage = (field: string) => failedField(this.failure(), field);

  protected person(document: SupportingDocumentView): string {
    return personLabel(this.store.file(), document.personId);
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

  protected async save(): Promise<void> {
    if (this.pending() || !this.document()) return;
    const reason = this.form.controls.reason;
    if (reason.value.trim() === '' && reason.value !== '') reason.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.api.update(this.data.documentId, {
          status: value.status as DocumentStatus,
          ...(value.reason.trim() ? { reason: value.reason.trim() } : {}),
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
