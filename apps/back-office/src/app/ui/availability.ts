import {
  HttpErrorResponse,
  type HttpInterceptorFn,
  HttpResponse,
  HttpStatusCode,
} from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { tap } from 'rxjs';
import { isApiRequest } from '../auth/api-paths';

/**
 * Whether Passerelle said it is momentarily unavailable (503: its database is away, or the instance
 * is stopping). The shell says so above every page until an API call succeeds again: many screens
 * load what they show without a message of their own when it fails.
 */
@Injectable({ providedIn: 'root' })
export class Availability {
  private readonly unavailableState = signal(false);
  readonly unavailable = this.unavailableState.asReadonly();

  answered(status: number): void {
    if (status === HttpStatusCode.ServiceUnavailable) this.unavailableState.set(true);
    else if (status >= 200 && status < 300) this.unavailableState.set(false);
  }
}

/** Tells Availability how each API call ended. */
export const availabilityInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) return next(request);
  const availability = inject(Availability);
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) availability.answered(event.status);
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse) availability.answered(error.status);
      },
    }),
  );
};
