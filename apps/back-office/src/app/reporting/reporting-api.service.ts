import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Page,
  RenewalReminderItem,
  RenewalReminderView,
  ReportingIndicator,
  ReportingPeriodQuery,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import type { IndicatorReports } from './indicator-tables';

/** The reporting routes of the API (API.md `GET /api/reporting/…`) and the renewal reminders. */
@Injectable({ providedIn: 'root' })
export class ReportingApi {
  private readonly http = inject(HttpClient);

  indicator<I extends ReportingIndicator>(
    indicator: I,
    period: ReportingPeriodQuery,
  ): Observable<IndicatorReports[I]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(period)) {
      if (typeof value === 'string') params = params.set(key, value);
    }
    return this.http.get<IndicatorReports[I]>(`/api/reporting/${indicator}`, { params });
  }

  /** Registered demands due within the next month, not yet reminded, soonest first. */
  renewalReminders(page: number, pageSize: number): Observable<Page<RenewalReminderItem>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<RenewalReminderItem>>('/api/reporting/renewal-reminders', { params });
  }

  /** Records that the applicant was told (Passerelle itself sends nothing). */
  markReminded(applicantFileId: string): Observable<RenewalReminderView> {
    return this.http.post<RenewalReminderView>(
      `/api/applicant-files/${applicantFileId}/renewal-reminders`,
      {},
    );
  }
}
