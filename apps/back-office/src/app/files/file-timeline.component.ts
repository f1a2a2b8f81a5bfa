import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  CONFIDENTIAL_DOCUMENT_LABEL,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  TIMELINE_EVENT_LABELS,
  type TimelineChange,
  type TimelineEventView,
  isCode,
} from '@passerelle/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import { FilesApi } from './files-api.service';

const PAGE_SIZE = 10;

/** A change as the history shows it: « champ : avant → après ». */
export function describeChange(change: TimelineChange): string {
  return `${change.field} : ${shown(change.before)} → ${shown(change.after)}`;
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return JSON.stringify(value);
}

/**
 * Which document a document event is about, in French: its type, or « Pièce confidentielle » when
 * the API keeps it from the user (ACCESS.md); null for other events or when it says neither.
 */
export function eventDocument(event: TimelineEventView): string | null {
  if (event.type !== 'DOCUMENT_ADDED' && event.type !== 'DOCUMENT_CHECKED') return null;
  if (event.details?.['confidential'] === true) return CONFIDENTIAL_DOCUMENT_LABEL;
  const type = event.details?.['type'];
  return isCode(DOCUMENT_TYPES, type) ? DOCUMENT_TYPE_LABELS[type] : null;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** The file's history, newest first, a page at a time. */
@Component({
  selector: 'bo-file-timeline',
  imports: [MatPaginator, MatProgressBar],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement de l'historique" />
    }
    @if (failed()) {
      <p role="alert">L'historique n'a pas pu être chargé.</p>
    }
    @if (events(); as page) {
      @if (page.total === 0) {
        <p>Aucun événement pour l'instant.</p>
      }
      <ol class="timeline">
        @for (event of page.items; track event.id) {
          <li>
            <p class="head">
              <strong>{{ labels[event.type] }}</strong>
              <span class="when">{{ when(event.occurredAt) }}</span>
            </p>
            @if (documentOf(event); as document) {
              <p class="what">{{ document }}</p>
            }
            @if (event.actor; as actor) {
              <p class="who">
                {{ actor.displayName ?? 'Utilisateur' }}
                @if (actor.organizationName) {
                  · {{ actor.organizationName }}
                }
              </p>
            } @else {
              <p class="who">Traitement automatique</p>
            }
            @if (event.changes?.length) {
              <ul class="changes">
                @for (change of event.changes; track change.field) {
                  <li>{{ describe(change) }}</li>
                }
              </ul>
            }
          </li>
        }
      </ol>
      @if (page.total > pageSize) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          (page)="paginate($event)"
          aria-label="Pages de l'historique"
        />
      }
    }
  `,
  styles: `
    .timeline {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .timeline > li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .timeline p {
      margin: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .when,
    .who {
      color: var(--mat-sys-on-surface-variant);
    }
    .changes {
      margin: 0.25rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileTimelineComponent {
  private readonly api = inject(FilesApi);

  readonly fileId = input.required<string>();
  /** Changes whenever the file does, so that the newest event shows at once. */
  readonly revision = input(0);

  protected readonly labels = TIMELINE_EVENT_LABELS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly pageIndex = signal(0);
  private readonly request = computed(() => ({
    id: this.fileId(),
    page: this.pageIndex() + 1,
    revision: this.revision(),
  }));
  private readonly response = toSignal(
    toObservable(this.request).pipe(
      switchMap((request) =>
        this.api.timeline(request.id, request.page, PAGE_SIZE).pipe(
          map((page) => ({ request, page, failed: false })),
          catchError(() => of({ request, page: null, failed: true })),
        ),
      ),
    ),
  );
  protected readonly loading = computed(() => this.response()?.request !== this.request());
  protected readonly failed = computed(() => this.response()?.failed === true);
  protected readonly events = computed(() => this.response()?.page ?? null);
  protected readonly describe = describeChange;
  protected readonly documentOf = eventDocument;

  protected when(instant: string): string {
    return DATE_TIME.format(new Date(instant));
  }

  protected paginate(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
