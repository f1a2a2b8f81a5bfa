import { HttpClient, HttpHeaders, HttpParams, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApplicantFileView,
  CreateEvaluationRequest,
  EvaluationView,
  Page,
} from '@passerelle/shared/domain';
import { map, type Observable } from 'rxjs';
import type { VersionedFile } from '../../files-api.service';

const FILES = '/api/applicant-files';

/** The evaluation routes of API.md. */
@Injectable({ providedIn: 'root' })
export class EvaluationsApi {
  private readonly http = inject(HttpClient);

  list(fileId: string): Observable<Page<EvaluationView>> {
    const params = new HttpParams().set('page', 1).set('pageSize', 100);
    return this.http.get<Page<EvaluationView>>(`${FILES}/${encodeURIComponent(fileId)}/evaluations`, {
      params,
    });
  }

  create(fileId: string, body: CreateEvaluationRequest): Observable<EvaluationView> {
    return this.http.post<EvaluationView>(`${FILES}/${encodeURIComponent(fileId)}/evaluations`, body);
  }

  /** The author applies the recommended typologies and communes: a write of the file (`If-Match`). */
  applyWishes(evaluationId: string, etag: string): Observable<VersionedFile> {
    return this.http
      .post<ApplicantFileView>(
        `/api/evaluations/${encodeURIComponent(evaluationId)}/apply-wishes`,
        {},
        { observe: 'response', headers: new HttpHeaders({ 'If-Match': etag }) },
      )
      .pipe(
        map((response: HttpResponse<ApplicantFileView>) => ({
          file: response.body as ApplicantFileView,
          etag: response.headers.get('ETag') ?? `"${(response.body as ApplicantFileView).version}"`,
        })),
      );
  }
}
