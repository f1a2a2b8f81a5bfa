import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type ApplicantFileSummary,
  type AppointmentView,
  type CreateAppointmentRequest,
  MAX_PAGE_SIZE,
  type Page,
  type ReceptionRequestBody,
  type ReceptionRequestView,
  type UpdateAppointmentRequest,
  type WalkInSlotView,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import type { Week } from './paris-time';

/** The appointment routes of API.md, and the file search that booking needs. */
@Injectable({ providedIn: 'root' })
export class AppointmentsService {
  private readonly http = inject(HttpClient);

  /** A week holds far fewer than a page of 100 appointments for one organisation. */
  week(week: Week): Observable<Page<AppointmentView>> {
    const params = new HttpParams().set('from', week.from).set('to', week.to).set('pageSize', MAX_PAGE_SIZE);
    return this.http.get<Page<AppointmentView>>('/api/appointments', { params });
  }

  walkInSlots(week: Week): Observable<WalkInSlotView[]> {
    const params = new HttpParams().set('from', week.from).set('to', week.to);
    return this.http.get<WalkInSlotView[]>('/api/appointments/walk-in-slots', { params });
  }

  book(request: CreateAppointmentRequest): Observable<AppointmentView> {
    return this.http.post<AppointmentView>('/api/appointments', request);
  }

  update(id: string, request: UpdateAppointmentRequest): Observable<AppointmentView> {
    return this.http.patch<AppointmentView>(`/api/appointments/${id}`, request);
  }

  /** The caller's organisation's appointments with one applicant, by start. */
  forFile(applicantFileId: string): Observable<Page<AppointmentView>> {
    const params = new HttpParams().set('applicantFileId', applicantFileId).set('pageSize', MAX_PAGE_SIZE);
    return this.http.get<Page<AppointmentView>>('/api/appointments', { params });
  }

  /** The applicant's requests to be received, newest first, each with its one-month clock. */
  receptionRequests(applicantFileId: string): Observable<Page<ReceptionRequestView>> {
    const params = new HttpParams().set('pageSize', MAX_PAGE_SIZE);
    return this.http.get<Page<ReceptionRequestView>>(
      `/api/applicant-files/${encodeURIComponent(applicantFileId)}/reception-requests`,
      { params },
    );
  }

  recordReceptionRequest(
    applicantFileId: string,
    body: ReceptionRequestBody,
  ): Observable<ReceptionRequestView> {
    return this.http.post<ReceptionRequestView>(
      `/api/applicant-files/${encodeURIComponent(applicantFileId)}/reception-requests`,
      body,
    );
  }

  searchFiles(q: string): Observable<Page<ApplicantFileSummary>> {
    const params = new HttpParams().set('q', q).set('pageSize', 10);
    return this.http.get<Page<ApplicantFileSummary>>('/api/applicant-files', { params });
  }
}
