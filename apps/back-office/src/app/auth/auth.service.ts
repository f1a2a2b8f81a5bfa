import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  type Action,
  allowedActions,
  type CurrentUser,
  isSecondFactorChallenge,
  type LoginOutcome,
  type LoginRequest,
  type LoginResponse,
  type LogoutResponse,
  type Principal,
  type SecondFactorChallenge,
  type SecondFactorLoginRequest,
  type SecondFactorLoginResponse,
  type TotpEnrolment,
} from '@passerelle/shared/domain';
import {
  catchError,
  defer,
  finalize,
  firstValueFrom,
  from,
  map,
  type Observable,
  of,
  shareReplay,
  tap,
  throwError,
} from 'rxjs';
import { AUTH_API } from './api-paths';

/** Why the previous session ended, for the login page to say. */
export type SessionEnd = 'idle' | 'expired';

/**
 * The tabs of one browser share the refresh cookie, and a refresh token used twice ends the
 * session (it may have been stolen): their refreshes take turns under this lock (Web Locks API).
 */
const REFRESH_LOCK = 'passerelle-refresh';

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  let result: T | undefined;
  await locks.request(REFRESH_LOCK, async () => {
    result = await work();
  });
  return result as T;
}

export function principalOf(user: Pick<CurrentUser, 'role' | 'organization'>): Principal {
  return {
    role: user.role,
    capabilities: user.organization.registersDemands ? ['registersDemands'] : [],
  };
}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  /** In memory only: never written anywhere a script on another page could read. */
  private readonly accessTokenState = signal<string | null>(null);
  private readonly userState = signal<CurrentUser | null>(null);
  private readonly sessionEndState = signal<SessionEnd | null>(null);
  private refreshInFlight: Observable<string> | null = null;
  private expiring = false;
  /** A refresh was refused since the last sign-in: no session to restore (no cookie, or a dead one). */
  private signedOut = false;

  readonly user = this.userState.asReadonly();
  readonly sessionEnd = this.sessionEndState.asReadonly();
  readonly actions = computed<ReadonlySet<Action>>(() => {
    const user = this.userState();
    return new Set(user ? allowedActions(principalOf(user)) : []);
  });

  accessToken(): string | null {
    return this.accessTokenState();
  }

  /** Signs in, or gives the second factor's challenge when the account has or must enrol one. */
  login(credentials: LoginRequest): Observable<CurrentUser | SecondFactorChallenge> {
    return this.http.post<LoginOutcome>(AUTH_API.login, credentials).pipe(
      map((outcome) => {
        if (isSecondFactorChallenge(outcome)) return outcome;
        this.startSession(outcome);
        return outcome.user;
      }),
    );
  }

  /** The second step: a code of the app or a recovery code (after an enrolment, the recovery codes come too). */
  loginWithSecondFactor(request: SecondFactorLoginRequest): Observable<SecondFactorLoginResponse> {
    return this.http
      .post<SecondFactorLoginResponse>(AUTH_API.secondFactorLogin, request)
      .pipe(tap((response) => this.startSession(response)));
  }

  /** During a sign-in whose role requires a second factor: the new secret to enrol. */
  enrolDuringSignIn(challenge: string): Observable<TotpEnrolment> {
    return this.http.post<TotpEnrolment>(AUTH_API.secondFactorLoginEnrolment, { challenge });
  }

  /**
   * Trades the refresh cookie (`HttpOnly`: this page never sees it) for a new access token and a new
   * cookie (tokens rotate). Concurrent callers share one request; other tabs take turns. Emits the
   * new access token.
   */
  refresh(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    this.refreshInFlight = defer(() =>
      from(inTurn(() => firstValueFrom(this.http.post<LoginResponse>(AUTH_API.refresh, null)))),
    ).pipe(
      map((response) => {
        this.startSession(response);
        return response.accessToken;
      }),
      catchError((error: unknown) => {
        // The server refused the token: it is spent or revoked. An unreachable server proves nothing.
        if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
          this.clearSession();
          this.signedOut = true;
        }
        return throwError(() => error);
      }),
      finalize(() => {
        this.refreshInFlight = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** True when a user is signed in, restoring the session from the refresh cookie after a reload. */
  ensureSession(): Observable<boolean> {
    if (this.userState()) return of(true);
    if (this.signedOut) return of(false);
    return this.refresh().pipe(
      map(() => true),
      catchError(() => of(false)),
    );
  }

  /** Ends the session here at once, and revokes the refresh token on the server. */
  async logout(reason: 'user' | 'idle' = 'user'): Promise<void> {
    const accessToken = this.accessTokenState();
    this.clearSession();
    this.signedOut = true;
    this.sessionEndState.set(reason === 'idle' ? 'idle' : null);
    const headers = accessToken ? new HttpHeaders({ Authorization: `Bearer ${accessToken}` }) : undefined;
    // The server ends the session and clears the cookie; best effort: the local session is already gone.
    const answer = await firstValueFrom(
      this.http.post<LogoutResponse | null>(AUTH_API.logout, null, { headers }),
    ).catch(() => null);
    // A ProConnect session ends at the provider too, which sends the browser back to Passerelle.
    if (answer?.redirectTo) {
      this.leave(answer.redirectTo);
      return;
    }
    await this.router.navigateByUrl('/connexion');
  }

  /** The session could not be renewed: back to the login page, which will return here afterwards. */
  expireSession(): void {
    this.clearSession();
    if (this.expiring) return;
    this.expiring = true;
    this.sessionEndState.set('expired');
    const navigation = this.router.currentNavigation();
    const current = navigation
      ? this.router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl)
      : this.router.url;
    void this.router.navigate(['/connexion'], { queryParams: returnQuery(current) });
  }

  /** Leaves the application for another site (a test replaces it). */
  leave(url: string): void {
    globalThis.location.assign(url);
  }

  private startSession(response: LoginResponse): void {
    this.accessTokenState.set(response.accessToken);
    this.userState.set(response.user);
    this.sessionEndState.set(null);
    this.expiring = false;
    this.signedOut = false;
  }

  private clearSession(): void {
    this.accessTokenState.set(null);
    this.userState.set(null);
  }
}

/** The `?retour=` to send the user back to `url` after signing in, when it is worth it. */
export function returnQuery(url: string): { retour?: string } {
  // The home page, whatever its query: ProConnect's logout comes back to `/?state=…`.
  const home = url === '/' || url.startsWith('/?') || url.startsWith('/#');
  return url && !home && !url.startsWith('/connexion') ? { retour: url } : {};
}

/** A return URL read from the address bar is only followed inside the application. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.startsWith('/connexion') ? '/' : value;
}
