import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type CurrentUser, allowedActions } from '@passerelle/shared/domain';
import { FakeClock } from '../testing/fake-clock';
import { aLoginResponse, aUser } from '../testing/users';
import { APP_ROUTES } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { CLOCK } from './auth/clock';
import { principalOf } from './auth/auth.service';
import { NAV_ITEMS } from './shell/navigation';
import { PasserelleTitleStrategy } from './title-strategy';

async function boot() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideRouter(APP_ROUTES, withComponentInputBinding()),
      { provide: TitleStrategy, useClass: PasserelleTitleStrategy },
      { provide: CLOCK, useValue: new FakeClock() },
    ],
  });
  return {
    harness: await RouterTestingHarness.create(),
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
  };
}

/** Navigates after a reload: the session comes back from the refresh cookie. */
async function openAsReloaded(user: CurrentUser, url: string) {
  const context = await boot();
  const navigation = context.harness.navigateByUrl(url);
  await flushRefresh(context.http, user);
  await navigation;
  context.harness.detectChanges();
  return context;
}

async function flushRefresh(http: HttpTestingController, user: CurrentUser) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pending = http.match('/api/auth/refresh');
    if (pending.length > 0) {
      pending.forEach((request) => request.flush(aLoginResponse(2, user)));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('No refresh request');
}

async function flushRefreshRefused(http: HttpTestingController) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pending = http.match('/api/auth/refresh');
    if (pending.length > 0) {
      pending.forEach((request) =>
        request.flush(
          { statusCode: 401, error: 'Unauthorized', message: 'Session ended' },
          { status: 401, statusText: 'Unauthorized' },
        ),
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('No refresh request');
}

function heading(harness: RouterTestingHarness): string | undefined {
  return harness.routeNativeElement?.ownerDocument.querySelector('h1')?.textContent?.trim();
}

describe('routes', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends a visitor without a session to the login page, remembering the way back', async () => {
    const { harness, router, http } = await boot();
    const navigation = harness.navigateByUrl('/dossiers/123');
    // No refresh cookie (or a dead one): the server refuses, once.
    await flushRefreshRefused(http);
    await navigation;
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary']?.toString()).toBe('connexion');
    expect(url.queryParams).toEqual({ retour: '/dossiers/123' });
    expect(TestBed.inject(Title).getTitle()).toBe('Connexion — Passerelle');
  });

  it('restores the session after a reload and opens the deep link', async () => {
    const { harness, router } = await openAsReloaded(aUser('INFO_POINT_AGENT'), '/dossiers');
    expect(router.url).toBe('/dossiers');
    expect(heading(harness)).toBe('Dossiers');
    expect(TestBed.inject(Title).getTitle()).toBe('Dossiers — Passerelle');
  });

  it('answers « Page introuvable » for an unknown URL', async () => {
    const { harness } = await openAsReloaded(aUser('INFO_POINT_AGENT'), '/nulle-part');
    expect(heading(harness)).toBe('Page introuvable');
    expect(TestBed.inject(Title).getTitle()).toBe('Page introuvable — Passerelle');
  });

  it('does not route a screen the navigation hides from the role', async () => {
    const { harness, router } = await openAsReloaded(aUser('RELAY_CLERK'), '/dossiers');
    expect(heading(harness)).toBe('Page introuvable');
    await harness.navigateByUrl('/administration/journal-des-acces');
    expect(heading(harness)).toBe('Page introuvable');
    await harness.navigateByUrl('/orientations/recues');
    expect(heading(harness)).toBe('Page introuvable');
    await harness.navigateByUrl('/orientations');
    expect(router.url).toBe('/orientations/nouvelle');
    expect(heading(harness)).toBe('Nouvelle orientation');
  });

  it('opens the page of a file the relay clerk referred, though not the list of files', async () => {
    const { harness, http } = await openAsReloaded(aUser('RELAY_CLERK'), '/dossiers/file-7');
    expect(heading(harness)).toBe('Dossier');
    http.expectOne('/api/applicant-files/file-7');
  });

  it.each(['COORDINATOR', 'RELAY_CLERK', 'LANDLORD_OFFICER'] as const)(
    'every navigation entry of a %s opens its own screen',
    async (role) => {
      const user = aUser(role);
      const { harness } = await openAsReloaded(user, '/');
      const actions = new Set(allowedActions(principalOf(user)));
      const visible = NAV_ITEMS.filter((item) => item.visible(actions, user.role));
      const links = [...harness.fixture.nativeElement.querySelectorAll('mat-nav-list a')].map((link) =>
        (link as HTMLElement).textContent?.trim(),
      );
      expect(links).toEqual(visible.map((item) => item.label));

      for (const item of visible.filter((candidate) => candidate.path !== '/')) {
        await harness.navigateByUrl(item.path);
        expect(heading(harness)).toBe(item.label);
      }
    },
  );

  it('greets the user on the home page, with the relay clerk main task first', async () => {
    const { harness } = await openAsReloaded(aUser('RELAY_CLERK', { displayName: 'Maïté Lasserre' }), '/');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(heading(harness)).toBe('Bonjour, Maïté Lasserre');
    expect(page.textContent).toContain('Agent de point-relais — Mairie de Lagor');
    const mainTask = page.querySelector<HTMLAnchorElement>('main a[href="/orientations/nouvelle"]');
    expect(mainTask?.textContent?.trim()).toBe('Nouvelle orientation');
  });

  it('shows who is signed in in the toolbar', async () => {
    const { harness } = await openAsReloaded(aUser('COORDINATOR', { displayName: 'Jean Darrigrand' }), '/');
    const toolbar = (harness.fixture.nativeElement as HTMLElement).querySelector('mat-toolbar');
    expect(toolbar?.textContent).toContain('Jean Darrigrand');
    expect(toolbar?.textContent).toContain('Coordination CCLO · CCLO');
    expect(toolbar?.textContent).toContain('Se déconnecter');
    expect(
      (harness.fixture.nativeElement as HTMLElement).querySelector('main a[href="/orientations/nouvelle"]'),
    ).toBeNull();
  });
});
