import { DOCUMENT, inject, InjectionToken } from '@angular/core';

/** Where the refresh token lives: per tab, so that closing the tab on a shared computer ends the session. */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => {
    const storage = inject(DOCUMENT).defaultView?.sessionStorage;
    if (!storage) throw new Error('sessionStorage is not available');
    return storage;
  },
});

export const REFRESH_TOKEN_KEY = 'passerelle.refreshToken';
