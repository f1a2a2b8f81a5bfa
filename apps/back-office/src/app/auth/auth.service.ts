import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  type Action,
  allowedActions,
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  type Principal,
  type RefreshRequest,
} from '@passerelle/shared/domain';
import {
  catchError,
  finalize,
  firstValueFrom,
  map,
  type Observable,
  of,
  shareReplay,
  throwError,
} from 'rxjs';
import { AUTH_API } from './api-paths';
import { REFRESH_TOKEN_KEY, SESSION_STORAGE } from './session-storage';

/** Why the previous session ended, for the login page to say. */
export type SessionEnd = 'idle' | 'expired';

/** Thrown when a refresh is asked for while no refresh token is held. */
export class NoSessionError extends Error {
  constructor() {
    super('No refresh token');
    this.name = 'NoSessionError';
  }
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
  private readonly storage = inject(SESSION_STORAGE);

  /** In memory only: never written anywhere a script on another page could read. */
  private readonly accessTokenState = signal<string | null>(null);
  private readonly userState = signal<CurrentUser | null>(null);
  private readonly sessionEndState = signal<SessionEnd | null>(null);
  private refreshInFlight: Observable<string> | null = null;
  private expiring = false;

  readonly user = this.userState.asReadonly();
  readonly sessionEnd = this.sessionEndState.asReadonly();
  readonly actions = computed<ReadonlySet<Action>>(() => {
    const user = this.userState();
    return new Set(user ? allowedActions(principalOf(user)) : []);
  });

  accessToken(): string | null {
    return this.accessTokenState();
  }

  hasRefreshToken(): boolean {
    return this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  login(credentials: LoginRequest): Observable<CurrentUser> {
    return this.http.post<LoginResponse>(AUTH_API.login, credentials).pipe(
      map((response) => {
        this.startSession(response);
        return response.user;
      }),
    );
  }

  /**
   * Trades the refresh token for a new pair (tokens rotate: the new refresh token replaces the old).
   * Concurrent callers share one request. Emits the new access token.
   */
  refresh(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) return throwError(() => new NoSessionError());
    const body: RefreshRequest = { refreshToken };
    this.refreshInFlight = this.http.post<LoginResponse>(AUTH_API.refresh, body).pipe(
      map((response) => {
        this.startSession(response);
        return response.accessToken;
      }),
      catchError((error: unknown) => {
        // The server refused the token: it is spent or revoked. An unreachable server proves nothing.
        if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
          this.clearSession();
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

  /** True when a user is signed in, restoring the session from the refresh token after a reload. */
  ensureSession(): Observable<boolean> {
    if (this.userState()) return of(true);
    if (!this.hasRefreshToken()) return of(false);
    return this.refresh().pipe(
      map(() => true),
      catchError(() => of(false)),
    );
  }

  /** Ends the session here at once, and revokes the refresh token on the server. */
  async logout(reason: 'user' | 'idle' = 'user'): Promise<void> {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    const accessToken = this.accessTokenState();
    this.clearSession();
    this.sessionEndState.set(reason === 'idle' ? 'idle' : null);
    if (refreshToken) {
      const headers = accessToken ? new HttpHeaders({ Authorization: `Bearer ${accessToken}` }) : undefined;
      // Revocation is best effort: the local session is already gone whatever the server says.
      void firstValueFrom(this.http.post<void>(AUTH_API.logout, { refreshToken }, { headers })).catch(
        () => undefined,
      );
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

  private startSession(response: LoginResponse): void {
    this.accessTokenState.set(response.accessToken);
    this.userState.set(response.user);
    this.storage.setItem(REFRESH_TOKEN_KEY, response.refreshToken);
    this.sessionEndState.set(null);
    this.expiring = false;
  }

  private clearSession(): void {
    this.accessTokenState.set(null);
    this.userState.set(null);
    this.storage.removeItem(REFRESH_TOKEN_KEY);
  }
}

/** The `?retour=` to send the user back to `url` after signing in, when it is worth it. */
export function returnQuery(url: string): { retour?: string } {
  return url && url !== '/' && !url.startsWith('/connexion') ? { retour: url } : {};
}

/** A return URL read from the address bar is only followed inside the application. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.startsWith('/connexion') ? '/' : value;
}
