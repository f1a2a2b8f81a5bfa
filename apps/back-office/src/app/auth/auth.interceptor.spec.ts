import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aLoginResponse } from '../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const UNAUTHORIZED_BODY = { statusCode: 401, error: 'Unauthorized', message: 'Jeton expiré' };

async function signedIn() {
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
  const auth = TestBed.inject(AuthService);
  const http = TestBed.inject(HttpTestingController);
  const login = firstValueFrom(auth.login({ username: 'u', password: 'p' }));
  http.expectOne('/api/auth/login').flush(aLoginResponse(1));
  await login;
  return { auth, http, client: TestBed.inject(HttpClient), router: TestBed.inject(Router) };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

/** The refresh's answer reaches the replays through a promise: let it. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('authInterceptor', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('adds the bearer token to API calls, and to nothing else', async () => {
    const { http, client } = await signedIn();

    void firstValueFrom(client.get('/api/communes'));
    void firstValueFrom(client.get('https://tiles.example.org/map.json'));

    expect(http.expectOne('/api/communes').request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(http.expectOne('https://tiles.example.org/map.json').request.headers.has('Authorization')).toBe(
      false,
    );
  });

  it('on a 401 refreshes once and replays the call with the new token', async () => {
    const { http, client } = await signedIn();
    const answer = firstValueFrom(client.get<{ n: number }>('/api/applicant-files'));

    http.expectOne('/api/applicant-files').flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    const refresh = http.expectOne('/api/auth/refresh');
    // The refresh cookie goes by itself (HttpOnly): no token in the body.
    expect(refresh.request.body).toBeNull();
    refresh.flush(aLoginResponse(2));
    await settled();

    const replayed = http.expectOne('/api/applicant-files');
    expect(replayed.request.headers.get('Authorization')).toBe('Bearer access-2');
    replayed.flush({ n: 42 });
    expect(await answer).toEqual({ n: 42 });
  });

  it('shares one refresh between calls that fail together', async () => {
    const { http, client } = await signedIn();
    const answers = [
      firstValueFrom(client.get('/api/communes')),
      firstValueFrom(client.get('/api/organizations')),
      firstValueFrom(client.get('/api/auth/me')),
    ];

    for (const url of ['/api/communes', '/api/organizations', '/api/auth/me']) {
      http.expectOne(url).flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    }
    // One refresh for the three failures (expectOne fails on two).
    http.expectOne('/api/auth/refresh').flush(aLoginResponse(2));
    await settled();

    for (const url of ['/api/communes', '/api/organizations', '/api/auth/me']) {
      const replay = http.expectOne(url);
      expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
      replay.flush([]);
    }
    await expect(Promise.all(answers)).resolves.toHaveLength(3);
  });

  it('replays without refreshing when the session was renewed while the call travelled', async () => {
    const { auth, http, client } = await signedIn();
    const slow = firstValueFrom(client.get('/api/communes'));
    const slowRequest = http.expectOne('/api/communes');

    const renewed = firstValueFrom(auth.refresh());
    http.expectOne('/api/auth/refresh').flush(aLoginResponse(2));
    await renewed;

    slowRequest.flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    http.expectNone('/api/auth/refresh');
    const replay = http.expectOne('/api/communes');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
    replay.flush([]);
    await slow;
  });

  it('sends the user to the login page, with the way back, when the refresh fails', async () => {
    const { auth, http, client, router } = await signedIn();
    await router.navigateByUrl('/dossiers/123');
    const answer = firstValueFrom(client.get('/api/applicant-files/123'));

    http.expectOne('/api/applicant-files/123').flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(UNAUTHORIZED_BODY, UNAUTHORIZED);

    await expect(answer).rejects.toMatchObject({ status: 401 });
    await until(() => router.url.startsWith('/connexion'));
    const target = router.parseUrl(router.url);
    expect(target.root.children['primary']?.segments.map((segment) => segment.path)).toEqual(['connexion']);
    expect(target.queryParams).toEqual({ retour: '/dossiers/123' });
    expect(auth.user()).toBeNull();
    expect(auth.sessionEnd()).toBe('expired');
  });

  it('keeps the user in place when the server cannot be reached during the refresh', async () => {
    const { auth, http, client, router } = await signedIn();
    await router.navigateByUrl('/dossiers');
    const answer = firstValueFrom(client.get('/api/applicant-files'));

    http.expectOne('/api/applicant-files').flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), { status: 0 });

    await expect(answer).rejects.toMatchObject({ status: 0 });
    expect(router.url).toBe('/dossiers');
    expect(auth.sessionEnd()).toBeNull();
  });

  it('never refreshes on a failed login, refresh or logout', async () => {
    const { auth, http } = await signedIn();
    const login = firstValueFrom(auth.login({ username: 'u', password: 'wrong' }));
    http.expectOne('/api/auth/login').flush(UNAUTHORIZED_BODY, UNAUTHORIZED);
    await expect(login).rejects.toBeInstanceOf(HttpErrorResponse);
    http.expectNone('/api/auth/refresh');
  });

  it('passes other errors through untouched', async () => {
    const { http, client } = await signedIn();
    const answer = firstValueFrom(client.get('/api/audit-entries'));
    http
      .expectOne('/api/audit-entries')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'Interdit' },
        { status: 403, statusText: 'Forbidden' },
      );
    await expect(answer).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
  });
});
