import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type ApplicantFileContent,
  type CommuneView,
  type CreatedApplicantFile,
  type CreateReferralRequest,
  MAX_PAGE_SIZE,
  type OrganizationView,
  type Page,
  type ReferralStatus,
  type ReferralView,
  type UpdateReferralRequest,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';

export type ReferralDirection = 'sent' | 'received';

export interface ReferralListQuery {
  direction: ReferralDirection;
  page: number;
  pageSize: number;
  status?: ReferralStatus;
}

/** The referral routes of API.md, and the reference lists the referral form needs. */
@Injectable({ providedIn: 'root' })
export class ReferralsService {
  private readonly http = inject(HttpClient);

  organizations(): Observable<OrganizationView[]> {
    return this.http.get<OrganizationView[]>('/api/organizations');
  }

  communes(): Observable<CommuneView[]> {
    return this.http.get<CommuneView[]>('/api/communes');
  }

  createFile(content: Pick<ApplicantFileContent, 'applicant' | 'contact'>): Observable<CreatedApplicantFile> {
    return this.http.post<CreatedApplicantFile>('/api/applicant-files', content);
  }

  create(request: CreateReferralRequest): Observable<ReferralView> {
    return this.http.post<ReferralView>('/api/referrals', request);
  }

  list(query: ReferralListQuery): Observable<Page<ReferralView>> {
    let params = new HttpParams()
      .set('direction', query.direction)
      .set('page', query.page)
      .set('pageSize', query.pageSize);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<Page<ReferralView>>('/api/referrals', { params });
  }

  /** The file's referrals the caller's organisation sent or received (both directions). */
  forFile(applicantFileId: string): Observable<Page<ReferralView>> {
    const params = new HttpParams().set('applicantFileId', applicantFileId).set('pageSize', MAX_PAGE_SIZE);
    return this.http.get<Page<ReferralView>>('/api/referrals', { params });
  }

  get(id: string): Observable<ReferralView> {
    return this.http.get<ReferralView>(`/api/referrals/${encodeURIComponent(id)}`);
  }

  inboxCount(): Observable<{ unhandled: number }> {
    return this.http.get<{ unhandled: number }>('/api/referrals/inbox-count');
  }

  respond(id: string, request: UpdateReferralRequest): Observable<ReferralView> {
    return this.http.patch<ReferralView>(`/api/referrals/${id}`, request);
  }
}
