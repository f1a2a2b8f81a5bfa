import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type {
  OrganizationView,
  Page,
  ProConnectRequestView,
  UserView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { UsersPage } from './users.page';

const organizations: OrganizationView[] = [
  {
    id: 'o-mont',
    name: 'Mairie de Mont',
    type: 'RELAY_POINT',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: 'o-mourenx',
    name: 'Point-info logement social de Mourenx',
    type: 'INFO_POINT',
    registersDemands: true,
    requiresProConnect: false,
  },
];

const request: ProConnectRequestView = {
  id: 'r-1',
  email: 'jeanne.cazaux@mont.example',
  givenName: 'Jeanne',
  usualName: 'Cazaux',
  siret: '21640396400011',
  organizationLabel: 'Mairie de Mont',
  createdAt: '2026-06-15T08:00:00Z',
  lastAttemptAt: '2026-06-15T08:30:00Z',
};

const jeanne: UserView = {
  id: 'u-jeanne',
  username: 'jeanne.cazaux',
  displayName: 'Jeanne Cazaux',
  email: 'jeanne.cazaux@mont.example',
  role: 'RELAY_CLERK',
  organization: { id: 'o-mont', name: 'Mairie de Mont', type: 'RELAY_POINT' },
  active: true,
  proconnect: true,
  activated: false,
  secondFactor: false,
  createdAt: '2026-06-15T09:00:00Z',
};

const page = (items: UserView[]): Page<UserView> => ({ items, total: items.length, page: 1, pageSize: 50 });

async function openUsers(requests: ProConnectRequestView[], users: UserView[] = []) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(UsersPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  // Pending requests keep the page unstable: answered before waiting.
  TestBed.tick();
  http.expectOne('/api/organizations').flush(organizations);
  http.expectOne((r) => r.url === '/api/users').flush(page(users));
  http.expectOne('/api/proconnect-requests').flush(requests);
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, element, settle, loader: TestbedHarnessEnvironment.loader(fixture) };
}

const requestsSection = (element: HTMLElement) =>
  element.querySelector<HTMLElement>('section[aria-labelledby="requests-title"]');

describe('UsersPage: the ProConnect requests', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the agents whom ProConnect identified but who have no account, with what ProConnect said', async () => {
    const { element } = await openUsers([request]);
    const section = requestsSection(element);
    expect(section?.querySelector('h2')?.textContent).toBe('Demandes d’accès par ProConnect');
    expect(section?.textContent).toContain('Jeanne Cazaux');
    expect(section?.textContent).toContain('jeanne.cazaux@mont.example');
    expect(section?.textContent).toContain('Mairie de Mont');
    expect(section?.textContent).toContain('SIRET 21640396400011');
    expect(section?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Ouvrir un compte pour Jeanne Cazaux',
    );
  });

  it('shows no such section when nobody waits', async () => {
    const { element } = await openUsers([]);
    expect(requestsSection(element)).toBeNull();
  });

  it('« Ouvrir un compte »: the form prefilled with the name and e-mail; role and organisation chosen; the account opened and linked, no activation code', async () => {
    const { fixture, http, element, settle, loader } = await openUsers([request]);
    requestsSection(element)?.querySelector('button')?.click();
    await settle();

    const value = (name: string) =>
      element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)?.value;
    expect(element.querySelector('#create-title')?.textContent).toBe('Ouvrir un compte ProConnect');
    expect(value('displayName')).toBe('Jeanne Cazaux');
    expect(value('username')).toBe('jeanne.cazaux');
    expect(value('email')).toBe('jeanne.cazaux@mont.example');

    const [role, organization] = await loader.getAllHarnesses(MatSelectHarness);
    await role?.clickOptions({ text: 'Agent de point-relais' });
    await organization?.clickOptions({ text: 'Mairie de Mont' });
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    const opening = http.expectOne('/api/proconnect-requests/r-1/account');
    expect(opening.request.method).toBe('POST');
    expect(opening.request.body).toEqual({
      displayName: 'Jeanne Cazaux',
      username: 'jeanne.cazaux',
      email: 'jeanne.cazaux@mont.example',
      role: 'RELAY_CLERK',
      organizationId: 'o-mont',
    });
    opening.flush({ user: jeanne } satisfies UserWithActivationCode);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne('/api/proconnect-requests').flush([]);
    http.expectOne((r) => r.url === '/api/users').flush(page([jeanne]));
    await settle();

    expect(element.textContent).toContain(
      'Le compte de Jeanne Cazaux est ouvert : cette personne se connecte avec ProConnect.',
    );
    expect(element.querySelector('#activation-code')).toBeNull();
    expect(requestsSection(element)).toBeNull();
    // Linked to ProConnect: no activation pending.
    const row = [...element.querySelectorAll('tbody tr')].find((tr) =>
      tr.textContent?.includes('jeanne.cazaux'),
    );
    expect(row?.textContent).toContain('Se connecte avec ProConnect');
    expect(row?.textContent).not.toContain('En attente d’activation');
    fixture.destroy();
  });
});
