import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditAction,
  AuditEntryView,
  CommuneView,
  CreateOrganizationRequest,
  CreateUserRequest,
  OpenAccountRequest,
  OrganizationView,
  Page,
  ProConnectRequestView,
  UpdateOrganizationRequest,
  UpdateUserRequest,
  UserView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';

export interface AuditFilters {
  userId?: string;
  /** The account or organisation an administration entry changed. */
  targetId?: string;
  applicantFileId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

function withDefined(params: HttpParams, values: object): HttpParams {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** The coordinator's routes: users, organisations, the access log. */
@Injectable({ providedIn: 'root' })
export class AdminService {
  private readonly http = inject(HttpClient);

  users(page: number, pageSize: number): Observable<Page<UserView>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<UserView>>('/api/users', { params });
  }

  createUser(request: CreateUserRequest): Observable<UserWithActivationCode> {
    return this.http.post<UserWithActivationCode>('/api/users', request);
  }

  updateUser(id: string, request: UpdateUserRequest): Observable<UserWithActivationCode> {
    return this.http.patch<UserWithActivationCode>(`/api/users/${id}`, request);
  }

  /** Agents whom ProConnect let in but who have no account. */
  proconnectRequests(): Observable<ProConnectRequestView[]> {
    return this.http.get<ProConnectRequestView[]>('/api/proconnect-requests');
  }

  openAccount(requestId: string, request: OpenAccountRequest): Observable<UserWithActivationCode> {
    return this.http.post<UserWithActivationCode>(`/api/proconnect-requests/${requestId}/account`, request);
  }

  organizations(): Observable<OrganizationView[]> {
    return this.http.get<OrganizationView[]>('/api/organizations');
  }

  communes(): Observable<CommuneView[]> {
    return this.http.get<CommuneView[]>('/api/communes');
  }

  createOrganization(request: CreateOrganizationRequest): Observable<OrganizationView> {
    return this.http.post<OrganizationView>('/api/organizations', request);
  }

  updateOrganization(id: string, request: UpdateOrganizationRequest): Observable<OrganizationView> {
    return this.http.patch<OrganizationView>(`/api/organizations/${id}`, request);
  }

  auditEntries(filters: AuditFilters, page: number, pageSize: number): Observable<Page<AuditEntryView>> {
    const params = withDefined(new HttpParams().set('page', page).set('pageSize', pageSize), filters);
    return this.http.get<Page<AuditEntryView>>('/api/audit-entries', { params });
  }
}
