import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aLoginResponse } from '../../../testing/users';
import { authInterceptor } from '../auth.interceptor';
import { AuthService } from '../auth.service';
import { LoginPage } from './login.page';

@Component({ template: '<h1>Écran</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class ScreenStub {}

async function openLoginPage(url = '/connexion') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideRouter(
        [
          { path: 'connexion', component: LoginPage },
          { path: '**', component: ScreenStub },
        ],
        withComponentInputBinding(),
      ),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const page = harness.routeNativeElement as HTMLElement;
  return { harness, page, http: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
}

function fill(page: HTMLElement, label: string, value: string): void {
  const field = [...page.querySelectorAll('mat-form-field')].find((candidate) =>
    candidate.querySelector('mat-label')?.textContent?.includes(label),
  );
  const input = field?.querySelector('input');
  if (!input) throw new Error(`No field labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function submit(harness: RouterTestingHarness, page: HTMLElement, password = 'demo') {
  fill(page, 'Identifiant', 'lagor.relais');
  fill(page, 'Mot de passe', password);
  page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await harness.fixture.whenStable();
}

async function settle(harness: RouterTestingHarness) {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
  harness.detectChanges();
}

describe('LoginPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('is in French: labelled fields and the button', async () => {
    const { page } = await openLoginPage();
    const labels = [...page.querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Identifiant', 'Mot de passe']);
    expect(page.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Se connecter');
    expect(page.querySelector('input[type="password"]')?.getAttribute('autocomplete')).toBe(
      'current-password',
    );
  });

  it.each([
    [401, 'Identifiant ou mot de passe incorrect.'],
    [429, 'Trop de tentatives. Réessayez dans quelques minutes.'],
    [503, 'Passerelle est momentanément indisponible. Réessayez dans quelques instants.'],
    [502, 'Le serveur Passerelle ne répond pas.'],
    [500, 'erreur inattendue'],
  ])('explains a %i in French', async (status, message) => {
    const { harness, page, http } = await openLoginPage();
    await submit(harness, page, 'mauvais');
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: status, error: 'x', message: 'x' }, { status, statusText: 'x' });
    await settle(harness);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(message);
  });

  it('says in French how long to wait after too many attempts', async () => {
    const { harness, page, http } = await openLoginPage();
    await submit(harness, page, 'mauvais');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'x' },
        { status: 429, statusText: 'x', headers: { 'Retry-After': '717' } },
      );
    await settle(harness);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'Trop de tentatives. Réessayez dans 12 minutes.',
    );
  });

  it('after a refusal, empties the password without calling it an input error, and focuses it', async () => {
    const { harness, page, http } = await openLoginPage();
    await submit(harness, page, 'mauvais');
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'x' }, { status: 401, statusText: 'x' });
    await settle(harness);
    const password = page.querySelector<HTMLInputElement>('input[type="password"]');
    expect(password?.value).toBe('');
    expect(page.ownerDocument.activeElement).toBe(password);
    expect(page.textContent).not.toContain('Saisissez votre mot de passe.');
    expect(page.querySelector<HTMLInputElement>('input[autocomplete="username"]')?.value).toBe(
      'lagor.relais',
    );
  });

  it('says so when the server cannot be reached', async () => {
    const { harness, page, http } = await openLoginPage();
    await submit(harness, page);
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
    await settle(harness);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'Le serveur Passerelle ne répond pas.',
    );
  });

  it('asks for both fields before calling the server', async () => {
    const { harness, page, http } = await openLoginPage();
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    http.expectNone('/api/auth/login');
    expect(page.textContent).toContain('Saisissez votre identifiant.');
    expect(page.textContent).toContain('Saisissez votre mot de passe.');
  });

  it('goes back to the page asked for before signing in', async () => {
    const { harness, page, http, router } = await openLoginPage('/connexion?retour=%2Fdossiers%2F123');
    await submit(harness, page);
    http.expectOne('/api/auth/login').flush(aLoginResponse(1));
    await settle(harness);
    expect(router.url).toBe('/dossiers/123');
  });

  it('never follows a return address outside the application', async () => {
    const { harness, page, http, router } = await openLoginPage('/connexion?retour=https:%2F%2Fevil.example');
    await submit(harness, page);
    http.expectOne('/api/auth/login').flush(aLoginResponse(1));
    await settle(harness);
    expect(router.url).toBe('/');
  });

  it('asks the second factor after a correct password, then goes where it was asked to', async () => {
    const { harness, page, http, router } = await openLoginPage('/connexion?retour=%2Fdossiers%2F123');
    await submit(harness, page);
    const challenge = { secondFactor: 'TOTP', challenge: 'c.1', expiresAt: '2026-06-15T10:10:00Z' };
    http.expectOne('/api/auth/login').flush(challenge);
    await settle(harness);
    expect(router.url).toBe('/connexion?retour=%2Fdossiers%2F123');
    expect(page.querySelector('input[type="password"]')).toBeNull();
    expect(page.textContent).toContain('Vérification en deux étapes');

    fill(page, 'Code de vérification', '123456');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const wrong = http.expectOne('/api/auth/login/second-factor');
    expect(wrong.request.body).toEqual({ challenge: 'c.1', code: '123456' });
    wrong.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Invalid code' },
      { status: 401, statusText: 'x' },
    );
    await settle(harness);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Code incorrect ou déjà utilisé.');

    fill(page, 'Code de vérification', ' abcd-efgh-jkmn-pqrs ');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const right = http.expectOne('/api/auth/login/second-factor');
    expect(right.request.body).toEqual({ challenge: 'c.1', code: 'abcd-efgh-jkmn-pqrs' });
    right.flush(aLoginResponse(1));
    await settle(harness);
    expect(router.url).toBe('/dossiers/123');
  });

  it('says a sign-in whose challenge expired must start again, and starts again', async () => {
    const { harness, page, http } = await openLoginPage();
    await submit(harness, page);
    http
      .expectOne('/api/auth/login')
      .flush({ secondFactor: 'TOTP', challenge: 'c.1', expiresAt: '2026-06-15T10:10:00Z' });
    await settle(harness);
    fill(page, 'Code de vérification', '123456');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    http.expectOne('/api/auth/login/second-factor').flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'This sign-in has expired: sign in again with your password',
      },
      { status: 401, statusText: 'x' },
    );
    await settle(harness);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Cette connexion a expiré.');
    [...page.querySelectorAll('button')].find((b) => b.textContent?.includes('Recommencer'))?.click();
    await settle(harness);
    expect(page.querySelector('input[type="password"]')).not.toBeNull();
  });

  it('makes an account whose role requires it enrol, and shows the recovery codes once before going on', async () => {
    const { harness, page, http, router } = await openLoginPage();
    await submit(harness, page);
    http
      .expectOne('/api/auth/login')
      .flush({ secondFactor: 'ENROL', challenge: 'c.2', expiresAt: '2026-06-15T10:10:00Z' });
    await settle(harness);
    const enrolment = http.expectOne('/api/auth/login/second-factor/enrolment');
    expect(enrolment.request.body).toEqual({ challenge: 'c.2' });
    enrolment.flush({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/Passerelle:lagor.relais?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      qrCode: 'data:image/png;base64,iVBORw0KGgo=',
    });
    await settle(harness);
    expect(page.querySelector('img')?.getAttribute('alt')).toContain('QR code');
    expect(page.querySelector('[data-testid="totp-secret"]')?.textContent).toContain('JBSW Y3DP EHPK 3PXP');
    fill(page, 'Code de l’application', '654321');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const codes = Array.from({ length: 10 }, (_, i) => `AAAA-BBBB-CCCC-DDD${i}`);
    http.expectOne('/api/auth/login/second-factor').flush({ ...aLoginResponse(1), recoveryCodes: codes });
    await settle(harness);
    expect(router.url).toBe('/connexion');
    expect([...page.querySelectorAll('li code')].map((code) => code.textContent)).toEqual(codes);
    [...page.querySelectorAll('button')].find((b) => b.textContent?.includes('J’ai noté mes codes'))?.click();
    await settle(harness);
    expect(router.url).toBe('/');
  });

  it('offers « S’identifier avec ProConnect » above the password form when the server says so', async () => {
    const { harness, page, http } = await openLoginPage();
    http.expectOne('/api/auth/methods').flush({ proconnect: true });
    await settle(harness);
    const button = page.querySelector<HTMLAnchorElement>('a.proconnect-button');
    expect(button?.textContent?.replace(/\s+/g, ' ').trim()).toBe('S’identifier avec ProConnect');
    // A full-page navigation to the API, which sends the browser on to ProConnect.
    expect(button?.getAttribute('href')).toBe('/api/auth/proconnect/login');
    const form = page.querySelector('form');
    expect(
      form && button && button.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const help = [...page.querySelectorAll('a')].find((link) =>
      link.textContent?.includes('Qu’est-ce que ProConnect ?'),
    );
    expect(help?.getAttribute('target')).toBe('_blank');
    expect(help?.getAttribute('rel')).toContain('noopener');
    expect(help?.textContent).toContain('(nouvelle fenêtre)');
  });

  it.each([
    [
      'the server says no',
      (http: HttpTestingController) => http.expectOne('/api/auth/methods').flush({ proconnect: false }),
    ],
    [
      'the server cannot say',
      (http: HttpTestingController) =>
        http.expectOne('/api/auth/methods').error(new ProgressEvent('error'), { status: 0 }),
    ],
  ])('offers no ProConnect button when %s', async (_case, answer) => {
    const { harness, page, http } = await openLoginPage();
    answer(http);
    await settle(harness);
    expect(page.querySelector('a.proconnect-button')).toBeNull();
    expect(page.textContent).not.toContain('ProConnect');
    expect(page.querySelector('form')).not.toBeNull();
  });

  it('tells why the session ended after inactivity', async () => {
    const { harness, http } = await openLoginPage('/ailleurs');
    const loggedOut = TestBed.inject(AuthService).logout('idle');
    http.expectOne('/api/auth/logout').flush(null);
    await loggedOut;
    harness.detectChanges();
    expect(
      (harness.routeNativeElement as HTMLElement).querySelector('[role="status"]')?.textContent,
    ).toContain("Votre session a expiré après 30 minutes d'inactivité.");
  });
});
