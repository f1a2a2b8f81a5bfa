import { HttpErrorResponse } from '@angular/common/http';

/** A French sentence for a failed call, never the server's English. */
export function apiErrorMessage(error: unknown, action: string): string {
  if (!(error instanceof HttpErrorResponse)) return `${action} a échoué à cause d’une erreur inattendue.`;
  switch (error.status) {
    case 0:
    case 502:
    case 503:
    case 504:
      return `${action} a échoué : le serveur Passerelle ne répond pas. Réessayez dans quelques instants.`;
    case 400:
      return `${action} a échoué : certaines informations sont invalides. Vérifiez le formulaire.`;
    case 403:
      return `${action} n’est pas permis avec votre compte.`;
    case 404:
      return `${action} a échoué : l’élément n’existe plus ou ne vous est pas accessible.`;
    case 409:
      return `${action} a échoué : l’état a changé entre-temps. Rechargez la page.`;
    default:
      return `${action} a échoué à cause d’une erreur inattendue. Réessayez dans quelques instants.`;
  }
}
