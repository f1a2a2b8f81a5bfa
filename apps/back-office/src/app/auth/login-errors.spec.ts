import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { LOGIN_MESSAGES, loginErrorMessage } from './login-errors';

const tooMany = (retryAfter?: string) =>
  new HttpErrorResponse({
    status: 429,
    headers: retryAfter === undefined ? undefined : new HttpHeaders({ 'Retry-After': retryAfter }),
  });

describe('loginErrorMessage', () => {
  it('says how long to wait after too many attempts, from Retry-After', () => {
    expect(loginErrorMessage(tooMany('900'))).toBe('Trop de tentatives. Réessayez dans 15 minutes.');
    expect(loginErrorMessage(tooMany('61'))).toBe('Trop de tentatives. Réessayez dans 2 minutes.');
    expect(loginErrorMessage(tooMany('60'))).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(loginErrorMessage(tooMany('45'))).toBe('Trop de tentatives. Réessayez dans 45 secondes.');
    expect(loginErrorMessage(tooMany('1'))).toBe('Trop de tentatives. Réessayez dans 1 seconde.');
  });

  it('still says to wait when the answer does not say how long', () => {
    for (const retryAfter of [undefined, '', '0', '-5', '1.5', 'Wed, 21 Oct 2026 07:28:00 GMT'])
      expect(loginErrorMessage(tooMany(retryAfter))).toBe(LOGIN_MESSAGES.tooManyAttempts);
  });
});
