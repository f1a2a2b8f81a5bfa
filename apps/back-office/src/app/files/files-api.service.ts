import { HttpClient, HttpHeaders, HttpParams, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApplicantFileContent,
  ApplicantFileQuery,
  ApplicantFileSummary,
  ApplicantFileView,
  ClosureRequest,
  CommuneView,
  CreatedApplicantFile,
  Page,
  PossibleDuplicate,
  RegistrationRequest,
  RenewalRequest,
  TimelinePage,
} from '@passerelle/shared/domain';
import { map, type Observable, shareReplay } from 'rxjs';
import type { MergePatch } from './merge-patch';

const FILES = '/api/applicant-files';

/** A file with the `ETag` its `GET` (or its last write) answered: the next write's `If-Match`. */
export interface VersionedFile {
  readonly file: ApplicantFileView;
  readonly etag: string;
}

/** The applicant-file routes of API.md, on the shared interfaces. */
@Injectable({ providedIn: 'root' })
export class FilesApi {
  private readonly http = inject(HttpClient);
  private communesCache: Observable<CommuneView[]> | null = null;

  list(query: ApplicantFileQuery): Observable<Page<ApplicantFileSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<ApplicantFileSummary>>(FILES, { params });
  }

  get(id: string): Observable<VersionedFile> {
    return this.http
      .get<ApplicantFileView>(`${FILES}/${encodeURIComponent(id)}`, { observe: 'response' })
      .pipe(map(versioned));
  }

  create(content: ApplicantFileContent): Observable<CreatedApplicantFile> {
    return this.http.post<CreatedApplicantFile>(FILES, content);
  }

  update(id: string, etag: string, patch: MergePatch): Observable<VersionedFile> {
    return this.http
      .patch<ApplicantFileView>(`${FILES}/${encodeURIComponent(id)}`, patch, {
        observe: 'response',
        headers: ifMatch(etag),
      })
      .pipe(map(versioned));
  }

  register(id: string, etag: string, body: RegistrationRequest): Observable<VersionedFile> {
    return this.lifecycle(id, 'registration', etag, body);
  }

  renew(id: string, etag: string, body: RenewalRequest): Observable<VersionedFile> {
    return this.lifecycle(id, 'renewal', etag, body);
  }

  close(id: string, etag: string, body: ClosureRequest): Observable<VersionedFile> {
    return this.lifecycle(id, 'closure', etag, body);
  }

  duplicates(id: string): Observable<PossibleDuplicate[]> {
    return this.http.get<PossibleDuplicate[]>(`${FILES}/${encodeURIComponent(id)}/duplicates`);
  }

  timeline(id: string, page: number, pageSize: number): Observable<TimelinePage> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<TimelinePage>(`${FILES}/${encodeURIComponent(id)}/timeline`, { params });
  }

  /** Reference data: fetched once per session. */
  communes(): Observable<CommuneView[]> {
    this.communesCache ??= this.http.get<CommuneView[]>('/api/communes').pipe(shareReplay(1));
    return this.communesCache;
  }

  private lifecycle(
    id: string,
    step: 'registration' | 'renewal' | 'closure',
    etag: string,
    body: RegistrationRequest | RenewalRequest | ClosureRequest,
  ): Observable<VersionedFile> {
    return this.http
      .post<ApplicantFileView>(`${FILES}/${encodeURIComponent(id)}/${step}`, body, {
        observe: 'response',
        headers: ifMatch(etag),
      })
      .pipe(map(versioned));
  }
}

function ifMatch(etag: string): HttpHeaders {
  return new HttpHeaders({ 'If-Match': etag });
}

function versioned(response: HttpResponse<ApplicantFileView>): VersionedFile {
  const file = response.body as ApplicantFileView;
  // Without a readable ETag header the version in the body says the same thing.
  return { file, etag: response.headers.get('ETag') ?? `"${file.version}"` };
}
