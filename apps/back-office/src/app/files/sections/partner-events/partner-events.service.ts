import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  PARTNER_EVENT_TYPES,
  type PartnerEventRequest,
  type PartnerEventType,
  type TimelineEventView,
} from '@passerelle/shared/domain';
import { map, type Observable, switchMap } from 'rxjs';
import { FilesApi, type VersionedFile } from '../../files-api.service';

/** A partner event as the file's history holds it. */
export interface PartnerEventEntry {
  readonly id: string;
  readonly type: PartnerEventType;
  readonly occurredOn: string | null;
  readonly recordedAt: string;
  readonly details: string | null;
  readonly reason: string | null;
  readonly organizationName: string | null;
}

const TYPES: readonly string[] = PARTNER_EVENT_TYPES;

/** The partner events of the file's history, newest first. */
export function partnerEventsOf(events: readonly TimelineEventView[]): PartnerEventEntry[] {
  return events
    .filter((event) => TYPES.includes(event.type))
    .map((event) => {
      const text = (key: string): string | null => {
        const value = event.details?.[key];
        return typeof value === 'string' && value.trim() !== '' ? value : null;
      };
      return {
        id: event.id,
        type: event.type as PartnerEventType,
        occurredOn: text('occurredOn'),
        recordedAt: event.occurredAt,
        details: text('details'),
        reason: text('reason'),
        organizationName: event.actor?.organizationName ?? null,
      };
    });
}

/** `POST /api/applicant-files/:id/events`, and the events already recorded. */
@Injectable({ providedIn: 'root' })
export class PartnerEventsService {
  private readonly http = inject(HttpClient);
  private readonly files = inject(FilesApi);

  /**
   * Records the event with the file's `ETag`, then reads the file again: the answer is the event,
   * and a signed lease has changed the file's status.
   */
  record(id: string, etag: string, body: PartnerEventRequest): Observable<VersionedFile> {
    return this.http
      .post<TimelineEventView>(`/api/applicant-files/${encodeURIComponent(id)}/events`, body, {
        headers: new HttpHeaders({ 'If-Match': etag }),
      })
      .pipe(switchMap(() => this.files.get(id)));
  }

  /** The latest page of the history is enough: partner events are few. */
  list(id: string): Observable<PartnerEventEntry[]> {
    return this.files.timeline(id, 1, MAX_PAGE_SIZE).pipe(map((page) => partnerEventsOf(page.items)));
  }
}
