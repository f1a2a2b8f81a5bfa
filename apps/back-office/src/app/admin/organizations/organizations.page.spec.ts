import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationView } from '@passerelle/shared/domain';
import { OrganizationsPage } from './organizations.page';

const organizations: OrganizationView[] = [
  {
    id: 'o-lagor',
    name: 'Mairie de Lagor',
    type: 'RELAY_POINT',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: 'o-ccas',
    name: 'CCAS d’Orthez',
    type: 'SOCIAL_SERVICE',
    registersDemands: false,
    requiresProConnect: true,
  },
];

async function openPage() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(OrganizationsPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/api/communes').flush([]);
  http.expectOne('/api/organizations').flush(organizations);
  await fixture.whenStable();
  fixture.detectChanges();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  /** The switch of that organisation, found by its accessible name. */
  const toggle = async (name: string): Promise<MatSlideToggleHarness> => {
    for (const candidate of await loader.getAllHarnesses(
      MatSlideToggleHarness.with({ label: 'Obligatoire' }),
    ))
      if ((await candidate.getAriaLabel()) === `Connexion par ProConnect obligatoire pour ${name}`)
        return candidate;
    throw new Error(`No switch for ${name}`);
  };
  return { fixture, http, toggle, page: fixture.nativeElement as HTMLElement };
}

describe('OrganizationsPage: « Connexion par ProConnect obligatoire »', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows, per organisation, whether its members must sign in with ProConnect', async () => {
    const { toggle, page } = await openPage();
    expect(page.querySelector('thead')?.textContent).toContain('Connexion par ProConnect');
    expect(await (await toggle('Mairie de Lagor')).isChecked()).toBe(false);
    expect(await (await toggle('CCAS d’Orthez')).isChecked()).toBe(true);
  });

  it('switches it on with PATCH { requiresProConnect: true }, says what it means, and shows the list again', async () => {
    const { fixture, http, toggle, page } = await openPage();
    await (await toggle('Mairie de Lagor')).toggle();
    const patch = http.expectOne('/api/organizations/o-lagor');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ requiresProConnect: true });
    patch.flush({ ...organizations[0], requiresProConnect: true });
    await fixture.whenStable();
    fixture.detectChanges();
    http
      .expectOne('/api/organizations')
      .flush([{ ...organizations[0], requiresProConnect: true }, organizations[1]]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(page.textContent).toContain(
      'Les membres de Mairie de Lagor se connectent désormais avec ProConnect uniquement (plus de mot de passe).',
    );
    expect(await (await toggle('Mairie de Lagor')).isChecked()).toBe(true);
  });

  it('switches it off with PATCH { requiresProConnect: false }', async () => {
    const { fixture, http, toggle, page } = await openPage();
    await (await toggle('CCAS d’Orthez')).toggle();
    const patch = http.expectOne('/api/organizations/o-ccas');
    expect(patch.request.body).toEqual({ requiresProConnect: false });
    patch.flush({ ...organizations[1], requiresProConnect: false });
    await fixture.whenStable();
    fixture.detectChanges();
    http
      .expectOne('/api/organizations')
      .flush([organizations[0], { ...organizations[1], requiresProConnect: false }]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(page.textContent).toContain(
      'Les membres de CCAS d’Orthez peuvent de nouveau se connecter avec leur mot de passe.',
    );
  });

  it('puts the switch back and says why when the server refuses', async () => {
    const { fixture, http, toggle, page } = await openPage();
    const lagor = await toggle('Mairie de Lagor');
    await lagor.toggle();
    http
      .expectOne('/api/organizations/o-lagor')
      .flush({ statusCode: 403, error: 'Forbidden', message: 'x' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(await lagor.isChecked()).toBe(false);
    expect(page.querySelector('bo-page-message')?.textContent).toContain('La modification de l’organisation');
  });
});
