import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { IDLE_SESSION_MINUTES } from '@passerelle/shared/domain';
import { UNAVAILABLE_MESSAGE } from '../ui/api-error';
import type { SessionEnd } from './auth.service';

export const LOGIN_MESSAGES = {
  badCredentials: 'Identifiant ou mot de passe incorrect.',
  tooManyAttempts: 'Trop de tentatives. Réessayez dans quelques minutes.',
  unreachable: 'Le serveur Passerelle ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.',
  unavailable: UNAVAILABLE_MESSAGE,
  unexpected: 'La connexion a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.',
  proconnectRequired:
    'Votre organisation se connecte avec ProConnect : utilisez le bouton « S’identifier avec ProConnect ».',
  badCode:
    'Code incorrect ou déjà utilisé. Saisissez le code que l’application affiche maintenant, ou un code de secours.',
  badEnrolmentCode: 'Code incorrect. Saisissez le code que l’application affiche maintenant.',
  challengeExpired: 'Cette connexion a expiré. Saisissez de nouveau votre identifiant et votre mot de passe.',
} as const;

export const SESSION_END_MESSAGES: Record<SessionEnd, string> = {
  idle: `Votre session a expiré après ${IDLE_SESSION_MINUTES} minutes d'inactivité.`,
  expired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
};

/** « 1 seconde », « 45 secondes », « 1 minute », « 12 minutes » (minutes rounded up). */
function waitInFrench(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} secondes`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A 429 says how long to wait (`Retry-After`, in seconds): the message says it too. */
export function tooManyAttemptsMessage(error: HttpErrorResponse): string {
  const seconds = Number(error.headers.get('Retry-After') ?? Number.NaN);
  if (!Number.isInteger(seconds) || seconds <= 0) return LOGIN_MESSAGES.tooManyAttempts;
  return `Trop de tentatives. Réessayez dans ${waitInFrench(seconds)}.`;
}

export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return LOGIN_MESSAGES.unexpected;
  switch (error.status) {
    case HttpStatusCode.Unauthorized:
      return LOGIN_MESSAGES.badCredentials;
    case HttpStatusCode.TooManyRequests:
      return tooManyAttemptsMessage(error);
    case HttpStatusCode.Forbidden:
      // The only 403 of a sign-in: the right password, in an organisation that requires ProConnect.
      return LOGIN_MESSAGES.proconnectRequired;
    case 0:
    case HttpStatusCode.BadGateway:
    case HttpStatusCode.GatewayTimeout:
      return LOGIN_MESSAGES.unreachable;
    case HttpStatusCode.ServiceUnavailable:
      return LOGIN_MESSAGES.unavailable;
    default:
      return LOGIN_MESSAGES.unexpected;
  }
}

/** The second step's 401 is a wrong code, unless the sign-in itself has expired (then start again). */
export function secondFactorErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === HttpStatusCode.Unauthorized) {
    const message = (error.error as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message.includes('expired')
      ? LOGIN_MESSAGES.challengeExpired
      : LOGIN_MESSAGES.badCode;
  }
  return loginErrorMessage(error);
}
