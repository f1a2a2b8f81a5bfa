import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEntryView, OrganizationView, Page, UserView } from '@passerelle/shared/domain';
import { AuditLogPage } from './audit-log.page';

const ACCOUNT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const COORDINATOR = '0b6d2a4c-1111-4222-8333-944455556666';

const user = (id: string, displayName: string, username: string): UserView => ({
  id,
  username,
  displayName,
  role: 'INFO_POINT_AGENT',
  organization: { id: 'o1', name: 'Point-info', type: 'INFO_POINT' },
  active: true,
  email: null,
  proconnect: false,
  activated: true,
  secondFactor: false,
  createdAt: '2026-01-01T00:00:00Z',
});

const admin = (entry: Partial<AuditEntryView>): AuditEntryView => ({
  id: crypto.randomUUID(),
  at: '2026-06-15T08:30:00Z',
  userId: COORDINATOR,
  username: 'cclo.coordination',
  organizationId: null,
  action: 'ADMIN',
  route: 'PATCH /api/users/:id',
  requestId: null,
  clientAddress: null,
  ...entry,
});

async function openLog(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'journal', component: AuditLogPage }]),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  const users: Page<UserView> = {
    items: [
      user(COORDINATOR, 'Coordination CCLO', 'cclo.coordination'),
      user(ACCOUNT, 'Maddi Etcheverry', 'm.e'),
    ],
    total: 2,
    page: 1,
    pageSize: 100,
  };
  http.expectOne((request) => request.url === '/api/users').flush(users);
  http.expectOne('/api/organizations').flush([] satisfies OrganizationView[]);
  // Pending requests keep the page unstable: flush them before waiting.
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { harness, http, settle, router: TestBed.inject(Router) };
}

describe('AuditLogPage', () => {
  it('opens on the account the address names, and says who reset it, from which address, in which request', async () => {
    const { harness, http, settle } = await openLog(`/journal?cible=${ACCOUNT}`);
    const request = http.expectOne((r) => r.url === '/api/audit-entries');
    expect(request.request.params.get('targetId')).toBe(ACCOUNT);
    const target = { type: 'USER' as const, id: ACCOUNT, name: 'Maddi Etcheverry' };
    request.flush({
      items: [
        admin({
          target,
          requestId: 'audit-reset-1234',
          clientAddress: '203.0.113.7',
          changedFields: [{ field: 'activationCode' }],
        }),
        admin({
          target,
          changedFields: [
            { field: 'displayName' },
            { field: 'role', from: 'INFO_POINT_AGENT', to: 'SOCIAL_WORKER' },
            { field: 'active', from: true, to: false },
          ],
        }),
        admin({ target, changedFields: [] }),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    } satisfies Page<AuditEntryView>);
    await settle();

    const rows = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows[0]?.slice(1, 6)).toEqual([
      'Coordination CCLO (cclo.coordination)',
      'Administration',
      'Compte : Maddi Etcheverry',
      'Nouveau code d’activation',
      '203.0.113.7',
    ]);
    expect(rows[0]?.[6]).toMatch(/^PATCH \/api\/users\/:id\s*n° audit-reset-1234$/);
    const changes = [
      ...(harness.routeNativeElement as HTMLElement).querySelectorAll('tbody tr:nth-child(2) li'),
    ].map((item) => item.textContent?.trim());
    expect(changes).toEqual([
      'Nom et prénom',
      'Rôle : Agent de point-info → Travailleur social',
      'Compte actif : oui → non',
    ]);
    expect(rows[1]?.[5]).toBe('—');
    expect(rows[2]?.[4]).toBe('Aucune');
  });

  it('ignores an address that names no account', async () => {
    const { http, settle } = await openLog('/journal?cible=Etcheverry');
    const request = http.expectOne((r) => r.url === '/api/audit-entries');
    expect(request.request.params.has('targetId')).toBe(false);
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 } satisfies Page<AuditEntryView>);
    await settle();
  });
});
