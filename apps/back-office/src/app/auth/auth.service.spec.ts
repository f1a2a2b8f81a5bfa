import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aLoginResponse, aUser } from '../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService, returnQuery, safeReturnUrl } from './auth.service';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'connexion', component: BlankPage },
        { path: '**', component: BlankPage },
      ]),
    ],
  });
  return {
    auth: TestBed.inject(AuthService),
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
  };
}

describe('AuthService', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('starts no session on a second factor’s challenge, and starts it with the code', async () => {
    const { auth, http } = setUp();
    const outcome = firstValueFrom(auth.login({ username: 'orthez.ts', password: 'demo' }));
    const challenge = { secondFactor: 'TOTP', challenge: 'c.1', expiresAt: '2026-06-15T10:10:00Z' };
    http.expectOne('/api/auth/login').flush(challenge);
    expect(await outcome).toEqual(challenge);
    expect(auth.user()).toBeNull();
    expect(auth.accessToken()).toBeNull();

    const signedIn = firstValueFrom(auth.loginWithSecondFactor({ challenge: 'c.1', code: '123456' }));
    const request = http.expectOne('/api/auth/login/second-factor');
    expect(request.request.body).toEqual({ challenge: 'c.1', code: '123456' });
    request.flush(aLoginResponse(2));
    await signedIn;
    expect(auth.accessToken()).toBe('access-2');
    expect(auth.user()?.displayName).toBe('Camille Etcheverry');
  });

  it('signs in: the access token in memory only, nothing in the page’s storage, the user known', async () => {
    const { auth, http } = setUp();
    const user = auth.login({ username: 'mourenx.agent', password: 'demo' });
    const signedIn = firstValueFrom(user);

    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'mourenx.agent', password: 'demo' });
    request.flush(aLoginResponse(1));

    expect(await signedIn).toMatchObject({ displayName: 'Camille Etcheverry' });
    expect(auth.accessToken()).toBe('access-1');
    expect(auth.user()?.role).toBe('INFO_POINT_AGENT');
    // The refresh token is an HttpOnly cookie the page never holds; nothing is written to storage.
    expect(Object.keys(sessionStorage)).toEqual([]);
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('derives the allowed actions from the role and the organisation capabilities', async () => {
    const { auth, http } = setUp();
    const signedIn = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse(1, aUser('LANDLORD_OFFICER')));
    await signedIn;
    expect(auth.actions().has('files.lifecycle')).toBe(true);

    const again = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
    const withoutCapability = aUser('LANDLORD_OFFICER', {
      organization: { id: 'o', name: 'COL', type: 'LANDLORD', registersDemands: false },
    });
    http.expectOne('/api/auth/login').flush(aLoginResponse(2, withoutCapability));
    await again;
    expect(auth.actions().has('files.lifecycle')).toBe(false);
    expect(auth.actions().has('files.list')).toBe(true);
  });

  it('refreshes with its cookie alone: no token in the body, a new access token each time', async () => {
    const { auth, http } = setUp();

    const first = firstValueFrom(auth.refresh());
    const firstCall = await expectRefresh(http);
    expect(firstCall.request.body).toBeNull();
    firstCall.flush(aLoginResponse(2));
    expect(await first).toBe('access-2');
    expect(auth.accessToken()).toBe('access-2');

    const second = firstValueFrom(auth.refresh());
    (await expectRefresh(http)).flush(aLoginResponse(3));
    expect(await second).toBe('access-3');
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { auth, http } = setUp();
    const callers = [
      firstValueFrom(auth.refresh()),
      firstValueFrom(auth.refresh()),
      firstValueFrom(auth.refresh()),
    ];
    (await expectRefresh(http)).flush(aLoginResponse(2));
    expect(await Promise.all(callers)).toEqual(['access-2', 'access-2', 'access-2']);
  });

  it('forgets the session when the server refuses the refresh, and does not ask again until a sign-in', async () => {
    const { auth, http } = setUp();
    const refreshed = firstValueFrom(auth.refresh());
    (await expectRefresh(http)).flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Jeton invalide' },
      { status: 401, statusText: 'x' },
    );
    await expect(refreshed).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.accessToken()).toBeNull();
    // No cookie, or a dead one: a guarded page does not try again.
    expect(await firstValueFrom(auth.ensureSession())).toBe(false);
    http.expectNone('/api/auth/refresh');
  });

  it('keeps trying after an unreachable server, which proves nothing about the session', async () => {
    const { auth, http } = setUp();
    const refreshed = firstValueFrom(auth.refresh());
    (await expectRefresh(http)).error(new ProgressEvent('error'), { status: 0 });
    await expect(refreshed).rejects.toBeInstanceOf(HttpErrorResponse);
    const restored = firstValueFrom(auth.ensureSession());
    (await expectRefresh(http)).flush(aLoginResponse(2));
    expect(await restored).toBe(true);
  });

  it('restores the session after a reload from the refresh cookie', async () => {
    const { auth, http } = setUp();
    expect(auth.user()).toBeNull();

    const restored = firstValueFrom(auth.ensureSession());
    (await expectRefresh(http)).flush(aLoginResponse(2, aUser('COORDINATOR')));

    expect(await restored).toBe(true);
    expect(auth.user()?.role).toBe('COORDINATOR');
    expect(await firstValueFrom(auth.ensureSession())).toBe(true); // no second request
  });

  it('logs out: clears everything, has the server end the session and clear its cookie, goes to the login page', async () => {
    const { auth, http, router } = setUp();
    const signedIn = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse(1));
    await signedIn;
    await router.navigateByUrl('/dossiers');

    const loggedOut = auth.logout();

    const revoke = http.expectOne('/api/auth/logout');
    expect(revoke.request.method).toBe('POST');
    expect(revoke.request.body).toBeNull();
    expect(revoke.request.headers.get('Authorization')).toBe('Bearer access-1');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await loggedOut;

    expect(auth.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
    expect(router.url).toBe('/connexion');
    expect(auth.sessionEnd()).toBeNull();
    // Signed out here: a guarded page does not try to restore the session.
    expect(await firstValueFrom(auth.ensureSession())).toBe(false);
  });

  it('logs out of a ProConnect session at the provider too: follows the redirectTo the server answers', async () => {
    const { auth, http, router } = setUp();
    const leave = jest.spyOn(auth, 'leave').mockImplementation(() => undefined);
    const signedIn = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse(1));
    await signedIn;
    await router.navigateByUrl('/dossiers');

    const loggedOut = auth.logout();
    const endSession =
      'http://127.0.0.1:9999/session/end?id_token_hint=ey&state=s&post_logout_redirect_uri=x';
    http.expectOne('/api/auth/logout').flush({ redirectTo: endSession });
    await loggedOut;

    expect(leave).toHaveBeenCalledWith(endSession);
    expect(auth.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
    // The provider sends the browser back to Passerelle: no navigation here meanwhile.
    expect(router.url).toBe('/dossiers');
  });

  it('logs out of a password session without leaving the application (204: no redirectTo)', async () => {
    const { auth, http, router } = setUp();
    const leave = jest.spyOn(auth, 'leave').mockImplementation(() => undefined);
    const loggedOut = auth.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await loggedOut;
    expect(leave).not.toHaveBeenCalled();
    expect(router.url).toBe('/connexion');
  });

  it('logs out locally even when the server cannot be reached', async () => {
    const { auth, http } = setUp();
    const loggedOut = auth.logout('idle');
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
    await loggedOut;
    expect(auth.sessionEnd()).toBe('idle');
  });
});

/** The refresh request, once the turn of this tab has come (Web Locks, when the browser has them). */
async function expectRefresh(http: HttpTestingController) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pending = http.match('/api/auth/refresh');
    if (pending.length > 1) throw new Error(`${pending.length} refresh requests`);
    if (pending[0]) return pending[0];
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('No refresh request');
}

describe('safeReturnUrl', () => {
  it.each([
    ['/dossiers/123?page=2', '/dossiers/123?page=2'],
    [undefined, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/connexion?retour=/x', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});

describe('returnQuery', () => {
  it.each([
    ['/dossiers/123?page=2', { retour: '/dossiers/123?page=2' }],
    ['/', {}],
    ['', {}],
    // Back from ProConnect's logout: the home page, with the provider's state.
    ['/?state=q82uXlHFLkVvX6j6hF_vVGKFbPsSg6AS3AEc8EWH7HA', {}],
    ['/connexion?retour=/x', {}],
  ])('%s → %j', (url, expected) => {
    expect(returnQuery(url)).toEqual(expected);
  });
});
