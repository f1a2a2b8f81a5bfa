import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@passerelle/shared/domain';

/**
 * The one place that says, in French, what a failed call means. The API's `message` and field
 * messages are English (API.md): they are never shown to users.
 */

/** The error body of API.md, or nothing when the answer had none (network, proxy). */
export function apiErrorBody(error: HttpErrorResponse): Partial<ApiError> {
  const body: unknown = error.error;
  return typeof body === 'object' && body !== null ? (body as Partial<ApiError>) : {};
}

/**
 * A 503: Passerelle cannot reach its database for a moment (a restart, an incident), or the
 * instance that answered is stopping. Nothing was done; the same action will work again shortly.
 */
export const UNAVAILABLE_MESSAGE =
  'Passerelle est momentanément indisponible. Réessayez dans quelques instants.';

/** What each status means, whatever was being done. Features may say more about their own. */
export const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  0: 'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.',
  400: 'Certaines informations sont à corriger.',
  401: 'Votre session a pris fin : reconnectez-vous.',
  403: "Vous n'avez pas le droit de faire cette opération.",
  404: "Cet élément n'existe pas ou ne vous est plus accessible.",
  409: 'Cette opération est refusée en l’état actuel.',
  412: "Ce dossier a été modifié par quelqu'un d'autre.",
  413: 'Le fichier ou la demande est trop volumineux.',
  415: "Ce type de fichier n'est pas accepté.",
  428: 'La version du dossier manque : rechargez la page.',
  429: 'Trop de demandes en peu de temps : patientez un instant puis réessayez.',
  503: UNAVAILABLE_MESSAGE,
};

const SERVER_FAILURE = 'Le serveur a rencontré une erreur. Réessayez dans un instant.';
const OTHER_FAILURE = 'Une erreur est survenue. Réessayez.';
export const UNEXPECTED_FAILURE = 'Une erreur inattendue est survenue.';

/** The message for a status; `own` words it for a feature (`{ 404: 'Ce dossier…' }`). */
export function statusMessage(status: number, own: Readonly<Partial<Record<number, string>>> = {}): string {
  return own[status] ?? STATUS_MESSAGES[status] ?? (status >= 500 ? SERVER_FAILURE : OTHER_FAILURE);
}

/** A French sentence for a failed call, never the server's English: « La création du compte a échoué… ». */
export function apiErrorMessage(error: unknown, action: string): string {
  if (!(error instanceof HttpErrorResponse)) return `${action} a échoué à cause d’une erreur inattendue.`;
  switch (error.status) {
    case 0:
    case 502:
    case 504:
      return `${action} a échoué : le serveur Passerelle ne répond pas. Réessayez dans quelques instants.`;
    case 503:
      return `${action} a échoué : ${UNAVAILABLE_MESSAGE}`;
    case 400:
      return `${action} a échoué : certaines informations sont invalides. Vérifiez le formulaire.`;
    case 403:
      return `${action} n’est pas permis avec votre compte.`;
    case 404:
      return `${action} a échoué : l’élément n’existe plus ou ne vous est pas accessible.`;
    case 409:
      return `${action} a échoué : l’état a changé entre-temps. Rechargez la page.`;
    case 429:
      return `${action} a échoué : trop de demandes en peu de temps. Patientez un instant puis réessayez.`;
    default:
      return `${action} a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.`;
  }
}
