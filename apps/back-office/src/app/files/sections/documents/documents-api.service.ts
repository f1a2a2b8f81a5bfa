import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CalendarDate,
  DocumentRequirement,
  DocumentType,
  Page,
  SupportingDocumentView,
  UpdateDocumentRequest,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';

const FILES = '/api/applicant-files';

/** What the upload form sends along with the bytes. */
export interface UploadRequest {
  readonly file: Blob;
  readonly fileName: string;
  readonly type: DocumentType;
  readonly personId?: string;
  readonly sensitive: boolean;
  readonly validUntil?: CalendarDate;
}

/** The supporting-document routes of API.md. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  list(fileId: string): Observable<Page<SupportingDocumentView>> {
    const params = new HttpParams().set('page', 1).set('pageSize', 100);
    return this.http.get<Page<SupportingDocumentView>>(`${FILES}/${encodeURIComponent(fileId)}/documents`, {
      params,
    });
  }

  checklist(fileId: string): Observable<DocumentRequirement[]> {
    return this.http.get<DocumentRequirement[]>(`${FILES}/${encodeURIComponent(fileId)}/document-checklist`);
  }

  /** `multipart/form-data`: the browser sets the boundary. */
  upload(fileId: string, request: UploadRequest): Observable<SupportingDocumentView> {
    const body = new FormData();
    body.append('type', request.type);
    if (request.personId) body.append('personId', request.personId);
    body.append('sensitive', String(request.sensitive));
    if (request.validUntil) body.append('validUntil', request.validUntil);
    body.append('file', request.file, request.fileName);
    return this.http.post<SupportingDocumentView>(`${FILES}/${encodeURIComponent(fileId)}/documents`, body);
  }

  /** The bytes, fetched with the session's token (a plain link would carry none). */
  content(documentId: string): Observable<Blob> {
    return this.http.get(`/api/documents/${encodeURIComponent(documentId)}/content`, {
      responseType: 'blob',
    });
  }

  update(documentId: string, body: UpdateDocumentRequest): Observable<SupportingDocumentView> {
    return this.http.patch<SupportingDocumentView>(`/api/documents/${encodeURIComponent(documentId)}`, body);
  }
}
