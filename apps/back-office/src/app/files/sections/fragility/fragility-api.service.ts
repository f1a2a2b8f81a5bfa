import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DecideFlagRequest,
  FragilityFlagView,
  Page,
  SuspectFlagRequest,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';

const FILES = '/api/applicant-files';

/** The fragility-flag routes of API.md. */
@Injectable({ providedIn: 'root' })
export class FragilityApi {
  private readonly http = inject(HttpClient);

  list(fileId: string): Observable<Page<FragilityFlagView>> {
    const params = new HttpParams().set('page', 1).set('pageSize', 100);
    return this.http.get<Page<FragilityFlagView>>(`${FILES}/${encodeURIComponent(fileId)}/fragility-flags`, {
      params,
    });
  }

  suspect(fileId: string, body: SuspectFlagRequest): Observable<FragilityFlagView> {
    return this.http.post<FragilityFlagView>(`${FILES}/${encodeURIComponent(fileId)}/fragility-flags`, body);
  }

  decide(flagId: string, body: DecideFlagRequest): Observable<FragilityFlagView> {
    return this.http.patch<FragilityFlagView>(`/api/fragility-flags/${encodeURIComponent(flagId)}`, body);
  }
}
