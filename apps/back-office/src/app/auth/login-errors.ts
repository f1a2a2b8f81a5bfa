import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { IDLE_SESSION_MINUTES } from '@passerelle/shared/domain';
import type { SessionEnd } from './auth.service';

export const LOGIN_MESSAGES = {
  badCredentials: 'Identifiant ou mot de passe incorrect.',
  tooManyAttempts: 'Trop de tentatives. Réessayez dans quelques minutes.',
  unreachable: 'Le serveur Passerelle ne répond pas. Vérifiez votre connexion au réseau, puis réessayez.',
  unexpected: 'La connexion a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.',
} as const;

export const SESSION_END_MESSAGES: Record<SessionEnd, string> = {
  idle: `Votre session a expiré après ${IDLE_SESSION_MINUTES} minutes d'inactivité.`,
  expired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
};

export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return LOGIN_MESSAGES.unexpected;
  switch (error.status) {
    case HttpStatusCode.Unauthorized:
      return LOGIN_MESSAGES.badCredentials;
    case HttpStatusCode.TooManyRequests:
      return LOGIN_MESSAGES.tooManyAttempts;
    case 0:
    case HttpStatusCode.BadGateway:
    case HttpStatusCode.ServiceUnavailable:
    case HttpStatusCode.GatewayTimeout:
      return LOGIN_MESSAGES.unreachable;
    default:
      return LOGIN_MESSAGES.unexpected;
  }
}
