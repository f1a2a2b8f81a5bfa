import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import {
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  type DocumentRequirement,
  type SupportingDocumentView,
  type UpdateDocumentRequest,
} from '@passerelle/shared/domain';
import { catchError, combineLatest, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { frenchDate } from '../../file-format';
import { FileStore } from '../../file-store';
import { WriteFailureComponent } from '../../write-failure.component';
import { asWriteFailure, type CaseworkFailure, caseworkFailureOf } from '../evaluations/casework-failure';
import { frenchDay } from '../evaluations/casework-format';
import {
  checklistByStage,
  documentAbilities,
  mayDownload,
  megabytes,
  personLabel,
} from './document-abilities';
import { DocumentsApi } from './documents-api.service';
import { saveBlob } from './save-blob';

const DOWNLOAD_WORDING = {
  statuses: {
    403: 'Cette pièce est sensible : vous ne pouvez pas la télécharger.',
    404: "Cette pièce n'existe plus ou ne vous est pas accessible.",
  },
};

const CHECK_WORDING = {
  statuses: {
    403: "Vous n'avez pas le droit de vérifier les pièces de ce dossier.",
    404: "Cette pièce n'existe plus ou ne vous est pas accessible.",
  },
};

interface Loaded {
  readonly key: string;
  readonly documents: SupportingDocumentView[] | null;
  readonly checklist: DocumentRequirement[] | null;
}

/** « Pièces justificatives »: what the file calls for, what is held, and the checks. */
@Component({
  selector: 'bo-documents-section',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatProgressBar,
    WriteFailureComponent,
  ],
  templateUrl: './documents.section.html',
  styleUrl: './documents.section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsSection {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly api = inject(DocumentsApi);

  private readonly principal = computed(() => {
    const user = this.auth.user();
    return user ? principalOf(user) : null;
  });
  protected readonly abilities = computed(() => documentAbilities(this.principal()));
  protected readonly file = this.store.file;
  protected readonly opened = signal(false);
  /** Bumped after a check made here, so the list and the checklist reload. */
  private readonly changes = signal(0);
  private readonly request = computed(() => {
    const id = this.store.file()?.id;
    if (!id || !this.opened() || !this.abilities().read) return null;
    return { id, key: `${id}:${this.store.revision()}:${this.changes()}` };
  });
  private readonly response = toSignal(
    toObservable(this.request).pipe(
      switchMap((request) =>
        request
          ? combineLatest([
              this.api.list(request.id).pipe(
                map((page) => page.items),
                catchError(() => of(null)),
              ),
              this.api.checklist(request.id).pipe(catchError(() => of(null))),
            ]).pipe(map(([documents, checklist]): Loaded => ({ key: request.key, documents, checklist })))
          : of(null),
      ),
    ),
  );
  protected readonly loading = computed(() => {
    const request = this.request();
    return request !== null && this.response()?.key !== request.key;
  });
  protected readonly documents = computed(() => this.response()?.documents ?? null);
  protected readonly checklist = computed(() => {
    const lines = this.response()?.checklist;
    return lines ? checklistByStage(lines) : null;
  });
  protected readonly failed = computed(
    () =>
      !this.loading() &&
      !!this.response() &&
      (this.documents() === null || this.response()?.checklist === null),
  );
  private readonly byId = computed(
    () => new Map((this.documents() ?? []).map((document) => [document.id, document])),
  );

  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly statusLabels = DOCUMENT_STATUS_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly frenchDay = frenchDay;
  protected readonly megabytes = megabytes;
  protected readonly asWriteFailure = asWriteFailure;

  /** The document a click is working on (download or check), and what went wrong with it. */
  protected readonly busy = signal<string | null>(null);
  protected readonly failure = signal<{ id: string; failure: CaseworkFailure } | null>(null);
  protected readonly done = signal<{ id: string; message: string } | null>(null);

  protected person(personId: string | null | undefined): string {
    return personLabel(this.store.file(), personId);
  }

  protected answering(line: DocumentRequirement): SupportingDocumentView | undefined {
    return line.documentId ? this.byId().get(line.documentId) : undefined;
  }

  protected canDownload(document: SupportingDocumentView): boolean {
    return mayDownload(this.principal(), this.auth.user()?.organization.id, document);
  }

  protected retry(): void {
    this.changes.update((value) => value + 1);
  }

  protected async download(document: SupportingDocumentView): Promise<void> {
    if (this.busy()) return;
    this.start(document.id);
    try {
      saveBlob(await firstValueFrom(this.api.content(document.id)), document.fileName);
      this.done.set({ id: document.id, message: `Téléchargement de « ${document.fileName} » lancé.` });
    } catch (error: unknown) {
      this.failure.set({ id: document.id, failure: caseworkFailureOf(error, DOWNLOAD_WORDING) });
    }
    this.busy.set(null);
  }

  protected verify(document: SupportingDocumentView): Promise<void> {
    return this.check(document, { status: 'VERIFIED' }, 'Pièce vérifiée.');
  }

  protected markSensitive(document: SupportingDocumentView): Promise<void> {
    return this.check(document, { sensitive: true }, 'Pièce marquée comme sensible.');
  }

  private async check(
    document: SupportingDocumentView,
    body: UpdateDocumentRequest,
    message: string,
  ): Promise<void> {
    if (this.busy()) return;
    this.start(document.id);
    try {
      await firstValueFrom(this.api.update(document.id, body));
      this.done.set({ id: document.id, message });
      // The history shows the check too: both follow the file's revision.
      await this.store.reload();
    } catch (error: unknown) {
      this.failure.set({ id: document.id, failure: caseworkFailureOf(error, CHECK_WORDING) });
    }
    this.busy.set(null);
  }

  private start(id: string): void {
    this.busy.set(id);
    this.failure.set(null);
    this.done.set(null);
  }
}
