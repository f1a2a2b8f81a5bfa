import {
  HttpErrorResponse,
  type HttpInterceptorFn,
  type HttpRequest,
  HttpStatusCode,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, of, switchMap, throwError } from 'rxjs';
import { isApiRequest, isSessionEndpoint } from './api-paths';
import { AuthService } from './auth.service';

/**
 * Adds the access token to API calls. On a 401 it renews the session once (one refresh shared by
 * every failing call) and replays the call; when the session cannot be renewed, it sends the user
 * to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) return next(request);
  const auth = inject(AuthService);
  const sentToken = auth.accessToken();
  const outgoing =
    request.headers.has('Authorization') || !sentToken ? request : withBearer(request, sentToken);
  if (isSessionEndpoint(request.url)) return next(outgoing);

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== HttpStatusCode.Unauthorized) {
        return throwError(() => error);
      }
      const current = auth.accessToken();
      // Another call already renewed the session while this one was travelling: just replay.
      const freshToken$ = current && current !== sentToken ? of(current) : auth.refresh();
      return freshToken$.pipe(
        catchError((refreshError: unknown) => {
          // An unreachable server says nothing about the session: report that, keep the user here.
          if (
            refreshError instanceof HttpErrorResponse &&
            (refreshError.status === 0 || refreshError.status >= 500)
          ) {
            return throwError(() => refreshError);
          }
          auth.expireSession();
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(request, token))),
      );
    }),
  );
};

function withBearer(request: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
