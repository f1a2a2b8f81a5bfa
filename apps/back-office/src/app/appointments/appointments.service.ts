import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type ApplicantFileSummary,
  type AppointmentView,
  type CreateAppointmentRequest,
  MAX_PAGE_SIZE,
  type Page,
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

  searchFiles(q: string): Observable<Page<ApplicantFileSummary>> {
    const params = new HttpParams().set('q', q).set('pageSize', 10);
    return this.http.get<Page<ApplicantFileSummary>>('/api/applicant-files', { params });
  }
}
