import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  DOCUMENT_STATUS_LABELS,
  type DocumentRequirement,
  type ReadableDocumentView,
  type SupportingDocumentView,
  type UpdateDocumentRequest,
} from '@passerelle/shared/domain';
import { catchError, combineLatest, firstValueFrom, map, of } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { frenchDate } from '../../file-format';
import { FileStore } from '../../file-store';
import { WriteFailureComponent } from '../../write-failure.component';
import { asWriteFailure, type CaseworkFailure, caseworkFailureOf } from '../shared/casework-failure';
import { frenchDay } from '../shared/casework-format';
import { SECTION_KIT } from '../shared/section-kit';
import { loadWhenOpened } from '../shared/section-load';
import {
  checklistByStage,
  documentAbilities,
  documentTitle,
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
    // The API's 409 on a download: the document's encryption key was retired without being kept.
    409: "Cette pièce ne peut pas être ouverte : la clé qui la chiffre n'est plus configurée sur le serveur. Prévenez l'administrateur de Passerelle.",
    // The API's 410: the record is there, its stored content is gone or damaged (an alert is logged).
    410: "Le contenu de cette pièce est introuvable dans le stockage. L'administrateur de Passerelle a été alerté ; il pourra la restaurer depuis une sauvegarde. Sinon, demandez la pièce à nouveau.",
    503: "Le stockage des pièces ne répond pas pour l'instant. Réessayez dans quelques instants.",
  },
};

const CHECK_WORDING = {
  statuses: {
    403: "Vous n'avez pas le droit de vérifier les pièces de ce dossier.",
    404: "Cette pièce n'existe plus ou ne vous est pas accessible.",
  },
};

interface Loaded {
  readonly documents: SupportingDocumentView[] | null;
  readonly checklist: DocumentRequirement[] | null;
}

/** « Pièces justificatives »: what the file calls for, what is held, and the checks. */
@Component({
  selector: 'bo-documents-section',
  imports: [SECTION_KIT, WriteFailureComponent],
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
  /** The documents and the checklist, each `null` if it failed. */
  private readonly list = loadWhenOpened(
    () => this.abilities().read,
    (fileId) =>
      combineLatest([
        this.api.list(fileId).pipe(
          map((page) => page.items),
          catchError(() => of(null)),
        ),
        this.api.checklist(fileId).pipe(catchError(() => of(null))),
      ]).pipe(map(([documents, checklist]): Loaded => ({ documents, checklist }))),
  );
  protected readonly opened = this.list.opened;
  protected readonly loading = this.list.loading;
  protected readonly documents = computed(() => this.list.value()?.documents ?? null);
  protected readonly checklist = computed(() => {
    const lines = this.list.value()?.checklist;
    return lines ? checklistByStage(lines) : null;
  });
  protected readonly failed = computed(() => {
    const loaded = this.list.value();
    return !this.loading() && !!loaded && (loaded.documents === null || loaded.checklist === null);
  });
  private readonly byId = computed(
    () => new Map((this.documents() ?? []).map((document) => [document.id, document])),
  );

  protected readonly title = documentTitle;
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

  protected canDownload(document: SupportingDocumentView): document is ReadableDocumentView {
    return mayDownload(this.principal(), document);
  }

  protected retry(): void {
    this.list.retry();
  }

  protected async download(document: ReadableDocumentView): Promise<void> {
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
