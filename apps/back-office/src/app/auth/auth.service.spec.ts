import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aLoginResponse, aUser } from '../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService, NoSessionError, safeReturnUrl } from './auth.service';
import { REFRESH_TOKEN_KEY } from './session-storage';

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
  beforeEach(() => sessionStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in: access token in memory only, refresh token in sessionStorage, user known', async () => {
    const { auth, http } = setUp();
    const user = auth.login({ username: 'mourenx.agent', password: 'demo' });
    const signedIn = firstValueFrom(user);

    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'mourenx.agent', password: 'demo' });
    request.flush(aLoginResponse(1));

    expect((await signedIn).displayName).toBe('Camille Etcheverry');
    expect(auth.accessToken()).toBe('access-1');
    expect(auth.user()?.role).toBe('INFO_POINT_AGENT');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    // Nothing but the refresh token is written to storage.
    expect(Object.keys(sessionStorage)).toEqual([REFRESH_TOKEN_KEY]);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('access-1');
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

  it('rotates tokens on refresh and always sends the latest refresh token', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');

    const first = firstValueFrom(auth.refresh());
    const firstCall = http.expectOne('/api/auth/refresh');
    expect(firstCall.request.body).toEqual({ refreshToken: 'refresh-1' });
    firstCall.flush(aLoginResponse(2));
    expect(await first).toBe('access-2');
    expect(auth.accessToken()).toBe('access-2');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');

    const second = firstValueFrom(auth.refresh());
    const secondCall = http.expectOne('/api/auth/refresh');
    expect(secondCall.request.body).toEqual({ refreshToken: 'refresh-2' });
    secondCall.flush(aLoginResponse(3));
    expect(await second).toBe('access-3');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-3');
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');

    const callers = [
      firstValueFrom(auth.refresh()),
      firstValueFrom(auth.refresh()),
      firstValueFrom(auth.refresh()),
    ];
    http.expectOne('/api/auth/refresh').flush(aLoginResponse(2));

    expect(await Promise.all(callers)).toEqual(['access-2', 'access-2', 'access-2']);
  });

  it('forgets the session when the server refuses the refresh token', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'revoked');

    const refreshed = firstValueFrom(auth.refresh());
    http
      .expectOne('/api/auth/refresh')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Jeton invalide' },
        { status: 401, statusText: 'x' },
      );

    await expect(refreshed).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(auth.accessToken()).toBeNull();
    expect(auth.hasRefreshToken()).toBe(false);
  });

  it('keeps the refresh token when the server is unreachable, to try again later', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');

    const refreshed = firstValueFrom(auth.refresh());
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), { status: 0 });

    await expect(refreshed).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('fails a refresh without a refresh token, without calling the server', async () => {
    const { auth } = setUp();
    await expect(firstValueFrom(auth.refresh())).rejects.toBeInstanceOf(NoSessionError);
  });

  it('restores the session after a reload from the refresh token alone', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    expect(auth.user()).toBeNull();

    const restored = firstValueFrom(auth.ensureSession());
    http.expectOne('/api/auth/refresh').flush(aLoginResponse(2, aUser('COORDINATOR')));

    expect(await restored).toBe(true);
    expect(auth.user()?.role).toBe('COORDINATOR');
    expect(await firstValueFrom(auth.ensureSession())).toBe(true); // no second request
  });

  it('logs out: clears everything, revokes the refresh token, goes to the login page', async () => {
    const { auth, http, router } = setUp();
    const signedIn = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse(1));
    await signedIn;
    await router.navigateByUrl('/dossiers');

    const loggedOut = auth.logout();

    const revoke = http.expectOne('/api/auth/logout');
    expect(revoke.request.method).toBe('POST');
    expect(revoke.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(revoke.request.headers.get('Authorization')).toBe('Bearer access-1');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await loggedOut;

    expect(auth.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(router.url).toBe('/connexion');
    expect(auth.sessionEnd()).toBeNull();
  });

  it('logs out locally even when the revocation fails', async () => {
    const { auth, http } = setUp();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const loggedOut = auth.logout('idle');
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
    await loggedOut;
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(auth.sessionEnd()).toBe('idle');
  });
});

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
